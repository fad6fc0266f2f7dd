package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.Notification;
import org.mapi4j.spi.Out;

/** NOTIFY-5, NOTIFY-6 and SHARED-5 under races. */
class NotifyRaceTest {

    private final Fx fx = new Fx();

    NotifyRaceTest() {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    /** Counts critical errors; records an OnNotify that starts after Unadvise returned, or a Release during OnNotify. */
    private static final class GuardedSink implements AdviseSink {
        final AtomicInteger critical = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicBoolean unadvised = new AtomicBoolean();
        final AtomicInteger violations = new AtomicInteger();
        final AtomicInteger releases = new AtomicInteger();

        @Override
        public int onNotify(List<Notification> notifications) {
            inFlight.incrementAndGet();
            if (unadvised.get()) {
                violations.incrementAndGet();
            }
            for (Notification n : notifications) {
                if (n instanceof ErrorNotification e && e.scode() == 0x80040200) {
                    critical.incrementAndGet();
                }
            }
            inFlight.decrementAndGet();
            return 0;
        }

        @Override
        public int release() {
            if (inFlight.get() != 0) {
                violations.incrementAndGet();
            }
            releases.incrementAndGet();
            return 0;
        }
    }

    @Test
    @DisplayName("SHARED-5: 50 participants: each other one is notified exactly once, the caller never (20 rounds)")
    void SHARED_5_fiftyParticipants() throws Exception {
        int participants = 50;
        try (Concurrently threads = new Concurrently(participants)) {
            for (int round = 0; round < 20; round++) {
                List<InMemorySessionHandle> handles = new ArrayList<>();
                List<GuardedSink> sinks = new ArrayList<>();
                handles.add(fx.publish());
                for (int i = 1; i < participants; i++) {
                    handles.add(fx.join());
                }
                for (InMemorySessionHandle handle : handles) {
                    GuardedSink sink = new GuardedSink();
                    assertEquals(Hr.S_OK, handle.advise(null, 1, sink, new org.mapi4j.spi.LongOut()));
                    sinks.add(sink);
                }
                int caller = round % participants;
                List<Integer> results = threads.run(i -> i == caller
                        ? handles.get(i).logoff(0, Hr.LOGOFF_SHARED, 0)
                        : handles.get(i).queryIdentity(new Out<>()));
                assertTrue(results.stream().allMatch(r -> r == 0), results::toString);
                for (int i = 0; i < participants; i++) {
                    assertEquals(i == caller ? 0 : 1, sinks.get(i).critical.get(), "round " + round + " participant " + i);
                    assertEquals(0, sinks.get(i).violations.get());
                }
                threads.run(i -> i == caller ? 0 : handles.get(i).logoff(0, 0, 0));
                assertEquals(UnderlyingSession.State.ENDED, handles.get(0).session().state());
            }
        }
    }

    @Test
    @DisplayName("SHARED-5: 50 participants all log off with MAPI_LOGOFF_SHARED at once: nobody is notified twice")
    void SHARED_5_fiftyConcurrentSharedLogoffs() throws Exception {
        int participants = 50;
        try (Concurrently threads = new Concurrently(participants)) {
            for (int round = 0; round < 20; round++) {
                List<InMemorySessionHandle> handles = new ArrayList<>();
                List<GuardedSink> sinks = new ArrayList<>();
                handles.add(fx.publish());
                for (int i = 1; i < participants; i++) {
                    handles.add(fx.join());
                }
                for (InMemorySessionHandle handle : handles) {
                    GuardedSink sink = new GuardedSink();
                    assertEquals(Hr.S_OK, handle.advise(null, 1, sink, new org.mapi4j.spi.LongOut()));
                    sinks.add(sink);
                }
                List<Integer> results = threads.run(i -> handles.get(i).logoff(0, Hr.LOGOFF_SHARED, 0));
                assertTrue(results.stream().allMatch(r -> r == 0), results::toString);
                long notified = 0;
                for (int i = 0; i < participants; i++) {
                    assertTrue(sinks.get(i).critical.get() <= 1, "participant " + i + " notified twice");
                    assertEquals(0, sinks.get(i).violations.get());
                    assertEquals(1, sinks.get(i).releases.get());
                    assertEquals(HandleState.LOGGED_OFF, handles.get(i).handleState());
                    notified += sinks.get(i).critical.get();
                }
                assertTrue(notified < participants, "the winner's own sink is never notified");
                assertEquals(UnderlyingSession.State.ENDED, handles.get(0).session().state());
            }
        }
    }

    @Test
    @DisplayName("NOTIFY-6: Unadvise racing delivery: after Unadvise returns no new OnNotify; released once, after the in-flight one")
    void NOTIFY_6_unadviseRacingDelivery() throws Exception {
        try (Concurrently threads = new Concurrently(2)) {
            for (int round = 0; round < 200; round++) {
                InMemorySessionHandle owner = fx.publish();
                InMemorySessionHandle joiner = fx.join();
                List<GuardedSink> sinks = new ArrayList<>();
                List<Long> connections = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    GuardedSink sink = new GuardedSink();
                    org.mapi4j.spi.LongOut connection = new org.mapi4j.spi.LongOut();
                    assertEquals(Hr.S_OK, joiner.advise(null, 1, sink, connection));
                    sinks.add(sink);
                    connections.add(connection.get());
                }
                threads.run(i -> {
                    if (i == 0) {
                        return owner.logoff(0, Hr.LOGOFF_SHARED, 0);
                    }
                    for (int s = sinks.size() - 1; s >= 0; s--) {
                        assertEquals(Hr.S_OK, joiner.unadvise(connections.get(s)));
                        sinks.get(s).unadvised.set(true);
                    }
                    return 0;
                });
                for (GuardedSink sink : sinks) {
                    assertEquals(0, sink.violations.get(), "round " + round);
                    assertTrue(sink.critical.get() <= 1);
                    // NOTIFY-5: released exactly once, when Unadvise or the delivery in flight ended.
                    assertEquals(1, sink.releases.get(), "round " + round);
                }
                assertEquals(Hr.S_OK, joiner.logoff(0, 0, 0));
            }
        }
    }

