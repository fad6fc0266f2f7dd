package org.mapi4j.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Notification;
import org.mapi4j.spi.Out;

/** The skeleton's own rules, on the smallest provider there is ({@link MinimalProvider}). */
class SkeletonTest {

    private final MinimalProvider provider = new MinimalProvider();

    @BeforeEach
    void initialize() {
        assertEquals(S_OK, provider.initialize(null));
    }

    /** Every slot that has a required out-parameter, called with {@code null} for it. */
    private static final List<ToIntFunction<MapiSessionHandle>> NULL_OUT_CALLS = List.of(
            h -> h.queryInterface(Iids.IID_IUNKNOWN, null),
            h -> h.getLastError(0, 0, null),
            h -> h.getMsgStoresTable(0, null),
            h -> h.openMsgStore(0, new byte[] {1}, null, 0, null),
            h -> h.openAddressBook(0, null, 0, null),
            h -> h.openProfileSection(null, null, 0, null),
            h -> h.getStatusTable(0, null),
            h -> h.openEntry(new byte[] {1}, null, 0, null, new Out<>()),
            h -> h.openEntry(new byte[] {1}, null, 0, new IntOut(), null),
            h -> h.compareEntryIDs(new byte[] {1}, new byte[] {1}, 0, null),
            h -> h.advise(null, 0, notifications -> S_OK, null),
            h -> h.queryDefaultMessageOpt("SMTP", 0, null),
            h -> h.enumAdrTypes(0, null),
            h -> h.queryIdentity(null),
            h -> h.adminServices(0, null),
            h -> h.prepareForm(null, null, null));

    @Test
    @DisplayName("GEN-5 (decision 7): a null required out-parameter is MAPI_E_INVALID_PARAMETER, after the state check")
    void GEN_5_nullOutParameters() {
        MinimalProvider.Handle handle = provider.logon();
        for (int i = 0; i < NULL_OUT_CALLS.size(); i++) {
            assertEquals(HResult.describe(MAPI_E_INVALID_PARAMETER), HResult.describe(NULL_OUT_CALLS.get(i).applyAsInt(handle)),
                    "call " + i + " on a logged-on handle");
        }
        assertEquals(S_OK, handle.logoff(0, 0, 0));
        for (int i = 0; i < NULL_OUT_CALLS.size(); i++) {
            assertEquals(HResult.describe(MAPI_E_INVALID_OBJECT), HResult.describe(NULL_OUT_CALLS.get(i).applyAsInt(handle)),
                    "call " + i + " on a logged-off handle");
        }
    }

    @Test
    @DisplayName("POSTLOGOFF-6: after the final Release every slot answers MAPI_E_INVALID_OBJECT; AddRef and Release 0")
    void POSTLOGOFF_6_destroyedHandle() {
        for (boolean logoffFirst : new boolean[] {true, false}) {
            MinimalProvider.Handle handle = provider.logon();
            if (logoffFirst) {
                assertEquals(S_OK, handle.logoff(0, 0, 0));
            }
            assertEquals(0, handle.release());
            assertEquals(HandleState.DESTROYED, handle.handleState());
            Out<Object> ppv = new Out<>();
            ppv.set("sentinel");
            assertEquals(MAPI_E_INVALID_OBJECT, handle.queryInterface(Iids.IID_IUNKNOWN, ppv));
            assertNull(ppv.get());
            assertEquals(MAPI_E_INVALID_OBJECT, handle.logoff(0, 0, 0));
            assertEquals(MAPI_E_INVALID_OBJECT, handle.compareEntryIDs(new byte[] {1}, new byte[] {1}, 0, new IntOut()));
            assertEquals(MAPI_E_INVALID_OBJECT, handle.advise(null, 0, notifications -> S_OK, new LongOut()));
            assertEquals(MAPI_E_INVALID_OBJECT, handle.unadvise(1));
            assertEquals(MAPI_E_INVALID_OBJECT, handle.setDefaultStore(0, null));
            assertEquals(0, handle.addRef());
            assertEquals(0, handle.release());
        }
        assertEquals(2, provider.destroyed.get(), "each handle destroyed exactly once");
    }

