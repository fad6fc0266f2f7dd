package org.mapi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FastShutdownExampleTest {

    @Test
    void fastShutdownSucceedsAndInvalidatesTheSession() {
        int[] result = new int[1];
        List<String> lines = Capture.lines(out -> result[0] = FastShutdownExample.run(out));

        assertEquals(0, result[0]);
        assertEquals(List.of(
                "QueryInterface(IID_IMAPIClientShutdown) -> S_OK (0x00000000)",
                "QueryFastShutdown -> S_OK (0x00000000)",
                "NotifyProcessShutdown -> S_OK (0x00000000)",
                "DoFastShutdown -> S_OK (0x00000000)",
                "session still logged on: false; exiting without MAPIUninitialize"), lines);
    }
}
