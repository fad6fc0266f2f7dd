package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.Out;

/** Decision 3 with LOGOFF-5: concurrent Logoffs while the confirmation hook blocks. */
class LogoffUiRaceTest {

    private static final int THREADS = 16;

    private final Fx fx = new Fx();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch answer = new CountDownLatch(1);
    private final AtomicInteger asked = new AtomicInteger();

    @AfterEach
    void tearDown() {
        answer.countDown();
        fx.close();
    }

    private void blockingHook(boolean accept) {
        fx.provider.setLogoffConfirmation(ui -> {
            asked.incrementAndGet();
            entered.countDown();
            try {
                assertTrue(answer.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return accept;
        });
    }

    @ParameterizedTest(name = "other callers use flags {0}")
    @ValueSource(ints = {0x0, 0x2})
    @DisplayName("LOGOFF-UI-1: hook accepts while 15 more Logoffs wait: exactly one S_OK overall, hook asked once")
    void LOGOFF_UI_1_acceptWhileOthersWait(int otherFlags) throws Exception {
        blockingHook(true);
        InMemorySessionHandle handle = fx.individual();
        try (Concurrently threads = new Concurrently(THREADS)) {
            Future<Integer> first = threads.submit(() -> handle.logoff(11, Hr.LOGOFF_UI, 0));
            assertTrue(entered.await(30, TimeUnit.SECONDS));
            assertEquals(Hr.S_OK, handle.queryIdentity(new Out<>()), "not logged off while the hook is asked");
            Future<List<Integer>> others = threads.submit(() -> {
                try (Concurrently inner = new Concurrently(THREADS - 1)) {
                    return inner.run(i -> handle.logoff(i, otherFlags, 0));
                }
            });
            answer.countDown();
            List<Integer> results = new java.util.ArrayList<>(others.get(60, TimeUnit.SECONDS));
            results.add(first.get(60, TimeUnit.SECONDS));
            assertEquals(1, results.stream().filter(r -> r == 0x00000000).count(), results::toString);
            assertEquals(THREADS - 1, results.stream().filter(r -> r == 0x80040108).count(), results::toString);
        }
        assertEquals(HandleState.LOGGED_OFF, handle.handleState());
        assertEquals(1, asked.get(), "the hook is asked exactly once");
    }

    @Test
    @DisplayName("LOGOFF-UI-2: hook declines while 15 more UI Logoffs wait: no S_OK, still logged on, a later Logoff works")
    void LOGOFF_UI_2_declineWhileOthersWait() throws Exception {
        blockingHook(false);
        Probe probe = Probe.shared(fx);
        try (Concurrently threads = new Concurrently(THREADS)) {
            Future<Integer> first = threads.submit(() -> probe.handle.logoff(11, Hr.LOGOFF_UI | Hr.LOGOFF_SHARED, 0));
            assertTrue(entered.await(30, TimeUnit.SECONDS));
            Future<List<Integer>> others = threads.submit(() -> {
                try (Concurrently inner = new Concurrently(THREADS - 1)) {
                    return inner.run(i -> probe.handle.logoff(i, Hr.LOGOFF_UI, 0));
                }
            });
            answer.countDown();
            assertEquals(0x80040113, first.get(60, TimeUnit.SECONDS));
            for (int hr : others.get(60, TimeUnit.SECONDS)) {
                assertEquals(0x80040113, hr);
            }
        }
        assertEquals(THREADS, asked.get(), "each UI Logoff asked the hook once");
        probe.assertUnchanged();
        probe.assertNormalLogoff();
    }

    @Test
    @DisplayName("LOGOFF-5: a plain Logoff waiting for a declining hook succeeds: exactly one S_OK overall")
    void LOGOFF_5_plainLogoffAfterDecline() throws Exception {
        blockingHook(false);
        Probe probe = Probe.shared(fx);
        try (Concurrently threads = new Concurrently(2)) {
            Future<Integer> ui = threads.submit(() -> probe.handle.logoff(5, Hr.LOGOFF_UI | Hr.LOGOFF_SHARED, 0));
            assertTrue(entered.await(30, TimeUnit.SECONDS));
            Future<Integer> plain = threads.submit(() -> probe.handle.logoff(0, 0, 0));
            answer.countDown();
            assertEquals(0x80040113, ui.get(60, TimeUnit.SECONDS));
            assertEquals(0x00000000, plain.get(60, TimeUnit.SECONDS));
        }
        assertEquals(HandleState.LOGGED_OFF, probe.handle.handleState());
        assertEquals(0, probe.otherSink.calls.get(), "the declined shared logoff notified nobody");
        assertEquals(1, asked.get());
    }

    @Test
    @DisplayName("LOGOFF-5: a hook blocking on one session does not block Logoff of another session")
    void LOGOFF_5_unrelatedSessionNotBlocked() throws Exception {
        blockingHook(true);
        InMemorySessionHandle a = fx.individual();
        InMemorySessionHandle b = fx.individual();
        try (Concurrently threads = new Concurrently(1)) {
            Future<Integer> blocked = threads.submit(() -> a.logoff(1, Hr.LOGOFF_UI, 0));
            assertTrue(entered.await(30, TimeUnit.SECONDS));
            assertEquals(Hr.S_OK, b.logoff(0, 0, 0), "returns while A's hook is still blocked");
            assertEquals(Hr.S_OK, fx.individual().logoff(0, 0, 0), "logon and logoff still work");
            assertEquals(HandleState.LOGGED_ON, a.handleState());
            answer.countDown();
            assertEquals(Hr.S_OK, blocked.get(60, TimeUnit.SECONDS));
        }
    }
}
