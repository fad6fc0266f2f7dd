package org.mapi4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** SessionGuard with a fake provider: Logoff, the confirmation, REL-1, and no serialization across sessions. */
class SessionGuardTest {

    private final InstanceGuard instance = new InstanceGuard();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "guard-test");
        t.setDaemon(true);
        return t;
    });

    SessionGuardTest() {
        instance.initialize(null);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("LOGOFF-1/GEN-4: the provider's part runs once with the validated arguments, never on rejection")
    void providerPartRunsOnce() {
        FakeEffects effects = new FakeEffects();
        SessionGuard guard = instance.newSession(effects);
        assertEquals(0x80040106, guard.logoff(1, 0x4, 0));
        assertEquals(0x80070057, guard.logoff(1, 0, 9));
        assertEquals(List.of(), effects.logoffs);
        assertEquals(0, guard.logoff(-7, 0x3, 0));
        assertEquals(List.of(new FakeEffects.Call(-7, 0x3, true)), effects.logoffs);
        assertEquals(0x80040108, guard.logoff(-7, 0, 0));
        assertEquals(1, effects.logoffs.size());
        assertEquals(0, effects.destroyed.get(), "destroyed only by the final Release");
        assertEquals(0, guard.release());
        assertEquals(1, effects.destroyed.get());
        assertEquals(HandleState.DESTROYED, guard.state());
    }

    @Test
    @DisplayName("REL-1: the final Release of a logged-on handle logs off implicitly, then destroys, once")
    void finalReleaseLogsOffImplicitly() throws Exception {
        for (int round = 0; round < 100; round++) {
            FakeEffects effects = new FakeEffects();
            SessionGuard guard = instance.newSession(effects);
            for (int i = 0; i < 7; i++) {
                guard.addRef();
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> releases = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                releases.add(pool.submit(() -> {
                    start.await();
                    return guard.release();
                }));
            }
            start.countDown();
            int zeros = 0;
            for (Future<Integer> f : releases) {
                zeros += f.get(30, TimeUnit.SECONDS) == 0 ? 1 : 0;
            }
            assertEquals(1, zeros);
            assertEquals(List.of(new FakeEffects.Call(0, 0, false)), effects.logoffs);
            assertEquals(1, effects.destroyed.get());
            assertEquals(0, guard.release());
            assertEquals(0, guard.addRef(), "no resurrection after destruction");
        }
    }

    @Test
    @DisplayName("decision 3: a hook blocked on session A does not block Logoff, Advise or logon of session B")
    void unrelatedSessionsAreNotSerialized() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        instance.setLogoffConfirmation(ui -> {
            entered.countDown();
            try {
                return answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        SessionGuard a = instance.newSession(new FakeEffects());
        SessionGuard b = instance.newSession(new FakeEffects());
        Future<Integer> blocked = pool.submit(() -> a.logoff(3, 0x2, 0));
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        assertEquals(0, b.advise(null, 0, notifications -> 0, new LongOut()));
        assertEquals(0, b.logoff(0, 0x1, 0), "B logs off while A's hook is blocked");
        assertEquals(HandleState.LOGGED_ON, a.state());
        answer.countDown();
        assertEquals(0, blocked.get(30, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("decision 3: a hook that calls Logoff on its own session gets MAPI_E_INVALID_OBJECT, no deadlock")
    void hookCallingLogoffOnItsSession() {
        SessionGuard[] self = new SessionGuard[1];
        AtomicInteger inner = new AtomicInteger();
        instance.setLogoffConfirmation(ui -> {
            inner.set(self[0].logoff(0, 0, 0));
            return true;
        });
        self[0] = instance.newSession(new FakeEffects());
        assertEquals(0, self[0].logoff(0, 0x2, 0));
        assertEquals(0x80040108, inner.get());
        assertEquals(HandleState.LOGGED_OFF, self[0].state());
    }
}
