package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;

/** LOGOFF-5: Logoff is linearizable per handle, also against every other method. */
class RaceTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 200;

    private final Fx fx = new Fx();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    @DisplayName("LOGOFF-5: 16 threads Logoff one handle: exactly one S_OK, every loser MAPI_E_INVALID_OBJECT (200 rounds)")
    void LOGOFF_5_sixteenConcurrentLogoffs() throws Exception {
        try (Concurrently threads = new Concurrently(THREADS)) {
            for (int round = 0; round < ROUNDS; round++) {
                InMemorySessionHandle handle = round % 2 == 0 ? fx.individual() : fx.publish();
                RecordingSink sink = new RecordingSink();
                Fx.advise(handle, sink);
                List<Integer> results = threads.run(i -> handle.logoff(i, i % 4 == 0 ? 0x2 : 0, 0));
                assertEquals(1, results.stream().filter(r -> r == 0x00000000).count(), "round " + round + ": " + results);
                assertEquals(THREADS - 1, results.stream().filter(r -> r == 0x80040108).count(), "round " + round);
                assertEquals(HandleState.LOGGED_OFF, handle.handleState());
                assertEquals(0, sink.held());
                assertEquals(1, sink.addRefs.get());
                assertEquals(0, handle.release());
            }
            assertEquals(0, fx.provider.liveSessionCount());
        }
    }

    @Test
    @DisplayName("LOGOFF-5: calls racing Logoff return S_OK or MAPI_E_INVALID_OBJECT, and only the latter once it returned")
    void LOGOFF_5_otherMethodsRacingLogoff() throws Exception {
        try (Concurrently threads = new Concurrently(THREADS)) {
            for (int round = 0; round < 50; round++) {
                InMemorySessionHandle handle = fx.individual();
                Queue<String> violations = new ConcurrentLinkedQueue<>();
                Queue<RecordingSink> advised = new ConcurrentLinkedQueue<>();
                boolean[] logoffReturned = new boolean[1];
                Object done = new Object();
                threads.run(i -> {
                    if (i == 0) {
                        int hr = handle.logoff(0, 0, 0);
                        synchronized (done) {
                            logoffReturned[0] = true;
                        }
                        if (hr != 0) {
                            violations.add("logoff " + Integer.toHexString(hr));
                        }
                        return null;
                    }
                    // Call until Logoff has returned: on 2 cores the Logoff thread may wait its turn for a
                    // long time, so the bound is a generous safety net, not a measure of speed.
                    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    for (int call = 0; System.nanoTime() < giveUp; call++) {
                        boolean after;
                        synchronized (done) {
                            after = logoffReturned[0];
                        }
                        int hr = call(handle, call + i, advised);
                        if (hr != 0x80040108 && (after || hr != 0x00000000)) {
                            violations.add("call " + (call + i) % 6 + " -> " + Integer.toHexString(hr)
                                    + (after ? " after Logoff returned" : ""));
                        }
                        if (after) {
                            return null;
                        }
                    }
                    violations.add("Logoff did not return within 60 s");
                    return null;
                });
                assertEquals(List.of(), List.copyOf(violations), "round " + round);
                for (RecordingSink sink : advised) {
                    assertEquals(0, sink.held(), "every successful Advise was cancelled by Logoff or Unadvise");
                }
            }
        }
    }

    @Test
    @DisplayName("LOGOFF-5: Advise/Unadvise pairs racing Logoff never see MAPI_E_NOT_FOUND for their own connection")
    void LOGOFF_5_unadviseRacingLogoff() throws Exception {
        try (Concurrently threads = new Concurrently(THREADS)) {
            for (int round = 0; round < 500; round++) {
                InMemorySessionHandle handle = fx.individual();
                List<Integer> results = threads.run(i -> {
                    if (i == 0) {
                        return handle.logoff(0, 0, 0);
                    }
                    for (;;) {
                        RecordingSink sink = new RecordingSink();
                        LongOut connection = new LongOut();
                        int hr = handle.advise(null, 1, sink, connection);
                        if (hr != 0) {
                            return hr;
                        }
                        hr = handle.unadvise(connection.get());
                        if (hr != 0) {
                            return hr;
                        }
                    }
                });
                assertEquals(0, results.get(0));
                for (int hr : results.subList(1, THREADS)) {
                    assertEquals(0x80040108, hr, "round " + round);
                }
            }
        }
    }

    private static int call(InMemorySessionHandle handle, int which, Queue<RecordingSink> advised) {
        switch (which % 6) {
            case 0: {
                Out<MapiTable> table = new Out<>();
                int hr = handle.getMsgStoresTable(0, table);
                if (hr == 0) {
                    int rows = table.get().getRowCount(0, new IntOut());
                    table.get().release();
                    return rows == 0 || rows == 0x80040108 ? hr : rows;
                }
                return hr;
            }
            case 1:
                return handle.queryIdentity(new Out<>());
            case 2:
                return handle.compareEntryIDs(new byte[] {1}, new byte[] {1}, 0, new IntOut());
            case 3: {
                RecordingSink sink = new RecordingSink();
                LongOut connection = new LongOut();
                int hr = handle.advise(null, 1, sink, connection);
                if (hr != 0) {
                    return hr;
                }
                advised.add(sink);
                return handle.unadvise(connection.get());
            }
            case 4: {
                Out<MapiProp> section = new Out<>();
                int hr = handle.openProfileSection(null, null, 0, section);
                if (hr == 0) {
                    section.get().release();
                }
                return hr;
            }
            default: {
                Out<Object> ppv = new Out<>();
                int hr = handle.queryInterface(org.mapi4j.spi.Iids.IID_IMAPISESSION, ppv);
                if (hr == 0) {
                    int refs = handle.release();
                    if (refs < 1) {
                        fail("QueryInterface must add a reference");
                    }
                }
                return hr;
            }
        }
    }

    @Test
    @DisplayName("LOGOFF-5: concurrent Release and Logoff: one logoff, the handle ends DESTROYED")
    void LOGOFF_5_releaseRacingLogoff() throws Exception {
        try (Concurrently threads = new Concurrently(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                InMemorySessionHandle handle = fx.individual();
                RecordingSink sink = new RecordingSink();
                Fx.advise(handle, sink);
                List<Integer> results = threads.run(i -> i == 0 ? handle.logoff(0, 0, 0) : handle.release());
                assertTrue(results.get(0) == 0 || results.get(0) == 0x80040108, "logoff " + results.get(0));
                assertEquals(0, results.get(1));
                assertEquals(HandleState.DESTROYED, handle.handleState());
                assertEquals(0, sink.held());
            }
            assertEquals(0, fx.provider.liveSessionCount());
        }
    }
}
