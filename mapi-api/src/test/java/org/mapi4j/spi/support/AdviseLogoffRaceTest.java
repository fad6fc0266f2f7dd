package org.mapi4j.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.LongOut;

/**
 * LOGOFF-1(a) and LOGOFF-5 under a race: Advise calls racing a Logoff on another thread. A Logoff
 * reads the handle's registrations without writing anything when there are none, so an Advise that
 * made the first registration meanwhile must cancel it itself; either way no sink may stay held.
 */
class AdviseLogoffRaceTest {

    private static final int ROUNDS = 2_000;

    private final MinimalProvider provider = new MinimalProvider();

    @BeforeEach
    void initialize() {
        assertEquals(S_OK, provider.initialize(null));
    }

    @Test
    @DisplayName("LOGOFF-1(a): a Logoff that completes while the first Advise runs: that Advise's sink is released all the same")
    void LOGOFF_1_logoffCompletesDuringTheFirstAdvise() {
        MinimalProvider.Handle handle = provider.logon();
        provider.duringAdvise = () -> {
            Thread logoff = new Thread(() -> assertEquals(S_OK, handle.logoff(0, 0, 0)));
            logoff.start();
            try {
                logoff.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        };
        SkeletonTest.CountingSink sink = new SkeletonTest.CountingSink();
        LongOut connection = new LongOut();
        assertEquals(S_OK, handle.advise(null, 0, sink, connection), "as if the Advise came first");
        assertTrue(connection.get() != 0);
        assertEquals(0, sink.held.get(), "the sink is released: the Logoff came after it");
        assertEquals(0, handle.send(ErrorNotification.END_OF_SESSION));
        assertEquals(MAPI_E_INVALID_OBJECT, handle.unadvise(connection.get()));
        assertEquals(0, sink.calls.get());
    }

    @Test
    @DisplayName("LOGOFF-1(a): every sink advised while a Logoff races is released, none is notified afterwards")
    void LOGOFF_1_racingAdviseIsCancelled() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        int advisedInTime = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            MinimalProvider.Handle handle = provider.logon();
            List<SkeletonTest.CountingSink> sinks = new ArrayList<>();
            Thread logoff = new Thread(() -> {
                await(start);
                handle.logoff(0, 0, 0);
            });
            logoff.start();
            await(start);
            for (;;) {
                SkeletonTest.CountingSink sink = new SkeletonTest.CountingSink();
                int hr = handle.advise(null, 0, sink, new LongOut());
                if (hr == MAPI_E_INVALID_OBJECT) {
                    refused++;
                    break;
                }
                assertEquals(S_OK, hr);
                sinks.add(sink);
                advisedInTime++;
            }
            logoff.join();
            assertEquals(0, handle.send(ErrorNotification.END_OF_SESSION), "round " + round + ": notified after Logoff");
            for (SkeletonTest.CountingSink sink : sinks) {
                assertEquals(0, sink.held.get(), "round " + round + ": a sink is still held after Logoff");
            }
            handle.release();
        }
        assertEquals(ROUNDS, refused);
        assertTrue(advisedInTime > 0, "no Advise ever ran before the Logoff: the race was not exercised");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
