package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.FNEV_CRITICAL_ERROR;
import static org.mapi4j.spi.MapiConstants.FNEV_EXTENDED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Notification;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.fixture.CountingSink;
import org.mapi4j.tck.fixture.TckInstance;

/** Spec B.5: what Logoff does (LOGOFF-1 to LOGOFF-5). */
public interface LogoffEffectRules extends TckContext {

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_1}, case by case.
     */
    @Test
    @Tag("LOGOFF-1")
    @DisplayName("required LOGOFF-1 Logoff returns S_OK after cancelling registrations and invalidating children")
    default void required_LOGOFF_1_logoffCleansUp() {
        fx().initialize();
        MapiSessionHandle handle = fx().logon();
        CountingSink plain = probe().sink("mask 0");
        CountingSink events = probe().sink("mask critical|extended");
        probe().advise(handle, 0, plain);
        probe().advise(handle, FNEV_CRITICAL_ERROR | FNEV_EXTENDED, events);
        Out<MapiTable> table = new Out<>();
        boolean hasTable = handle.getMsgStoresTable(0, table) == S_OK && table.get() != null;
        if (hasTable) {
            fx().track(table.get());
        }
        verify().expectHr("logoff(0, 0, 0)", S_OK, handle.logoff(0, 0, 0));
        for (CountingSink sink : List.of(plain, events)) {
            verify().check(sink.releases() == 1, "before logoff(0, 0, 0) returns, " + sink + " must be released once,"
                    + " but was released " + sink.releases() + " time(s)");
        }
        if (hasTable) {
            IntOut rows = new IntOut();
            verify().expectHr("getRowCount(0) on the message-stores table after logoff", MAPI_E_INVALID_OBJECT,
                    table.get().getRowCount(0, rows));
            fx().release(table.get());
        }
        verify().expectHr("a second logoff(0, 0, 0)", MAPI_E_INVALID_OBJECT, handle.logoff(0, 0, 0));
        fx().release(handle);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_2}, case by case.
     */
    @Test
    @Tag("LOGOFF-2")
    @DisplayName("required LOGOFF-2 Logoff ends its individual session and no other")
    default void required_LOGOFF_2_individualSessionEnds() {
        fx().initialize();
        MapiSessionHandle first = fx().logon();
        MapiSessionHandle second = fx().logon();
        MapiSessionHandle third = fx().instance().logon(fx().settings().otherProfileName(),
                TckInstance.NEW_SESSION_FLAGS);
        CountingSink secondSink = probe().sink("of the second session");
        probe().advise(second, 0, secondSink);
        fx().logoff(first);
        probe().expectNotLoggedOn(first, "its logoff(0, 0, 0)");
        probe().expectLoggedOn(second, "logoff(0, 0, 0) of another individual session");
        probe().expectLoggedOn(third, "logoff(0, 0, 0) of another individual session");
        verify().check(secondSink.count() == 0 && secondSink.releases() == 0, "logoff(0, 0, 0) of one individual"
                + " session touched the sink of another: notified " + secondSink.received() + ", released "
                + secondSink.releases() + " time(s)");
        fx().release(first);
        fx().close(second);
        fx().close(third);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_3}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGOFF-3")
    @DisplayName("required LOGOFF-3 Logoff with valid arguments logs off whatever it returns")
    default Stream<DynamicTest> required_LOGOFF_3_logsOffWhateverItReturns() {
        return Stream.of(
                tckCase("a sink of the session throws from Release", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    CountingSink sink = probe().sink("throwing from Release");
                    sink.throwFromRelease(new IllegalStateException("TCK: sink failure"));
                    probe().advise(handle, 0, sink);
                    int hr = logoffCatching(handle, 0);
                    probe().expectNotLoggedOn(handle, "logoff(0, 0, 0) that returned " + HResult.describe(hr));
                    fx().release(handle);
                    fx().uninitialize();
                }),
                tckCase("a sink of another participant throws from OnNotify", () -> {
                    fx().requireDestructive("MAPI_LOGOFF_SHARED");
                    fx().initialize();
                    MapiSessionHandle handle = fx().instance().publish();
                    MapiSessionHandle other = fx().instance().join();
                    CountingSink sink = probe().sink("throwing from OnNotify");
                    sink.throwFromNotify(new IllegalStateException("TCK: sink failure"));
                    probe().advise(other, 0, sink);
                    int hr = logoffCatching(handle, MAPI_LOGOFF_SHARED);
                    probe().expectNotLoggedOn(handle, "logoff(0, MAPI_LOGOFF_SHARED, 0) that returned "
                            + HResult.describe(hr));
                    fx().release(handle);
                    fx().close(other);
                    fx().uninitialize();
                }));
    }

    private int logoffCatching(MapiSessionHandle handle, int flags) {
        try {
            return handle.logoff(0, flags, 0);
        } catch (RuntimeException e) {
            throw verify().failure("logoff(0, " + HResult.hex(flags) + ", 0) must return an HRESULT, but threw " + e);
        }
    }

    /** How a handle leaves LOGGED_ON for LOGOFF-4: every way sends the optional notification alike. */
    enum Departure {
        /** Logoff(0, 0, 0). */
        LOGOFF("logoff(0, 0, 0)"),
        /** The final Release of a logged-on handle (REL-1). */
        FINAL_RELEASE("the final release() without logoff"),
        /** The last MAPIUninitialize (INIT-8). */
        LAST_UNINITIALIZE("the last uninitialize()");

        final String text;

        Departure(String text) {
            this.text = text;
        }
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_4}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGOFF-4")
    @DisplayName("optional LOGOFF-4 The logoff extended notification reaches each fnevExtended sink once")
    default Stream<DynamicTest> optional_LOGOFF_4_optionalExtendedNotification() {
        return Stream.of(Departure.values()).map(departure -> tckCase(departure.text, () -> {
            fx().initialize();
            if (departure != Departure.LOGOFF && !sendsExtendedOnLogoff()) {
                fx().uninitialize();
                throw verify().notApplicable("the provider sends no extended notification on Logoff (optional)");
            }
            MapiSessionHandle handle = fx().logon();
            CountingSink extended = probe().sink("mask fnevExtended");
            CountingSink extended2 = probe().sink("mask critical|extended");
            CountingSink none = probe().sink("mask 0");
            CountingSink critical = probe().sink("mask fnevCriticalError");
            probe().advise(handle, FNEV_EXTENDED, extended);
            probe().advise(handle, FNEV_CRITICAL_ERROR | FNEV_EXTENDED, extended2);
            probe().advise(handle, 0, none);
            probe().advise(handle, FNEV_CRITICAL_ERROR, critical);
            switch (departure) {
                case LOGOFF -> fx().logoff(handle);
                case FINAL_RELEASE -> fx().release(handle);
                default -> fx().uninitialize();
            }
            if (!fx().has(org.mapi4j.spi.ProviderCapability.SYNCHRONOUS_NOTIFICATIONS)) {
                extended.awaitCount(1, fx().settings().notificationTimeout());
            }
            int sent = extended.count(FNEV_EXTENDED) + extended2.count(FNEV_EXTENDED) + none.count(FNEV_EXTENDED)
                    + critical.count(FNEV_EXTENDED);
            if (departure == Departure.LOGOFF) {
                fx().release(handle);
            } else if (departure == Departure.LAST_UNINITIALIZE) {
                fx().release(handle);
            }
            if (departure != Departure.LAST_UNINITIALIZE) {
                fx().uninitialize();
            }
            if (sent == 0 && departure == Departure.LOGOFF) {
                throw verify().notApplicable("the provider sends no extended notification on Logoff (optional)");
            }
            for (CountingSink sink : List.of(extended, extended2)) {
                verify().check(sink.count() == 1 && sink.count(FNEV_EXTENDED) == 1, departure.text + " must send " + sink
                        + " exactly one extended notification, as logoff(0, 0, 0) does, but it received "
                        + sink.received());
            }
            for (CountingSink sink : List.of(none, critical)) {
                verify().check(sink.count() == 0, departure.text + " must not send " + sink + " (not registered for"
                        + " fnevExtended) a notification, but it received " + sink.received());
            }
            for (Notification n : extended.received()) {
                verify().check(n instanceof org.mapi4j.spi.ExtendedNotification, "a notification of type fnevExtended"
                        + " must be an EXTENDED_NOTIFICATION, but was " + n);
            }
        }));
    }

    /** Whether an explicit Logoff sends the optional extended notification (MAPI initialized, nothing left). */
    private boolean sendsExtendedOnLogoff() throws InterruptedException {
        MapiSessionHandle probe = fx().logon();
        CountingSink sink = probe().sink("probe mask fnevExtended");
        probe().advise(probe, FNEV_EXTENDED, sink);
        fx().logoff(probe);
        if (!fx().has(org.mapi4j.spi.ProviderCapability.SYNCHRONOUS_NOTIFICATIONS)) {
            sink.awaitCount(1, fx().settings().notificationTimeout());
        }
        fx().release(probe);
        return sink.count(FNEV_EXTENDED) > 0;
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_5}, case by case.
     *
     * @throws Exception if the test thread is interrupted or a racing thread fails
     */
    @Test
    @Tag("LOGOFF-5")
    @DisplayName("required LOGOFF-5 Concurrent Logoff on one handle: exactly one S_OK, the others MAPI_E_INVALID_OBJECT")
    default void required_LOGOFF_5_concurrentLogoffLinearizable() throws Exception {
        int threads = fx().settings().raceThreads();
        long timeout = fx().settings().notificationTimeout().toMillis();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            fx().initialize();
            for (int round = 1; round <= fx().settings().raceRounds(); round++) {
                MapiSessionHandle handle = fx().logon();
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await(timeout, TimeUnit.MILLISECONDS);
                        return handle.logoff(0, 0, 0);
                    }));
                }
                int ok = 0;
                int invalid = 0;
                List<String> other = new ArrayList<>();
                for (Future<Integer> result : results) {
                    int hr = result.get(timeout, TimeUnit.MILLISECONDS);
                    if (hr == S_OK) {
                        ok++;
                    } else if (hr == MAPI_E_INVALID_OBJECT) {
                        invalid++;
                    } else {
                        other.add(HResult.describe(hr));
                    }
                }
                verify().check(ok == 1 && invalid == threads - 1, "round " + round + ": " + threads + " concurrent"
                        + " logoff(0, 0, 0) on one handle expected exactly 1 S_OK and " + (threads - 1) + " "
                        + HResult.describe(MAPI_E_INVALID_OBJECT) + " but got " + ok + " S_OK, " + invalid
                        + " MAPI_E_INVALID_OBJECT, others " + other);
                fx().release(handle);
            }
            fx().uninitialize();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(timeout, TimeUnit.MILLISECONDS);
        }
    }
}