    @Test
    @DisplayName("Decision 8: CompareEntryIDs with any flag is MAPI_E_UNKNOWN_FLAGS, before the argument checks (GEN-3)")
    void decision8_compareEntryIdsFlags() {
        MinimalProvider.Handle handle = provider.logon();
        for (int bit = 0; bit < 32; bit++) {
            assertEquals(MAPI_E_UNKNOWN_FLAGS, handle.compareEntryIDs(new byte[] {1}, new byte[] {1}, 1 << bit, new IntOut()));
            assertEquals(MAPI_E_UNKNOWN_FLAGS, handle.compareEntryIDs(null, null, 1 << bit, null));
        }
        assertEquals(MAPI_E_NO_SUPPORT, handle.compareEntryIDs(new byte[] {1}, new byte[] {1}, 0, new IntOut()));
    }

    @Test
    @DisplayName("Decision 8: a child's QueryInterface: NULL IID -> MAPI_E_INVALID_PARAMETER; after Logoff -> MAPI_E_INVALID_OBJECT and NULL")
    void decision8_childQueryInterface() {
        MinimalProvider.Handle handle = provider.logon();
        AbstractChild child = handle.child();
        Out<Object> ppv = new Out<>();
        assertEquals(MAPI_E_INVALID_PARAMETER, child.queryInterface(null, ppv));
        assertEquals(S_OK, child.queryInterface(Iids.IID_IUNKNOWN, ppv));
        assertSame(child, ppv.get());
        assertEquals(S_OK, handle.logoff(0, 0, 0));
        assertEquals(MAPI_E_INVALID_OBJECT, child.queryInterface(Iids.IID_IUNKNOWN, ppv));
        assertNull(ppv.get());
        assertEquals(1, child.release(), "Release keeps working (CHILD-1)");
    }

    @Test
    @DisplayName("Decision 8 / LOGON-2: a profile name with U+0000 fails with MAPI_E_LOGON_FAILED; nothing is created")
    void decision8_profileNameWithNul() {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(MAPI_E_LOGON_FAILED, provider.logon(0, "Default\0junk", null, 0, out));
        assertNull(out.get());
        assertEquals(0, provider.liveSessionCount());
    }

    @Test
    @DisplayName("LOGOFF-3: a provider failure after validation is returned and the handle is LOGGED_OFF anyway")
    void LOGOFF_3_failureStillLogsOff() {
        provider.logoff = kind -> LogoffResult.failed(0x80040115);
        MinimalProvider.Handle failing = provider.logon();
        CountingSink sink = new CountingSink();
        assertEquals(S_OK, failing.advise(null, 0, sink, new LongOut()));
        assertEquals(0x80040115, failing.logoff(0, 0, 0));
        assertEquals(HandleState.LOGGED_OFF, failing.handleState());
        assertEquals(0, sink.held.get(), "registrations cancelled, sink released");

        provider.logoff = kind -> {
            throw new IllegalStateException("provider bug");
        };
        MinimalProvider.Handle throwing = provider.logon();
        assertEquals(MAPI_E_CALL_FAILED, throwing.logoff(0, 0, 0));
        assertEquals(HandleState.LOGGED_OFF, throwing.handleState());
        assertEquals(0, provider.liveSessionCount());
    }

    @Test
    @DisplayName("Decision 6: a final Release inside the confirmation takes effect when the Logoff returns")
    void decision6_releaseInsideTheConfirmation() {
        MinimalProvider.Handle handle = provider.logon();
        AtomicInteger released = new AtomicInteger(-1);
        provider.setLogoffConfirmation(ui -> {
            released.set(handle.release());
            assertEquals(0, provider.destroyed.get(), "not destroyed while the Logoff runs");
            return true;
        });
        assertEquals(S_OK, handle.logoff(5, MapiConstants.MAPI_LOGOFF_UI, 0));
        assertEquals(0, released.get());
        assertEquals(1, provider.destroyed.get());
        assertEquals(HandleState.DESTROYED, handle.handleState());
    }

    @Test
    @DisplayName("Decision 9: a Logoff from inside its own confirmation is MAPI_E_INVALID_OBJECT; the outer one goes on")
    void decision9_logoffInsideItsOwnConfirmation() {
        MinimalProvider.Handle handle = provider.logon();
        AtomicInteger inner = new AtomicInteger();
        provider.setLogoffConfirmation(ui -> {
            inner.set(handle.logoff(0, 0, 0));
            return true;
        });
        assertEquals(S_OK, handle.logoff(5, MapiConstants.MAPI_LOGOFF_UI, 0));
        assertEquals(MAPI_E_INVALID_OBJECT, inner.get());
        assertEquals(HandleState.LOGGED_OFF, handle.handleState());
    }

