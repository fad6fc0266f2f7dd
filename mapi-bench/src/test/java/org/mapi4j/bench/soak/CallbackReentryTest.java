package org.mapi4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapi4j.provider.native_.NativeProvider;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Notification;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.support.AbstractSessionHandle;

/**
 * Spec decisions 9 to 11 on both providers, many rounds each, under a {@link Watchdog}: a logoff
 * confirmation, an advise sink and a shared-logoff listener call back into MAPI (Logoff, Release,
 * MAPILogonEx, MAPIUninitialize) while other threads log off and uninitialize. Every round must end,
 * with the states the rules give. Bounded by default, larger with {@code -Dmapi4j.soak.full=true}.
 */
class CallbackReentryTest {

    private static final int UI = MapiConstants.MAPI_LOGOFF_UI;
    private static final int SHARED = MapiConstants.MAPI_LOGOFF_SHARED;

    /** A sink that runs an action on each notification, as a shared-logoff listener does. */
    private record ListenerSink(Runnable action) implements AdviseSink {
        @Override
        public int onNotify(List<Notification> notifications) {
            action.run();
            return S_OK;
        }
    }

    private static void advise(MapiSessionHandle handle, AdviseSink sink) {
        assertEquals(S_OK, handle.advise(null, MapiConstants.FNEV_CRITICAL_ERROR, sink, new LongOut()));
    }

    private static HandleState state(MapiSessionHandle handle) {
        return ((AbstractSessionHandle) handle).handleState();
    }

    /**
     * The README's listener ({@code s.close()}: logoff and release) on a participant that is logging
     * off with MAPI_LOGOFF_UI while another participant logs off with MAPI_LOGOFF_SHARED. With and
     * without a confirmation installed.
     */
    @ParameterizedTest
    @MethodSource("org.mapi4j.bench.soak.Subject#all")
    void listenerLogsOffItsOwnHandleDuringItsUiLogoff(Subject subject) throws InterruptedException {
        int rounds = Size.of(1000, 10_000);
        try (Rig rig = Rig.open(subject)) {
            MapiProvider provider = rig.provider();
            for (int round = 0; round < rounds; round++) {
                provider.setLogoffConfirmation(round % 2 == 0 ? null : ui -> true);
                MapiSessionHandle owner = Rig.logon(provider, Rig.SHARE);
                MapiSessionHandle participant = Rig.logon(provider, Rig.JOIN);
                AtomicInteger listenerLogoff = new AtomicInteger(Integer.MIN_VALUE);
                advise(participant, new ListenerSink(() -> listenerLogoff.set(participant.logoff(0, 0, 0))));
                AtomicInteger uiLogoff = new AtomicInteger(Integer.MIN_VALUE);
                AtomicInteger sharedLogoff = new AtomicInteger(Integer.MIN_VALUE);
                Watchdog.race(subject + " round " + round,
                        () -> uiLogoff.set(participant.logoff(7, UI, 0)),
                        () -> sharedLogoff.set(owner.logoff(0, SHARED, 0)));
                String where = subject + " round " + round;
                assertEquals(S_OK, sharedLogoff.get(), where);
                assertEquals(HandleState.LOGGED_OFF, state(owner), where);
                assertEquals(HandleState.LOGGED_OFF, state(participant), where);
                // Exactly one of the participant's two Logoffs took effect (LOGOFF-5); the listener's
                // ran only if the notification came while the UI Logoff had not yet taken effect.
                int wins = (uiLogoff.get() == S_OK ? 1 : 0) + (listenerLogoff.get() == S_OK ? 1 : 0);
                assertEquals(1, wins, where + ": ui " + HResult.describe(uiLogoff.get()) + ", listener "
                        + (listenerLogoff.get() == Integer.MIN_VALUE ? "not called" : HResult.describe(listenerLogoff.get())));
                owner.release();
                participant.release();
            }
            provider.setLogoffConfirmation(null);
        }
    }

