package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mapi4j.spi.HResult.S_OK;

import org.junit.jupiter.api.Test;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/** 100,000 logon / logoff / release cycles leave nothing alive, natively or in Java. */
class ManyCyclesTest extends ReferenceLibraryFixture {

    private static final int CYCLES = 100_000;

    @Test
    void hundredThousandLogonLogoffReleaseCycles() {
        initialize();
        long start = System.nanoTime();
        for (int i = 0; i < CYCLES; i++) {
            Out<MapiSessionHandle> out = new Out<>();
            int hr = provider.logon(0, null, null, LOGON_DEFAULT, out);
            if (hr != S_OK) {
                assertHr(S_OK, hr); // only formats the failure; no assertion cost per cycle
            }
            MapiSessionHandle session = out.get();
            if (session.logoff(0, 0, 0) != S_OK || session.release() != 0) {
                assertEquals(S_OK, session.logoff(0, 0, 0), "cycle " + i);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Informational only, never asserted: surefire keeps it in target/surefire-reports.
        System.out.printf("%d logon/logoff/release cycles through JNA took %d ms (%d us per cycle)%n", CYCLES,
                millis, millis * 1000 / CYCLES);
        assertEquals(0L, control.MAPI4J_LiveObjectCount().longValue());
        assertEquals(0, provider.liveSessionCount());
        provider.uninitialize();
    }
}