    @Test
    @DisplayName("Decision 10: a confirmation that throws an Error is declined (LOGOFF-UI-3); a VirtualMachineError is rethrown after")
    void decision10_confirmationThrows() {
        MinimalProvider.Handle handle = provider.logon();
        provider.setLogoffConfirmation(ui -> {
            throw new AssertionError("a user's failed assertion");
        });
        assertEquals(MAPI_E_CALL_FAILED, handle.logoff(5, MapiConstants.MAPI_LOGOFF_UI, 0));
        assertEquals(HandleState.LOGGED_ON, handle.handleState());
        provider.setLogoffConfirmation(ui -> {
            throw new OutOfMemoryError("simulated");
        });
        assertThrows(OutOfMemoryError.class, () -> handle.logoff(5, MapiConstants.MAPI_LOGOFF_UI, 0));
        assertEquals(HandleState.LOGGED_ON, handle.handleState(), "nothing changed before the rethrow");
        provider.setLogoffConfirmation(null);
        assertEquals(S_OK, handle.logoff(5, MapiConstants.MAPI_LOGOFF_UI, 0));
    }

    @Test
    @DisplayName("Decision 10: a sink that throws an Error during Logoff: the Logoff completes and the sink is released")
    void decision10_sinkThrowsDuringLogoff() {
        MinimalProvider.Handle[] self = new MinimalProvider.Handle[1];
        provider.logoff = kind -> {
            self[0].send(ErrorNotification.END_OF_SESSION);
            return LogoffResult.done();
        };
        self[0] = provider.logon();
        CountingSink throwing = new CountingSink() {
            @Override
            public int onNotify(List<Notification> notifications) {
                super.onNotify(notifications);
                throw new AssertionError("a user's failed assertion in a sink");
            }
        };
        CountingSink after = new CountingSink();
        assertEquals(S_OK, self[0].advise(null, 0, throwing, new LongOut()));
        assertEquals(S_OK, self[0].advise(null, 0, after, new LongOut()));
        assertEquals(S_OK, self[0].logoff(0, 0, 0));
        assertEquals(1, throwing.calls.get());
        assertEquals(1, after.calls.get(), "delivery went on");
        assertEquals(0, throwing.held.get() + after.held.get(), "both released");
        assertEquals(HandleState.LOGGED_OFF, self[0].handleState());
    }

    @Test
    @DisplayName("NOTIFY-5/6: a sink that unadvises itself from inside onNotify is released once, when onNotify returns")
    void NOTIFY_6_unadviseFromInsideOnNotify() {
        MinimalProvider.Handle handle = provider.logon();
        LongOut connection = new LongOut();
        AtomicInteger heldDuringOnNotify = new AtomicInteger(-1);
        CountingSink sink = new CountingSink() {
            @Override
            public int onNotify(List<Notification> notifications) {
                super.onNotify(notifications);
                assertEquals(S_OK, handle.unadvise(connection.get()));
                heldDuringOnNotify.set(held.get());
                return S_OK;
            }
        };
        assertEquals(S_OK, handle.advise(null, 0, sink, connection));
        assertEquals(1, handle.send(ErrorNotification.END_OF_SESSION));
        assertEquals(1, heldDuringOnNotify.get(), "not released while its own onNotify runs");
        assertEquals(0, sink.held.get(), "released when it returned");
        assertEquals(0, handle.send(ErrorNotification.END_OF_SESSION), "nothing after Unadvise");
        assertEquals(1, sink.calls.get());
    }

    @Test
    @DisplayName("LOGOFF-UI-2 for a provider that confirms itself: declined -> nothing changed; a waiting Logoff then wins")
    void providerConfirmationDeclined() throws InterruptedException {
        provider.providerConfirms = true;
        provider.logoff = kind -> LogoffResult.declined(MAPI_E_USER_CANCEL);
        MinimalProvider.Handle handle = provider.logon();
        assertEquals(MAPI_E_USER_CANCEL, handle.logoff(1, MapiConstants.MAPI_LOGOFF_UI, 0));
        assertEquals(HandleState.LOGGED_ON, handle.handleState());
        provider.logoff = kind -> LogoffResult.done();
        assertEquals(S_OK, handle.logoff(1, MapiConstants.MAPI_LOGOFF_UI, 0));
        assertEquals(HandleState.LOGGED_OFF, handle.handleState());
    }