    /** The same with a listener whose Logoff waits for a slow confirmation on the other thread. */
    @ParameterizedTest
    @MethodSource("org.mapi4j.bench.soak.Subject#all")
    void listenerWaitsForASlowConfirmationOnAnotherThread(Subject subject) throws InterruptedException {
        int rounds = Size.of(5, 50);
        try (Rig rig = Rig.open(subject)) {
            MapiProvider provider = rig.provider();
            for (int round = 0; round < rounds; round++) {
                CountDownLatch confirming = new CountDownLatch(1);
                provider.setLogoffConfirmation(ui -> {
                    confirming.countDown();
                    sleep(200);
                    return true;
                });
                MapiSessionHandle owner = Rig.logon(provider, Rig.SHARE);
                MapiSessionHandle participant = Rig.logon(provider, Rig.JOIN);
                AtomicInteger listenerLogoff = new AtomicInteger(Integer.MIN_VALUE);
                advise(participant, new ListenerSink(() -> listenerLogoff.set(participant.logoff(0, 0, 0))));
                AtomicInteger uiLogoff = new AtomicInteger();
                Watchdog.race(subject + " round " + round,
                        () -> uiLogoff.set(participant.logoff(7, UI, 0)),
                        () -> {
                            await(confirming);
                            assertEquals(S_OK, owner.logoff(0, SHARED, 0));
                        });
                String where = subject + " round " + round;
                assertEquals(S_OK, uiLogoff.get(), where + ": the confirmation accepted");
                assertEquals(MAPI_E_INVALID_OBJECT, listenerLogoff.get(), where + ": the UI Logoff came first");
                assertEquals(HandleState.LOGGED_OFF, state(participant), where);
                owner.release();
                participant.release();
            }
            provider.setLogoffConfirmation(null);
        }
    }

    /**
     * A confirmation and a shared-logoff listener that call MAPILogonEx while another thread runs the
     * last MAPIUninitialize: everything ends; a logon that got in is a handle of the instance, which
     * the uninitialize invalidated or which is released here.
     */
    @ParameterizedTest
    @MethodSource("org.mapi4j.bench.soak.Subject#all")
    void callbacksLogOnWhileTheLastUninitializeRuns(Subject subject) throws InterruptedException {
        int rounds = Size.of(1000, 10_000);
        try (Rig rig = Rig.open(subject)) {
            for (int round = 0; round < rounds; round++) {
                MapiProvider provider = subject.newProvider();
                assertEquals(S_OK, provider.initialize(null));
                provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
                AtomicInteger nestedLogons = new AtomicInteger();
                Runnable logonFromCallback = () -> {
                    Out<MapiSessionHandle> out = new Out<>();
                    int hr = provider.logon(0, null, null, Rig.NEW_SESSION, out);
                    assertTrue(hr == S_OK || hr == MAPI_E_NOT_INITIALIZED, HResult.describe(hr));
                    if (hr == S_OK) {
                        nestedLogons.incrementAndGet();
                        out.get().release();
                    }
                };
                provider.setLogoffConfirmation(ui -> {
                    logonFromCallback.run();
                    return true;
                });
                MapiSessionHandle confirming = Rig.logon(provider, Rig.NEW_SESSION);
                MapiSessionHandle owner = Rig.logon(provider, Rig.SHARE);
                MapiSessionHandle participant = Rig.logon(provider, Rig.JOIN);
                advise(participant, new ListenerSink(logonFromCallback));
                AtomicInteger uiLogoff = new AtomicInteger();
                AtomicInteger sharedLogoff = new AtomicInteger();
                Watchdog.race(subject + " round " + round,
                        () -> uiLogoff.set(confirming.logoff(1, UI, 0)),
                        () -> sharedLogoff.set(owner.logoff(0, SHARED, 0)),
                        provider::uninitialize);
                String where = subject + " round " + round;
                assertTrue(uiLogoff.get() == S_OK || uiLogoff.get() == MAPI_E_INVALID_OBJECT,
                        where + ": " + HResult.describe(uiLogoff.get()));
                assertTrue(sharedLogoff.get() == S_OK || sharedLogoff.get() == MAPI_E_INVALID_OBJECT,
                        where + ": " + HResult.describe(sharedLogoff.get()));
                for (MapiSessionHandle handle : List.of(confirming, owner, participant)) {
                    assertFalse(((AbstractSessionHandle) handle).isLoggedOn(), where + ": " + handle);
                    handle.release();
                }
                assertNothingHeld(provider, where);
            }
        }
    }

