package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;

/** Spec B.5: what a successful Logoff does. */
class LogoffEffectTest {

    private final Fx fx = new Fx();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    @DisplayName("LOGOFF-1: S_OK; registrations cancelled and sinks released; children invalid; LOGGED_OFF")
    void LOGOFF_1_success() {
        InMemorySessionHandle handle = fx.individual();
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        Fx.advise(handle, first);
        LongOut connection = new LongOut();
        assertEquals(Hr.S_OK, handle.advise(null, 0, second, connection));
        assertEquals(1, first.held());
        Out<MapiTable> table = new Out<>();
        assertEquals(Hr.S_OK, handle.getMsgStoresTable(0, table));

        assertEquals(0x00000000, handle.logoff(0, 0, 0));

        assertEquals(HandleState.LOGGED_OFF, handle.handleState());
        assertEquals(0, handle.registrationCount());
        assertEquals(0, first.held(), "sink released");
        assertEquals(0, second.held(), "sink released");
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, table.get().getRowCount(0, new IntOut()));
        assertEquals(0, fx.provider.liveSessionCount());
    }

    @Test
    @DisplayName("LOGOFF-2: Logoff of an individual session ends the underlying session")
    void LOGOFF_2_individualSessionEnds() {
        InMemorySessionHandle handle = fx.individual();
        assertEquals(UnderlyingSession.State.ACTIVE, handle.session().state());
        assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
        assertEquals(UnderlyingSession.State.ENDED, handle.session().state());
    }

    @Test
    @DisplayName("LOGOFF-4: one fnevExtended {ulEvent 0, no payload} to each own session-level sink that asked for it")
    void LOGOFF_4_extendedNotification() {
        InMemorySessionHandle handle = fx.individual();
        RecordingSink wantsExtended = new RecordingSink();
        RecordingSink criticalOnly = new RecordingSink();
        assertEquals(Hr.S_OK, handle.advise(null, Hr.FNEV_EXTENDED, wantsExtended, new LongOut()));
        assertEquals(Hr.S_OK, handle.advise(null, Hr.FNEV_CRITICAL_ERROR, criticalOnly, new LongOut()));
        assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
        assertEquals(List.of(new ExtendedNotification(0, new byte[0])), wantsExtended.received);
        assertEquals(0x80000000, wantsExtended.received.get(0).eventType());
        assertEquals(0, criticalOnly.calls.get());
    }

    @Test
    @DisplayName("LOGOFF-5: two concurrent Logoffs -> exactly one S_OK, the other MAPI_E_INVALID_OBJECT")
    void LOGOFF_5_twoConcurrentLogoffs() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 100; round++) {
                InMemorySessionHandle handle = fx.individual();
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> a = pool.submit(() -> {
                    start.await();
                    return handle.logoff(0, 0, 0);
                });
                Future<Integer> b = pool.submit(() -> {
                    start.await();
                    return handle.logoff(0, 0, 0);
                });
                start.countDown();
                int ra = a.get(10, TimeUnit.SECONDS);
                int rb = b.get(10, TimeUnit.SECONDS);
                assertTrue(ra == 0 && rb == 0x80040108 || ra == 0x80040108 && rb == 0, ra + " / " + rb);
                assertFalse(handle.isLoggedOn());
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
