package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_ENTRYID;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_ENTRYID;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.FNEV_CRITICAL_ERROR;
import static org.mapi4j.spi.MapiConstants.FNEV_EXTENDED;
import static org.mapi4j.spi.MapiConstants.FNEV_NEW_MAIL;
import static org.mapi4j.spi.MapiConstants.FNEV_OBJECT_CREATED;
import static org.mapi4j.spi.MapiConstants.FNEV_TABLE_MODIFIED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
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
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.fixture.CountingSink;

/** Spec B.8: IMAPISession::Advise and Unadvise (NOTIFY-1 to NOTIFY-7, NOTIFY-9). */
public interface NotificationRules extends TckContext {

    /**
     * Checks {@link org.mapi4j.tck.Rule#NOTIFY_1}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("NOTIFY-1")
    @DisplayName("required NOTIFY-1 Session-level Advise accepts any mask and always covers critical errors")
    default Stream<DynamicTest> required_NOTIFY_1_sessionLevelAdvise() {
        List<DynamicTest> cases = new ArrayList<>();
        for (int mask : new int[] {0, FNEV_CRITICAL_ERROR, FNEV_EXTENDED, FNEV_NEW_MAIL, -1,
            FNEV_TABLE_MODIFIED | FNEV_OBJECT_CREATED}) {
            cases.add(tckCase("advise(NULL, " + HResult.hex(mask) + ", sink)", () -> {
                fx().initialize();
                MapiSessionHandle handle = fx().logon();
                long connection = probe().advise(handle, mask, probe().sink("mask " + HResult.hex(mask)));
                verify().expectHr("unadvise(" + connection + ")", S_OK, handle.unadvise(connection));
                fx().close(handle);
                fx().uninitialize();
            }));
        }
        cases.add(tckCase("a mask without fnevCriticalError still gets the session's critical error", () -> {
            fx().requireDestructive("MAPI_LOGOFF_SHARED");
            fx().initialize();
            MapiSessionHandle publisher = fx().instance().publish();
            MapiSessionHandle joiner = fx().instance().join();
            CountingSink sink = probe().sink("mask fnevNewMail");
            probe().advise(joiner, FNEV_NEW_MAIL, sink);
            verify().expectHr("logoff(0, MAPI_LOGOFF_SHARED, 0)", S_OK, publisher.logoff(0, MAPI_LOGOFF_SHARED, 0));
            verify().expectSomeNotification(sink, "another participant's logoff(0, MAPI_LOGOFF_SHARED, 0)");
            verify().check(sink.criticalErrors() >= 1, "a session-level registration must cover fnevCriticalError,"
                    + " but the sink received " + sink.received());
            fx().release(publisher);
            fx().close(joiner);
            fx().uninitialize();
        }));
        return cases.stream();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#NOTIFY_2}, case by case.
     */
    @Test
    @Tag("NOTIFY-2")
    @DisplayName("required NOTIFY-2 Advise with a NULL sink or an empty entry id returns MAPI_E_INVALID_PARAMETER")
    default void required_NOTIFY_2_adviseParameterErrors() {
        fx().initialize();
        MapiSessionHandle handle = fx().logon();
        LongOut connection = new LongOut();
        connection.set(42);
        verify().expectHr("advise(NULL, 0, NULL sink, &conn)", MAPI_E_INVALID_PARAMETER,
                handle.advise(null, 0, null, connection));
        verify().check(connection.get() == 0, "a rejected advise must set the connection to 0, not " + connection.get());
        connection.set(42);
        verify().expectHr("advise(empty entry id, 0, sink, &conn)", MAPI_E_INVALID_PARAMETER,
                handle.advise(new byte[0], 0, probe().sink("empty entry id"), connection));
        verify().check(connection.get() == 0, "a rejected advise must set the connection to 0, not " + connection.get());
        probe().expectLoggedOn(handle, "rejected advise calls");
        fx().close(handle);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#NOTIFY_3}, case by case.
     */
    @Test
    @Tag("NOTIFY-3")
    @DisplayName("required NOTIFY-3 Object-level Advise with a bad entry id fails and registers nothing")
    default void required_NOTIFY_3_objectLevelAdvise() {
        fx().initialize();
        MapiSessionHandle handle = fx().logon();
        byte[][] bad = {{0x01}, new byte[24]};
        java.util.Arrays.fill(bad[1], (byte) 0xA5);
        for (byte[] id : bad) {
            CountingSink sink = probe().sink("object-level");
            LongOut connection = new LongOut();
            connection.set(42);
            String call = "advise(" + id.length + "-byte entry id nobody issued, 0, sink, &conn)";
            verify().expectHrIn(call, handle.advise(id, FNEV_OBJECT_CREATED, sink, connection),
                    MAPI_E_INVALID_ENTRYID, MAPI_E_UNKNOWN_ENTRYID, MAPI_E_NO_SUPPORT);
            verify().check(connection.get() == 0 && sink.addRefs() == 0, call + " failed but registered: connection "
                    + connection.get() + ", sink AddRef " + sink.addRefs());
        }
        byte[] store = Stores.firstEntryId(fx(), handle);
        if (store != null) {
            CountingSink sink = probe().sink("on a store");
            LongOut connection = new LongOut();
            int hr = handle.advise(store, FNEV_OBJECT_CREATED, sink, connection);
            verify().expectHrIn("advise(store entry id, fnevObjectCreated, sink, &conn)", hr, S_OK, MAPI_E_NO_SUPPORT);
            if (hr == S_OK) {
                verify().check(connection.get() != 0, "an object-level advise returned S_OK with connection 0");
                verify().expectHr("unadvise(" + connection.get() + ")", S_OK, handle.unadvise(connection.get()));
            }
        }
        fx().close(handle);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#NOTIFY_4}, case by case.
     */
    @Test
    @Tag("NOTIFY-4")
    @DisplayName("required NOTIFY-4 Connection numbers are non-zero, unique and never reused by a handle")
    default void required_NOTIFY_4_connectionNumbers() {
        fx().initialize();
        MapiSessionHandle handle = fx().logon();
        Set<Long> seen = new HashSet<>();
        List<Long> active = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long connection = probe().advise(handle, 0, probe().sink("#" + i));
            verify().check(seen.add(connection), "advise #" + i + " returned connection " + connection
                    + ", which this handle already handed out");
            active.add(connection);
            if (active.size() > 4) {
                long old = active.remove(i % 5 == 0 ? 0 : active.size() - 2);
                verify().expectHr("unadvise(" + old + ")", S_OK, handle.unadvise(old));
            }
        }
        fx().close(handle);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#NOTIFY_5}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("NOTIFY-5")
    @DisplayName("required NOTIFY-5 Advise adds a sink reference; Unadvise releases it once, after a running OnNotify")
    default Stream<DynamicTest> required_NOTIFY_5_sinkReference() {
        return Stream.of(
                tckCase("AddRef on Advise, Release on Unadvise and Logoff", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    CountingSink sink = probe().sink("registered twice");
                    long first = probe().advise(handle, 0, sink);
                    verify().check(sink.addRefs() == 1 && sink.releases() == 0, "advise must AddRef the sink once:"
                            + " AddRef " + sink.addRefs() + ", Release " + sink.releases());
                    probe().advise(handle, FNEV_CRITICAL_ERROR, sink);
                    verify().check(sink.addRefs() == 2, "a second advise must AddRef the sink again: AddRef "
                            + sink.addRefs());
                    verify().expectHr("unadvise(" + first + ")", S_OK, handle.unadvise(first));
                    verify().check(sink.releases() == 1, "unadvise must Release the sink exactly once before it"
                            + " returns: Release " + sink.releases());
                    fx().close(handle);
                    fx().uninitialize();
                }),
                tckCase("Unadvise during a running OnNotify releases after it returns", () -> {
                    fx().requireDestructive("MAPI_LOGOFF_SHARED");
                    releaseWaitsForRunningNotify();
                }));
    }

    private void releaseWaitsForRunningNotify() throws Exception {
        Duration timeout = fx().settings().notificationTimeout();
        fx().initialize();
        MapiSessionHandle publisher = fx().instance().publish();
        MapiSessionHandle joiner = fx().instance().join();
        CountingSink sink = probe().sink("blocking in OnNotify");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch unadviseStarted = new CountDownLatch(1);
        sink.duringNotify(() -> {
            entered.countDown();
            try {
                if (unadviseStarted.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    // A correct provider cannot release the sink now: wait (bounded) for a Release that must not come.
                    sink.awaitReleases(1, Duration.ofMillis(Math.min(200, timeout.toMillis())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long connection = probe().advise(joiner, 0, sink);
        // Two threads of our own: the logoff blocks inside OnNotify until the unadvise has started, so
        // both must run at once (a shared pool with one worker, as on a 2-core machine, would queue the
        // unadvise behind the blocked logoff).
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mapi4j-tck-notify-5");
            thread.setDaemon(true);
            return thread;
        });
        int unadviseHr;
        int logoffHr;
        try {
            Future<Integer> logoff = threads.submit(() -> publisher.logoff(0, MAPI_LOGOFF_SHARED, 0));
            verify().check(entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS),
                    "the shared logoff did not call OnNotify within " + timeout);
            Future<Integer> unadvise = threads.submit(() -> {
                unadviseStarted.countDown();
                return joiner.unadvise(connection);
            });
            unadviseHr = unadvise.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            logoffHr = logoff.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } finally {
            threads.shutdownNow();
        }
        verify().expectHr("logoff(0, MAPI_LOGOFF_SHARED, 0)", S_OK, logoffHr);
        verify().expectHr("unadvise(" + connection + ") during OnNotify", S_OK, unadviseHr);
        verify().check(sink.releasesDuringNotify() == 0, "unadvise released the sink while its OnNotify was still"
                + " running");
        verify().check(sink.releases() == 1, "unadvise must release the sink exactly once, released " + sink.releases());
        fx().release(publisher);
        fx().close(joiner);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#NOTIFY_6}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("NOTIFY-6")
    @DisplayName("required NOTIFY-6 Unadvise returns S_OK; afterwards no OnNotify reaches the sink")
    default Stream<DynamicTest> required_NOTIFY_6_nothingAfterUnadvise() {
        return Stream.of(
                tckCase("unadvise returns S_OK", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    long connection = probe().advise(handle, 0, probe().sink("unadvised"));
                    verify().expectHr("unadvise(" + connection + ")", S_OK, handle.unadvise(connection));
                    fx().close(handle);
                    fx().uninitialize();
                }),
                tckCase("a shared logoff after unadvise does not reach the sink", () -> {
                    fx().requireDestructive("MAPI_LOGOFF_SHARED");
                    fx().initialize();
                    MapiSessionHandle publisher = fx().instance().publish();
                    MapiSessionHandle joiner = fx().instance().join();
                    CountingSink gone = probe().sink("unadvised");
                    CountingSink marker = probe().sink("still registered");
                    long connection = probe().advise(joiner, 0, gone);
                    probe().advise(joiner, 0, marker);
                    verify().expectHr("unadvise(" + connection + ")", S_OK, joiner.unadvise(connection));
                    verify().expectHr("logoff(0, MAPI_LOGOFF_SHARED, 0)", S_OK, publisher.logoff(0, MAPI_LOGOFF_SHARED, 0));
                    verify().expectSomeNotification(marker, "another participant's shared logoff");
                    verify().expectNoNotification(gone, "unadvise and another participant's shared logoff", marker);
                    fx().release(publisher);
                    fx().close(joiner);
                    fx().uninitialize();
                }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#NOTIFY_7}, case by case.
     */
    @Test
    @Tag("NOTIFY-7")
    @DisplayName("required NOTIFY-7 Unadvise of 0, unknown, foreign or cancelled connections returns MAPI_E_NOT_FOUND")
    default void required_NOTIFY_7_unadviseUnknownConnection() {
        fx().initialize();
        MapiSessionHandle handle = fx().logon();
        MapiSessionHandle other = fx().logon();
        CountingSink mine = probe().sink("of this handle");
        long connection = probe().advise(handle, 0, mine);
        CountingSink foreignSink = probe().sink("of another handle");
        long foreign = 0;
        for (int i = 0; i < 10 && (foreign == 0 || foreign == connection); i++) {
            foreign = probe().advise(other, 0, foreignSink);
        }
        long[] unknown = {0, connection + 1_000_000, -1, Long.MIN_VALUE, foreign};
        for (long number : unknown) {
            if (number == connection) {
                continue;
            }
            verify().expectHr("unadvise(" + number + ")", MAPI_E_NOT_FOUND, handle.unadvise(number));
        }
        verify().check(foreignSink.releases() == 0, "unadvise of another handle's connection on this handle released"
                + " that handle's sink");
        verify().expectHr("unadvise(" + connection + ")", S_OK, handle.unadvise(connection));
        int released = mine.releases();
        verify().expectHr("unadvise(" + connection + ") a second time", MAPI_E_NOT_FOUND, handle.unadvise(connection));
        verify().check(mine.releases() == released, "a second unadvise of a cancelled connection released the sink"
                + " again");
        verify().expectHr("unadvise(" + foreign + ") on its own handle", S_OK, other.unadvise(foreign));
        fx().close(other);
        fx().close(handle);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#NOTIFY_9}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("NOTIFY-9")
    @DisplayName("required NOTIFY-9 Advise and Unadvise after Logoff return MAPI_E_INVALID_OBJECT")
    default Stream<DynamicTest> required_NOTIFY_9_adviseAfterLogoff() {
        return Stream.of(PostLogoffRules.Ending.values()).map(ending -> tckCase(ending.text, () -> {
            fx().initialize();
            MapiSessionHandle handle = fx().logon();
            long connection = probe().advise(handle, 0, probe().sink("registered before"));
            ending.end(fx(), handle);
            LongOut out = new LongOut();
            out.set(42);
            verify().expectHr("advise(NULL, 0, sink, &conn) " + ending.text, MAPI_E_INVALID_OBJECT,
                    handle.advise(null, 0, probe().sink("after"), out));
            verify().check(out.get() == 0, "advise " + ending.text + " must set the connection to 0, not " + out.get());
            verify().expectHr("unadvise(" + connection + ") " + ending.text, MAPI_E_INVALID_OBJECT,
                    handle.unadvise(connection));
            verify().expectHr("unadvise(0) " + ending.text, MAPI_E_INVALID_OBJECT, handle.unadvise(0));
            fx().release(handle);
            ending.finish(fx());
        }));
    }
}
