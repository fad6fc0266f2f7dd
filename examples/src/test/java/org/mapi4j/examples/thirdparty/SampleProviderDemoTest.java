package org.mapi4j.examples.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo runs the sample provider through the API and prints what its profiles hold. */
class SampleProviderDemoTest {

    @Test
    void demoPrintsProfilesStoresAndTheSharedLogoff() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SampleProviderDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();

        assertEquals(List.of(
                "provider: sample (2 profiles from sample-profiles.properties)",
                "default profile, store: Sample Mailbox (default)",
                "profile Travel, store: Travel Mailbox (default)",
                "client joined, shared session, store: Sample Mailbox (default)",
                "client: notified, MAPI_E_END_OF_SESSION",
                "owner: logged off with MAPI_LOGOFF_SHARED; client still logged on: true"), lines);
    }
}
