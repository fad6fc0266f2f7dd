package org.mapi4j.spi.support;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NO_ACCESS;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
import static org.mapi4j.spi.HResult.S_OK;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of a session handle (spec B.0) and the one Logoff protocol: GEN-3 validation,
 * the confirmation (decision 3), the shared-logoff policy (decision 4), linearizable Logoff
 * (LOGOFF-5), the implicit logoffs of REL-1 and INIT-8, and FAST-5's invalidation.
 *
 * <p>States: {@code LOGGED_ON}; {@code CONFIRMING} while a confirmation is asked (still logged on:
 * nothing has changed yet, and other Logoffs wait for the answer); {@code LOGGING_OFF} while the
 * provider's part runs; then {@code LOGGED_OFF} or {@code INVALIDATED}. Only {@code CONFIRMING} is
 * ever waited for, and never by the thread that asks the confirmation: a Logoff from inside its own
 * confirmation answers {@code MAPI_E_INVALID_OBJECT} (decision 9). The handle reaches its final
 * state, and every waiter is woken, before its registrations are cancelled and before anything else
 * that could call user code, so a callback that calls back never finds a state it would wait for.
 */
abstract class SessionLifecycle extends ReferenceCounted {

    static final int LOGGED_ON = 0;
    // The confirmation hook is asked by this class; the last MAPIUninitialize may take the handle over.
    static final int CONFIRMING_HOOK = 1;
    // The provider asks its own confirmation inside doLogoff (a native MAPI); it must be let finish.
    static final int CONFIRMING_PROVIDER = 2;
    static final int LOGGING_OFF = 3;
    static final int LOGGED_OFF = 4;
    static final int INVALIDATED = 5;

    // What the last MAPIUninitialize or a fast shutdown asked of a handle whose provider was confirming.
    private static final int NO_INVALIDATION = 0;
    private static final int INVALIDATE_WITH_LOGOFF = 1;
    private static final int INVALIDATE_WITHOUT_LOGOFF = 2;