    /**
     * The last MAPIUninitialize while a Logoff is inside its confirmation on another thread: it
     * returns only after that Logoff returned, and for the native provider after every native
     * reference was released (decision 11).
     */
    @ParameterizedTest
    @MethodSource("org.mapi4j.bench.soak.Subject#all")
    void lastUninitializeWaitsForTheCallsInFlight(Subject subject) throws InterruptedException {
        int rounds = Size.of(20, 200);
        try (Rig rig = Rig.open(subject)) {
            for (int round = 0; round < rounds; round++) {
                MapiProvider provider = subject.newProvider();
                assertEquals(S_OK, provider.initialize(null));
                CountDownLatch inHook = new CountDownLatch(1);
                AtomicBoolean hookReturned = new AtomicBoolean();
                provider.setLogoffConfirmation(ui -> {
                    inHook.countDown();
                    sleep(20);
                    hookReturned.set(true);
                    return true;
                });
                MapiSessionHandle handle = Rig.logon(provider, Rig.NEW_SESSION);
                AtomicBoolean returnedBeforeUninitialize = new AtomicBoolean();
                Watchdog.race(subject + " round " + round,
                        () -> handle.logoff(1, UI, 0),
                        () -> {
                            await(inHook);
                            provider.uninitialize();
                            // The Logoff call was in flight inside its confirmation; it has returned now.
                            returnedBeforeUninitialize.set(hookReturned.get());
                            assertNothingHeld(provider, "after the last MAPIUninitialize returned");
                        });
                assertTrue(returnedBeforeUninitialize.get(), subject + " round " + round
                        + ": MAPIUninitialize returned while a Logoff was still in its confirmation");
                assertFalse(((AbstractSessionHandle) handle).isLoggedOn());
                handle.release();
            }
        }
    }

    /** The last MAPIUninitialize called from inside the session's own confirmation ends, and leaks nothing. */
    @ParameterizedTest
    @MethodSource("org.mapi4j.bench.soak.Subject#all")
    void lastUninitializeFromInsideTheConfirmation(Subject subject) throws InterruptedException {
        int rounds = Size.of(1000, 10_000);
        try (Rig rig = Rig.open(subject)) {
            for (int round = 0; round < rounds; round++) {
                MapiProvider provider = subject.newProvider();
                assertEquals(S_OK, provider.initialize(null));
                MapiSessionHandle other = Rig.logon(provider, Rig.NEW_SESSION);
                provider.setLogoffConfirmation(ui -> {
                    provider.uninitialize();
                    return true;
                });
                MapiSessionHandle handle = Rig.logon(provider, Rig.NEW_SESSION);
                AtomicInteger logoff = new AtomicInteger();
                Watchdog.race(subject + " round " + round, () -> logoff.set(handle.logoff(1, UI, 0)));
                String where = subject + " round " + round;
                assertTrue(logoff.get() == S_OK || logoff.get() == MAPI_E_INVALID_OBJECT, where + ": "
                        + HResult.describe(logoff.get()));
                assertFalse(((AbstractSessionHandle) handle).isLoggedOn(), where);
                assertEquals(HandleState.INVALIDATED, state(other), where);
                handle.release();
                other.release();
                assertNothingHeld(provider, where);
            }
        }
    }

    /**
     * A listener that throws an {@code Error} (a user's failed assertion): the shared logoff still
     * returns, every other participant is notified, and the handle is logged off (decision 10).
     */
    @ParameterizedTest
    @MethodSource("org.mapi4j.bench.soak.Subject#all")
    void anErrorFromAListenerStopsNothing(Subject subject) throws InterruptedException {
        try (Rig rig = Rig.open(subject)) {
            MapiProvider provider = rig.provider();
            MapiSessionHandle owner = Rig.logon(provider, Rig.SHARE);
            List<MapiSessionHandle> participants = List.of(Rig.logon(provider, Rig.JOIN), Rig.logon(provider, Rig.JOIN),
                    Rig.logon(provider, Rig.JOIN));
            AtomicInteger notified = new AtomicInteger();
            for (MapiSessionHandle participant : participants) {
                advise(participant, new ListenerSink(() -> {
                    notified.incrementAndGet();
                    throw new AssertionError("a user's failed assertion in a listener");
                }));
            }
            AtomicInteger hr = new AtomicInteger(Integer.MIN_VALUE);
            Watchdog.race(subject.toString(), () -> hr.set(owner.logoff(0, SHARED, 0)));
            assertEquals(S_OK, hr.get());
            assertEquals(HandleState.LOGGED_OFF, state(owner));
            assertEquals(participants.size(), notified.get(), "every participant notified");
            for (MapiSessionHandle participant : participants) {
                assertEquals(HandleState.LOGGED_ON, state(participant), "SHARED-5: the others stay logged on");
                assertEquals(S_OK, participant.logoff(0, 0, 0));
                participant.release();
            }
            owner.release();
        }
    }

    private static void assertNothingHeld(MapiProvider provider, String where) {
        if (provider instanceof NativeProvider nativeProvider) {
            assertEquals(0, nativeProvider.outstandingNativeObjects(), where + ": native references still held");
        }
        assertEquals(0, ((org.mapi4j.spi.support.AbstractMapiProvider) provider).liveSessionCount(),
                where + ": sessions still live");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(Watchdog.HANG.toSeconds(), TimeUnit.SECONDS), "never signalled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
