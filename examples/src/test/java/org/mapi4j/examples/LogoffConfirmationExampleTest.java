package org.mapi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogoffConfirmationExampleTest {

    @Test
    void decliningKeepsTheSessionAndTheParentWindowReachesThePrompt() {
        int[] asked = new int[1];
        List<String> lines = Capture.lines(out -> asked[0] = LogoffConfirmationExample.run(
                new ByteArrayInputStream("n\nY\n".getBytes(StandardCharsets.UTF_8)), out));

        assertEquals(2, asked[0]);
        assertEquals(List.of(
                "Log off? (parent window 0xc0ffee) [y/N] ",
                "declined: MAPI_E_USER_CANCEL (0x80040113); still logged on: true",
                "Log off? (parent window 0xc0ffee) [y/N] ",
                "logged off"), lines);
    }
}