    @Test
    @DisplayName("NOTIFY-5: Unadvise during an OnNotify on another thread releases the sink only after it returned")
    void NOTIFY_5_releaseDeferredUntilOnNotifyReturns() throws Exception {
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicBoolean inside = new AtomicBoolean();
        AtomicBoolean releasedInside = new AtomicBoolean();
        AdviseSink sink = new AdviseSink() {
            @Override
            public int onNotify(List<Notification> notifications) {
                inside.set(true);
                entered.countDown();
                try {
                    proceed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.set(false);
                return 0;
            }

            @Override
            public int release() {
                releasedInside.compareAndSet(false, inside.get());
                return 0;
            }
        };
        org.mapi4j.spi.LongOut connection = new org.mapi4j.spi.LongOut();
        assertEquals(Hr.S_OK, joiner.advise(null, 1, sink, connection));
        try (Concurrently threads = new Concurrently(2)) {
            var logoff = threads.submit(() -> owner.logoff(0, Hr.LOGOFF_SHARED, 0));
            assertTrue(entered.await(30, TimeUnit.SECONDS));
            Thread[] unadviser = new Thread[1];
            var unadvise = threads.submit(() -> {
                unadviser[0] = Thread.currentThread();
                return joiner.unadvise(connection.get());
            });
            // Wait (without sleeping) until the Unadvise either blocks or has finished.
            for (;;) {
                Thread t = unadviser[0];
                if (unadvise.isDone() || t != null && (t.getState() == Thread.State.WAITING
                        || t.getState() == Thread.State.BLOCKED)) {
                    break;
                }
                Thread.onSpinWait();
            }
            proceed.countDown();
            assertEquals(Hr.S_OK, unadvise.get(30, TimeUnit.SECONDS));
            assertEquals(Hr.S_OK, logoff.get(30, TimeUnit.SECONDS));
        }
        assertTrue(!releasedInside.get(), "the sink was released while its OnNotify was still running");
    }
}
