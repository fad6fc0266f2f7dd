package org.mapi4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/**
 * Soak: MAPILogonEx, Logoff, Release over and over on one initialized provider,
 * 20,000 cycles by default and 1,000,000 with {@code -Dmapi4j.soak.full=true}. Nothing may leak:
 * for the native provider {@code MAPI4J_LiveObjectCount()} is 0 at the checkpoints and the end, and
 * for both the used heap after a full GC at the end is within {@value #HEAP_TOLERANCE_MB} MB of
 * that at 10 % of the run. Every 16th cycle also registers a sink that Logoff must cancel and
 * release (LOGOFF-1a), so the sink's lifetime is soaked too.
 */
class SoakTest {

    private static final long HEAP_TOLERANCE_MB = 8;
    private static final int ADVISE_EVERY = 16;

    @ParameterizedTest
    @MethodSource("org.mapi4j.bench.soak.Subject#all")
    void logonLogoffReleaseLeaksNothing(Subject subject) {
        int cycles = Size.of(20_000, 1_000_000);
        try (Rig rig = Rig.open(subject)) {
            MapiProvider provider = rig.provider();
            int tenth = cycles / 10;
            HeapProbe.usedAfterGc(); // lets what earlier tests left for the JNA cleaner drain before the baseline
            cycle(provider, 0, tenth);
            rig.assertNothingAlive("after " + tenth + " cycles");
            long early = HeapProbe.usedAfterGc();
            cycle(provider, tenth, cycles);
            rig.assertNothingAlive("after " + cycles + " cycles");
            long late = HeapProbe.usedAfterGc();
            long growth = late - early;
            System.out.printf("soak %s: %d cycles, used heap after GC %d KB at 10%%, %d KB at 100%%%n", subject,
                    cycles, early / 1024, late / 1024);
            assertTrue(growth < HEAP_TOLERANCE_MB * 1024 * 1024, "used heap after GC grew by " + growth / 1024
                    + " KB between 10% and 100% of " + cycles + " cycles");
        }
    }

    private static void cycle(MapiProvider provider, int from, int to) {
        Out<MapiSessionHandle> out = new Out<>();
        LongOut connection = new LongOut();
        CountingSink sink = new CountingSink();
        for (int i = from; i < to; i++) {
            int hr = provider.logon(0, null, null, Rig.NEW_SESSION, out);
            if (hr != HResult.S_OK) {
                assertEquals(HResult.describe(HResult.S_OK), HResult.describe(hr), "MAPILogonEx in cycle " + i);
            }
            MapiSessionHandle session = out.get();
            if (i % ADVISE_EVERY == 0) {
                hr = session.advise(null, MapiConstants.FNEV_CRITICAL_ERROR, sink, connection);
                if (hr != HResult.S_OK) {
                    assertEquals(HResult.describe(HResult.S_OK), HResult.describe(hr), "Advise in cycle " + i);
                }
            }
            hr = session.logoff(0, 0, 0);
            if (hr != HResult.S_OK) {
                assertEquals(HResult.describe(HResult.S_OK), HResult.describe(hr), "Logoff in cycle " + i);
            }
            int references = session.release();
            if (references != 0) {
                assertEquals(0, references, "final Release in cycle " + i);
            }
        }
        assertEquals(0, sink.count(), "a plain Logoff notified the caller's own sink");
    }
}