    @Test
    @DisplayName("INIT-8: the last MAPIUninitialize invalidates live handles with an implicit logoff; an earlier one does not")
    void INIT_8_lastUninitialize() {
        AtomicInteger implicit = new AtomicInteger();
        provider.logoff = kind -> {
            if (kind == LogoffKind.LAST_UNINITIALIZE) {
                implicit.incrementAndGet();
            }
            return LogoffResult.done();
        };
        assertEquals(S_OK, provider.initialize(null));
        MinimalProvider.Handle handle = provider.logon();
        provider.uninitialize();
        assertTrue(handle.isLoggedOn());
        provider.uninitialize();
        assertEquals(HandleState.INVALIDATED, handle.handleState());
        assertEquals(1, implicit.get());
        assertEquals(0, provider.liveSessionCount());
        assertFalse(provider.isTerminated());
        assertEquals(0, handle.release(), "Release still works");
        assertEquals(1, provider.destroyed.get());
    }

    @Test
    @DisplayName("Decision 9: a Logoff waiting for a provider's confirmation gives way when the last MAPIUninitialize claims the handle from inside that confirmation")
    void decision9_waiterGivesWayToUninitializeFromAConfirmation() throws InterruptedException {
        provider.providerConfirms = true;
        MinimalProvider.Handle first = provider.logon();
        MinimalProvider.Handle second = provider.logon();
        java.util.concurrent.CountDownLatch firstConfirming = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger waiterResult = new AtomicInteger(Integer.MIN_VALUE);
        Thread[] waiter = new Thread[1];
        provider.logoff = kind -> {
            if (kind != LogoffKind.EXPLICIT) {
                return LogoffResult.done();
            }
            if (Thread.currentThread() == waiter[0]) {
                // The second handle's confirmation logs the first off: it waits for the first's answer.
                waiterResult.set(first.logoff(0, 0, 0));
                return LogoffResult.done();
            }
            // The first handle's confirmation: wait until the other thread waits on this handle, then
            // run the last MAPIUninitialize, which waits for the other thread's Logoff in flight.
            firstConfirming.countDown();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!waitsForTheAnswer(waiter[0]) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            provider.uninitialize();
            return LogoffResult.done();
        };
        AtomicInteger secondResult = new AtomicInteger(Integer.MIN_VALUE);
        waiter[0] = new Thread(() -> {
            try {
                firstConfirming.await();
            } catch (InterruptedException e) {
                return;
            }
            secondResult.set(second.logoff(0, MapiConstants.MAPI_LOGOFF_UI, 0));
        }, "second-logoff");
        waiter[0].setDaemon(true);
        waiter[0].start();
        AtomicInteger firstResult = new AtomicInteger(Integer.MIN_VALUE);
        Thread confirming = new Thread(() -> firstResult.set(first.logoff(0, MapiConstants.MAPI_LOGOFF_UI, 0)),
                "first-logoff");
        confirming.setDaemon(true);
        confirming.start();
        confirming.join(30_000);
        waiter[0].join(30_000);
        assertFalse(confirming.isAlive() || waiter[0].isAlive(), "deadlocked");
        assertEquals(MAPI_E_INVALID_OBJECT, waiterResult.get(), "the waiting Logoff gave way");
        assertFalse(first.isLoggedOn());
        assertFalse(second.isLoggedOn());
        assertTrue(firstResult.get() == S_OK || firstResult.get() == MAPI_E_INVALID_OBJECT);
        assertTrue(secondResult.get() == S_OK || secondResult.get() == MAPI_E_INVALID_OBJECT);
        assertEquals(0, provider.liveSessionCount());
    }

    // Whether a thread waits inside a Logoff for another Logoff's confirmation to answer.
    private static boolean waitsForTheAnswer(Thread thread) {
        if (thread.getState() != Thread.State.WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().equals("awaitStateChange")) {
                return true;
            }
        }
        return false;
    }

    /** A sink that counts its calls and the references it holds. */
    static class CountingSink implements AdviseSink {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger held = new AtomicInteger();

        @Override
        public int onNotify(List<Notification> notifications) {
            calls.incrementAndGet();
            return S_OK;
        }

        @Override
        public int addRef() {
            return held.incrementAndGet();
        }

        @Override
        public int release() {
            return held.decrementAndGet();
        }
    }
}
