package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The release-after-last-call rule, without native code. */
class CallGateTest {

    private final AtomicInteger releases = new AtomicInteger();
    private final CallGate gate = new CallGate(releases::incrementAndGet);

    @Test
    void closeWithNothingInFlightReleasesAtOnceAndOnce() {
        gate.close();
        assertEquals(1, releases.get());
        gate.close();
        assertEquals(1, releases.get());
        assertFalse(gate.enter());
        assertTrue(gate.isReleased());
    }

    @Test
    void closeDuringACallDefersTheReleaseToTheLastCallOut() {
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        gate.close();
        assertEquals(0, releases.get(), "two calls in flight");
        assertFalse(gate.enter(), "no new call after close");
        gate.exit();
        assertEquals(0, releases.get(), "one call in flight");
        gate.exit();
        assertEquals(1, releases.get());
    }

    @Test
    void aCallThatReleasesItsOwnObjectDoesNotDeadlock() {
        assertTrue(gate.enter());
        gate.close(); // e.g. a sink releasing the session during that session's Logoff
        assertEquals(0, releases.get());
        gate.exit();
        assertEquals(1, releases.get());
    }

    @Test
    void racingCallersAndACloserReleaseExactlyOnceAfterTheLastCall() throws Exception {
        for (int round = 0; round < 2_000; round++) {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger releasedWhileInside = new AtomicInteger();
            AtomicInteger released = new AtomicInteger();
            CallGate racing = new CallGate(() -> {
                if (inside.get() != 0) {
                    releasedWhileInside.incrementAndGet();
                }
                released.incrementAndGet();
            });
            int callers = 4;
            CyclicBarrier start = new CyclicBarrier(callers + 1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                threads.add(new Thread(() -> {
                    await(start);
                    for (int k = 0; k < 50 && racing.enter(); k++) {
                        inside.incrementAndGet();
                        inside.decrementAndGet();
                        racing.exit();
                    }
                }));
            }
            threads.forEach(Thread::start);
            await(start);
            racing.close();
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(1, released.get());
            assertEquals(0, releasedWhileInside.get());
        }
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