    private static final Logger LOG = LoggerFactory.getLogger(AbstractSessionHandle.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle ID;
    private static final VarHandle STATE;
    // Owner and runner are read only to ask "is it me?", and every change of owner follows a
    // compare-and-set of the state: release stores suffice, and cost no fence on the hot path.
    private static final VarHandle OWNER;
    private static final VarHandle RUNNER;

    static {
        try {
            ID = MethodHandles.lookup().findVarHandle(SessionLifecycle.class, "id", long.class);
            STATE = MethodHandles.lookup().findVarHandle(SessionLifecycle.class, "state", int.class);
            OWNER = MethodHandles.lookup().findVarHandle(SessionLifecycle.class, "owner", Thread.class);
            RUNNER = MethodHandles.lookup().findVarHandle(SessionLifecycle.class, "runner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Assigned on first use (log lines, hashing): a logon pays no atomic increment for it; 0 until then.
    private volatile long id;
    final AbstractMapiProvider provider;
    final long generation;
    private volatile int state = LOGGED_ON;
    // The thread that took the handle out of LOGGED_ON (or is confirming); null while logged on.
    private volatile Thread owner;
    // The thread whose Logoff call runs the protocol now; the last MAPIUninitialize waits for it.
    private volatile Thread runner;
    private volatile int invalidation = NO_INVALIDATION;
    private volatile boolean waiters;
    // The next handle in the provider's list of live handles (LiveHandles): written before this
    // handle is published there, then only by that list's sweeps under its monitor.
    SessionLifecycle nextLive;

    SessionLifecycle(AbstractMapiProvider provider) {
        this.provider = provider;
        this.generation = provider.track(this);
    }

    /** {@return a process-unique number for log lines and diagnostics} */
    public final long id() {
        long known = id;
        if (known != 0) {
            return known;
        }
        long fresh = IDS.incrementAndGet();
        long witness = (long) ID.compareAndExchange(this, 0L, fresh);
        return witness == 0 ? fresh : witness;
    }

    /** {@return the handle's state (spec B.0)} */
    public final HandleState handleState() {
        if (isReleased()) {
            return HandleState.DESTROYED;
        }
        int s = state;
        if (s <= CONFIRMING_PROVIDER) {
            return HandleState.LOGGED_ON;
        }
        return s == INVALIDATED ? HandleState.INVALIDATED : HandleState.LOGGED_OFF;
    }

    /**
     * {@return whether the handle has not reached a final state: still in the provider's list of
     * live handles, which the last MAPIUninitialize invalidates (INIT-8)}
     */
    final boolean isLive() {
        return state < LOGGED_OFF;
    }

    /** {@return whether the handle takes calls: {@code LOGGED_ON} and not finally released} */
    public final boolean isLoggedOn() {
        return state <= CONFIRMING_PROVIDER && !isReleased();
    }

    /**
     * GEN-3 step 1 of every method but the IUnknown ones (POSTLOGOFF-1, POSTLOGOFF-6). One volatile
     * read and no allocation.
     *
     * @return {@code S_OK}, or {@code MAPI_E_INVALID_OBJECT}
     */
    final int checkLoggedOn() {
        return isLoggedOn() ? S_OK : MAPI_E_INVALID_OBJECT;
    }

    // ---------------------------------------------------------------- what the handle supplies

    /** See {@link AbstractSessionHandle#doLogoff}. */
    abstract LogoffResult runDoLogoff(long uiParam, int flags, LogoffKind kind);

    /** See {@link AbstractSessionHandle#confirmsLogoffItself}. */
    abstract boolean providerConfirms();

    /** See {@link AbstractSessionHandle#isSharedSession}. */
    abstract boolean sharedSession();

    /** Cancels the handle's advise registrations (LOGOFF-1(a)); returns a fatal error to rethrow, or null. */
    abstract VirtualMachineError cancelRegistrations();

    /** See {@link AbstractSessionHandle#doDestroy}. */
    abstract void runDoDestroy();

    // ---------------------------------------------------------------- Logoff

    /**
     * IMAPISession::Logoff with every rule of spec B.4, B.5 and decisions 3, 4 and 9.
     *
     * @return the HRESULT
     */
    final int logoffCall(long uiParam, int flags, int reserved) {
        if (state > CONFIRMING_PROVIDER || isReleased()) {
            return MAPI_E_INVALID_OBJECT; // POSTLOGOFF-1: two volatile reads, nothing written
        }
        enterCall();
        Thread me = Thread.currentThread();
        try {
            return logoff(me, uiParam, flags, reserved);
        } finally {
            if (runner == me) {
                RUNNER.setRelease(this, null);
            }
            exitCall();
        }
    }

    private int logoff(Thread me, long uiParam, int flags, int reserved) {
        boolean validated = false;
        for (;;) {
            int s = state;
            if (s == CONFIRMING_HOOK || s == CONFIRMING_PROVIDER) {
                if (owner == me || invalidation != NO_INVALIDATION) {
                    // One Logoff is already under way on this thread (decision 9), or the last
                    // MAPIUninitialize has claimed the handle: either way this one comes second.
                    return MAPI_E_INVALID_OBJECT;
                }
                awaitStateChange(s); // LOGOFF-5: a declined confirmation leaves the handle to the others
                continue;
            }
            if (s != LOGGED_ON || isReleased()) {
                return MAPI_E_INVALID_OBJECT;
            }
            if (!validated) {
                if ((flags & ~MapiConstants.MAPI_LOGOFF_VALID_MASK) != 0) {
                    return MAPI_E_UNKNOWN_FLAGS;
                }
                if (reserved != 0) {
                    return MAPI_E_INVALID_PARAMETER;
                }
                if ((flags & MapiConstants.MAPI_LOGOFF_SHARED) != 0 && !sharedLogoffPermitted()) {
                    return MAPI_E_NO_ACCESS;
                }
                validated = true;
            }
            boolean ui = (flags & MapiConstants.MAPI_LOGOFF_UI) != 0;
            if (ui && providerConfirms()) {
                if (begin(CONFIRMING_PROVIDER, me)) {
                    return runLogoff(uiParam, flags, LogoffKind.EXPLICIT);
                }
                continue;
            }
            LogoffConfirmation confirmation = ui ? provider.logoffConfirmation() : null;
            if (confirmation == null) {
                if (begin(LOGGING_OFF, me)) {
                    return runLogoff(uiParam, flags, LogoffKind.EXPLICIT);
                }
                continue;
            }
            if (begin(CONFIRMING_HOOK, me)) {
                return confirmThenLogoff(me, confirmation, uiParam, flags);
            }
        }
    }

    // SHARED-8: REJECT refuses; WARN names the risk, only where the flag can reach other clients.
    private boolean sharedLogoffPermitted() {
        SharedLogoffPolicy policy = provider.sharedLogoffPolicy();
        if (policy == SharedLogoffPolicy.REJECT) {
            LOG.debug("Session {}: MAPI_LOGOFF_SHARED refused by SharedLogoffPolicy.REJECT (SHARED-8)", id());
            return false;
        }
        if (policy == SharedLogoffPolicy.WARN && sharedSession()) {
            LOG.warn("Session {}: Logoff with MAPI_LOGOFF_SHARED. With Outlook 2007 SP2 and later MAPI this makes"
                    + " every MAPI client on the machine start shutting down (SHARED-6); set"
                    + " SharedLogoffPolicy.ALLOW to silence this or REJECT to refuse the flag.", id());
        }
        return true;
    }

    private boolean begin(int to, Thread me) {
        if (!STATE.compareAndSet(this, LOGGED_ON, to)) {
            return false;
        }
        OWNER.setRelease(this, me);
        RUNNER.setRelease(this, me);
        return true;
    }

    // Decision 3: the hook is asked once, with the handle still logged on and no lock held.
    private int confirmThenLogoff(Thread me, LogoffConfirmation confirmation, long uiParam, int flags) {
        VirtualMachineError fatal = null;
        int answer;
        try {
            answer = confirmation.confirmLogoff(uiParam) ? S_OK : MAPI_E_USER_CANCEL;
        } catch (Throwable t) {
            fatal = UserCode.thrown(LOG, "Session " + id() + ": the logoff confirmation (LOGOFF-UI-3)", t, null);
            answer = MAPI_E_CALL_FAILED;
        }
        if (answer != S_OK) {
            boolean kept = STATE.compareAndSet(this, CONFIRMING_HOOK, LOGGED_ON);
            if (kept) {
                OWNER.setRelease(this, null);
                LOG.debug("Session {}: logoff declined by the confirmation, nothing changed (LOGOFF-UI-2/3)", id());
            }
            wakeWaiters();
            UserCode.rethrow(fatal);
            // Not kept: the last MAPIUninitialize took the handle meanwhile, and that came first.
            return kept ? answer : MAPI_E_INVALID_OBJECT;
        }
        if (!STATE.compareAndSet(this, CONFIRMING_HOOK, LOGGING_OFF)) {
            return MAPI_E_INVALID_OBJECT; // invalidated while the hook ran (decision 11)
        }
        wakeWaiters();
        return runLogoff(uiParam, flags, LogoffKind.EXPLICIT);
    }

    /**
     * For a provider that asks its confirmation itself: the confirmation accepted, so the logoff
     * will happen; other callers stop waiting for the answer now. Ignored unless called from inside
     * such a provider's {@code doLogoff}.
     */
    final void acceptedByProvider() {
        if (owner == Thread.currentThread() && STATE.compareAndSet(this, CONFIRMING_PROVIDER, LOGGING_OFF)) {
            wakeWaiters();
        }
    }

    private int runLogoff(long uiParam, int flags, LogoffKind kind) {
        LogoffResult result;
        VirtualMachineError fatal = null;
        try {
            result = runDoLogoff(uiParam, flags, kind);
            if (result == null) {
                LOG.error("Session {}: doLogoff returned null; the handle is logged off (LOGOFF-3)", id());
                result = LogoffResult.failed(MAPI_E_CALL_FAILED);
            }
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme) {
                fatal = vme;
            }
            LOG.error("Session {}: the provider failed during Logoff; the handle is logged off anyway (LOGOFF-3)",
                    id(), t);
            result = LogoffResult.failed(MAPI_E_CALL_FAILED);
        }
        if (result.isDeclined() && STATE.compareAndSet(this, CONFIRMING_PROVIDER, LOGGED_ON)) {
            OWNER.setRelease(this, null);
            wakeWaiters();
            int asked = invalidation;
            if (asked != NO_INVALIDATION) {
                // The last MAPIUninitialize (or a fast shutdown) came while the provider confirmed.
                invalidate(asked == INVALIDATE_WITH_LOGOFF);
                UserCode.rethrow(fatal);
                return MAPI_E_INVALID_OBJECT;
            }
            UserCode.rethrow(fatal);
            return result.hResult();
        }
        boolean invalidated = kind == LogoffKind.LAST_UNINITIALIZE || invalidation != NO_INVALIDATION;
        VirtualMachineError late = finish(invalidated ? INVALIDATED : LOGGED_OFF);
        UserCode.rethrow(fatal != null ? fatal : late);
        return result.hResult();
    }

    // The handle's final state first, waiters woken, then the registrations: nothing here waits.
    private VirtualMachineError finish(int finalState) {
        state = finalState;
        OWNER.setRelease(this, null);
        wakeWaiters();
        return cancelRegistrations();
    }

    // ---------------------------------------------------------------- implicit logoffs

    /**
     * Takes the handle out of {@code LOGGED_ON} without a Logoff call: an implicit
     * {@code Logoff(0, 0, 0)}, then {@code INVALIDATED}, for the last MAPIUninitialize (INIT-8); or,
     * with {@code runLogoff == false}, no logoff processing at all, for a fast shutdown (FAST-5).
     * Never waits: a confirmation being asked by this class is overtaken (that Logoff then answers
     * {@code MAPI_E_INVALID_OBJECT}), one being asked by the provider is left to finish, and the
     * handle is invalidated when it does.
     */
    final void invalidate(boolean runLogoff) {
        enterCall();
        Thread me = Thread.currentThread();
        try {
            for (;;) {
                int s = state;
                if (s == LOGGED_ON || s == CONFIRMING_HOOK) {
                    if (!STATE.compareAndSet(this, s, LOGGING_OFF)) {
                        continue;
                    }
                    OWNER.setRelease(this, me);
                    if (s == CONFIRMING_HOOK) {
                        wakeWaiters();
                    }
                    if (runLogoff) {
                        runLogoff(0, 0, LogoffKind.LAST_UNINITIALIZE);
                    } else {
                        UserCode.rethrow(finish(INVALIDATED));
                    }
                    return;
                }
                if (s != CONFIRMING_PROVIDER) {
                    return; // logging off on another thread, or off already
                }
                invalidation = runLogoff ? INVALIDATE_WITH_LOGOFF : INVALIDATE_WITHOUT_LOGOFF;
                // Logoffs waiting for the provider's answer give way now: one of them may be a
                // callback the provider's confirmation waits for.
                wakeWaiters();
                if (state == CONFIRMING_PROVIDER) {
                    return; // the confirming Logoff sees the request when it ends (runLogoff)
                }
            }
        } finally {
            exitCall();
        }
    }

    /** REL-1: the final Release of a handle still logged on logs it off first; then the provider destroys it. */
    @Override
    final void finalRelease() {
        VirtualMachineError fatal = null;
        for (;;) {
            int s = state;
            if (s != LOGGED_ON) {
                break; // a confirmation or logoff in progress is a running call: it ended before this runs
            }
            if (STATE.compareAndSet(this, LOGGED_ON, LOGGING_OFF)) {
                OWNER.setRelease(this, Thread.currentThread());
                try {
                    runLogoff(0, 0, LogoffKind.FINAL_RELEASE);
                } catch (VirtualMachineError e) {
                    fatal = e;
                }
                break;
            }
        }
        try {
            runDoDestroy();
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme) {
                fatal = fatal != null ? fatal : vme;
            }
            LOG.error("Session {}: the provider failed to destroy the handle at its final Release", id(), t);
        }
        UserCode.rethrow(fatal);
    }

    // ---------------------------------------------------------------- waiting

    /**
     * Decision 11: returns once no Logoff call runs on this handle, unless the one running is the
     * caller's own (the last MAPIUninitialize called from inside its callback).
     */
    final void awaitCallsOfOtherThreads() {
        Thread me = Thread.currentThread();
        if (!hasCallsRunning() || runner == me) {
            return;
        }
        boolean interrupted = false;
        synchronized (this) {
            waiters = true;
            while (hasCallsRunning() && runner != me) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitStateChange(int from) {
        boolean interrupted = false;
        synchronized (this) {
            waiters = true;
            while (state == from && invalidation == NO_INVALIDATION) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void wakeWaiters() {
        if (waiters) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    @Override
    final void callsEnded() {
        wakeWaiters();
    }

    /** Identity equality; the hash comes from the process-unique id (cheaper than the identity hash). */
    @Override
    public final int hashCode() {
        return Long.hashCode(id() * 0x9E3779B97F4A7C15L);
    }

    @Override
    public final boolean equals(Object other) {
        return this == other;
    }
}
