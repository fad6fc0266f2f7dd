package org.mapi4j.spi;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.MAPI_E_NO_ACCESS;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
import static org.mapi4j.spi.HResult.S_OK;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reusable guard of one session handle (spec decision 1): its state machine, the GEN-3
 * validation order of Logoff, the logoff confirmation and the shared-logoff policy, linearizable
 * Logoff (LOGOFF-5), reference counting with the implicit logoff of REL-1, and the advise
 * connections it handed out (NOTIFY-1 to NOTIFY-7).
 *
 * <p>A provider creates one per handle with {@link InstanceGuard#newSession(Effects)}, calls
 * {@link #enter()} at the top of every non-IUnknown method, and delegates Logoff, Advise, Unadvise,
 * AddRef and Release to it. The provider's own work is in {@link Effects}.
 *
 * <p>Thread-safe and lock-free on the common path: {@link #enter()} is one volatile read and
 * allocates nothing. Each guard has its own state; unrelated sessions never share a lock.
 */
public final class SessionGuard {

    /** What the provider does when its handle logs off or is destroyed. */
    public interface Effects {

        /**
         * The provider's part of a Logoff that passed validation and confirmation (and of the
         * implicit logoffs of REL-1 and INIT-8). Called exactly once per handle, after the handle left
         * {@code LOGGED_ON} for every other caller and before its own advise registrations are
         * cancelled, so a provider can still send LOGOFF-4's extended notification through
         * {@link #deliver}. For a shared session: unpublish, notify the other participants (SHARED-5)
         * when {@code MAPI_LOGOFF_SHARED} is set and {@code explicit} is true.
         *
         * @param uiParam the caller's {@code ulUIParam} (0 for implicit logoffs)
         * @param flags the validated Logoff flags (0 for implicit logoffs)
         * @param explicit whether this is a Logoff call rather than REL-1 or INIT-8
         * @return the HRESULT of Logoff; the handle is logged off whatever it is (LOGOFF-3)
         */
        int logoff(long uiParam, int flags, boolean explicit);

        /** Frees the handle's resources at the final Release. Called exactly once. */
        void destroy();

        /**
         * Answers an Advise with a non-{@code null} entry identifier (NOTIFY-3).
         *
         * @param entryId the entry identifier, not empty
         * @param eventMask the events wanted
         * @return {@code S_OK} to register, or {@code MAPI_E_INVALID_ENTRYID},
         *     {@code MAPI_E_UNKNOWN_ENTRYID}, {@code MAPI_E_NO_SUPPORT}; the default is
         *     {@code MAPI_E_NO_SUPPORT}
         */
        default int checkObjectAdvise(byte[] entryId, int eventMask) {
            return HResult.MAPI_E_NO_SUPPORT;
        }

        /**
         * Whether the provider's own logoff asks the confirmation of {@code MAPI_LOGOFF_UI} (a native
         * MAPI that shows its dialog, or calls a native hook bound to the
         * {@link LogoffConfirmation}). Then the guard never calls the hook itself; while a Logoff
         * with {@code MAPI_LOGOFF_UI} runs, the handle counts as logged on for other callers, and the
         * provider reports a declined or failed confirmation by calling
         * {@link SessionGuard#keepLoggedOn()} from {@link #logoff} before returning the HRESULT
         * (LOGOFF-UI-2/3). The default is {@code false}.
         *
         * @return whether the provider confirms by itself
         */
        default boolean confirmsLogoffItself() {
            return false;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionGuard.class);
    private static final AtomicLong IDS = new AtomicLong();
    // Process-wide, so that a number handed out by one handle is never valid on another (NOTIFY-4, NOTIFY-7).
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    // State word. CONFIRMING still counts as logged on: the logoff has not taken effect (LOGOFF-5).
    private static final int LOGGED_ON = 0;
    private static final int CONFIRMING = 1;
    private static final int LOGGING_OFF = 2;
    private static final int LOGGED_OFF = 3;
    private static final int INVALIDATED = 4;

    private static final VarHandle STATE;
    private static final VarHandle REFERENCES;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SessionGuard.class, "state", int.class);
            REFERENCES = MethodHandles.lookup().findVarHandle(SessionGuard.class, "references", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long id = IDS.incrementAndGet();
    // Links of the instance's list of live handles; guarded by the instance's lock.
    SessionGuard previousLive;
    SessionGuard nextLive;
    boolean linked;
    private final InstanceGuard instance;
    private final Effects effects;
    private volatile int state = LOGGED_ON;
    private volatile boolean destroyed;
    private volatile Thread confirmingThread;
    private volatile boolean keepLoggedOn;
    private volatile int references = 1;
    // Created by the first Advise: most sessions never advise, and a logon should allocate little.
    private volatile Map<Long, AdviseRegistration> registrations;
    // Guards registration changes against the cancellation of Logoff, and waits for confirmations.
    private final Object lock = new Object();

    SessionGuard(InstanceGuard instance, Effects effects) {
        this.instance = instance;
        this.effects = effects;
    }

    /** @return a process-unique number for log lines and diagnostics */
    public long id() {
        return id;
    }

    /** @return the handle's state (spec B.0) */
    public HandleState state() {
        if (destroyed) {
            return HandleState.DESTROYED;
        }
        int s = state;
        if (s <= CONFIRMING) {
            return HandleState.LOGGED_ON;
        }
        return s == INVALIDATED ? HandleState.INVALIDATED : HandleState.LOGGED_OFF;
    }

    /** @return whether the handle takes calls (it is {@code LOGGED_ON}) */
    public boolean isLive() {
        return state <= CONFIRMING && !destroyed;
    }

    /**
     * The state check that opens every non-IUnknown method (GEN-3 step 1, POSTLOGOFF-1).
     * Allocation-free.
     *
     * @return {@code S_OK}, or {@code MAPI_E_INVALID_OBJECT} once the handle left {@code LOGGED_ON}
     */
    public int enter() {
        return state <= CONFIRMING && !destroyed ? S_OK : MAPI_E_INVALID_OBJECT;
    }

    /**
     * Creates the guard of an object opened through this handle (CHILD-1).
     *
     * @param onDestroy run once at the child's final Release, may be {@code null}
     * @return the child's guard
     */
    public ChildGuard newChild(Runnable onDestroy) {
        return new ChildGuard(this, onDestroy);
    }

    /**
     * IMAPISession::Logoff with every rule of spec B.4, B.5 and decisions 3 and 4.
     *
     * @param uiParam parent window, passed to the confirmation unchanged
     * @param flags the Logoff flags
     * @param reserved must be 0
     * @return the HRESULT
     */
    public int logoff(long uiParam, int flags, int reserved) {
        boolean validated = false;
        for (;;) {
            int s = state;
            if (s == CONFIRMING) {
                if (confirmingThread == Thread.currentThread()) {
                    return MAPI_E_INVALID_OBJECT; // the confirmation hook must not log off its own session
                }
                awaitConfirmation();
                continue;
            }
            if (s != LOGGED_ON || destroyed) {
                return MAPI_E_INVALID_OBJECT;
            }
            if (!validated) {
                if ((flags & ~MapiConstants.MAPI_LOGOFF_VALID_MASK) != 0) {
                    return MAPI_E_UNKNOWN_FLAGS;
                }
                if (reserved != 0) {
                    return MAPI_E_INVALID_PARAMETER;
                }
                if ((flags & MapiConstants.MAPI_LOGOFF_SHARED) != 0) {
                    SharedLogoffPolicy policy = instance.sharedLogoffPolicy();
                    if (policy == SharedLogoffPolicy.REJECT) {
                        LOG.debug("Session {}: MAPI_LOGOFF_SHARED rejected by policy REJECT (SHARED-8)", id);
                        return MAPI_E_NO_ACCESS;
                    }
                    if (policy == SharedLogoffPolicy.WARN) {
                        LOG.warn("Session {}: Logoff with MAPI_LOGOFF_SHARED. With Outlook 2007 SP2 and later"
                                + " MAPI this makes every MAPI client on the machine start shutting down"
                                + " (SHARED-6); set SharedLogoffPolicy.ALLOW to silence or REJECT to refuse.", id);
                    }
                }
                validated = true;
            }
            if ((flags & MapiConstants.MAPI_LOGOFF_UI) != 0 && effects.confirmsLogoffItself()) {
                if (!STATE.compareAndSet(this, LOGGED_ON, CONFIRMING)) {
                    continue;
                }
                return logoffConfirmedByProvider(uiParam, flags);
            }
            LogoffConfirmation confirmation = instance.logoffConfirmation();
            if ((flags & MapiConstants.MAPI_LOGOFF_UI) != 0 && confirmation != null) {
                if (!STATE.compareAndSet(this, LOGGED_ON, CONFIRMING)) {
                    continue;
                }
                int answer = confirm(confirmation, uiParam);
                if (answer != S_OK) {
                    return answer;
                }
                if (!STATE.compareAndSet(this, CONFIRMING, LOGGING_OFF)) {
                    signal();
                    return MAPI_E_INVALID_OBJECT;
                }
                signal();
            } else if (!STATE.compareAndSet(this, LOGGED_ON, LOGGING_OFF)) {
                continue;
            }
            return finishLogoff(uiParam, flags, true, LOGGED_OFF);
        }
    }

    // Asks the hook with the session still logged on; on "no" or a throw, nothing changed (LOGOFF-UI-2/3).
    private int confirm(LogoffConfirmation confirmation, long uiParam) {
        confirmingThread = Thread.currentThread();
        boolean confirmed;
        try {
            confirmed = confirmation.confirmLogoff(uiParam);
        } catch (Throwable t) {
            restoreAfterConfirmation();
            if (t instanceof VirtualMachineError vme) {
                throw vme;
            }
            LOG.warn("Session {}: the logoff confirmation threw; the session stays logged on (LOGOFF-UI-3)", id, t);
            return MAPI_E_CALL_FAILED;
        }
        if (!confirmed) {
            restoreAfterConfirmation();
            LOG.debug("Session {}: logoff declined by the confirmation (LOGOFF-UI-2)", id);
            return MAPI_E_USER_CANCEL;
        }
        confirmingThread = null;
        return S_OK;
    }

    private void restoreAfterConfirmation() {
        confirmingThread = null;
        STATE.compareAndSet(this, CONFIRMING, LOGGED_ON);
        signal();
    }

    // The provider's logoff asks the confirmation itself; the handle stays LOGGED_ON for others
    // until it is known whether the logoff happened.
    private int logoffConfirmedByProvider(long uiParam, int flags) {
        confirmingThread = Thread.currentThread();
        keepLoggedOn = false;
        int hr = runEffects(uiParam, flags, true);
        boolean kept = keepLoggedOn;
        keepLoggedOn = false;
        confirmingThread = null;
        if (kept) {
            STATE.compareAndSet(this, CONFIRMING, LOGGED_ON);
            signal();
            LOG.debug("Session {}: logoff declined or failed in the provider's confirmation -> {}", id,
                    HResult.describe(hr));
            return hr;
        }
        state = LOGGING_OFF;
        signal();
        return completeLogoff(hr, true, LOGGED_OFF);
    }

    /**
     * Called by a provider whose {@link Effects#confirmsLogoffItself()} is true, from within
     * {@link Effects#logoff}, when its confirmation declined or failed: the Logoff did not happen
     * and the handle stays {@code LOGGED_ON} (LOGOFF-UI-2/3). Ignored at any other time.
     */
    public void keepLoggedOn() {
        if (confirmingThread == Thread.currentThread()) {
            keepLoggedOn = true;
        }
    }

    private int runEffects(long uiParam, int flags, boolean explicit) {
        try {
            return effects.logoff(uiParam, flags, explicit);
        } catch (RuntimeException e) {
            LOG.error("Session {}: the provider failed during Logoff; the handle is logged off anyway (LOGOFF-3)",
                    id, e);
            return MAPI_E_CALL_FAILED;
        }
    }

    private int finishLogoff(long uiParam, int flags, boolean explicit, int finalState) {
        return completeLogoff(runEffects(uiParam, flags, explicit), explicit, finalState);
    }

    private int completeLogoff(int hr, boolean explicit, int finalState) {
        cancelAllRegistrations();
        state = finalState;
        instance.forget(this);
        // No signal: waiters only wait while the state is CONFIRMING, and leaving it signals.
        if (LOG.isDebugEnabled()) {
            LOG.debug("Session {}: {} -> {}", id, explicit ? "Logoff" : "implicit logoff", HResult.describe(hr));
        }
        return hr;
    }

    /**
     * Takes the handle out of {@code LOGGED_ON} without a Logoff call: an implicit {@code Logoff(0, 0, 0)}
     * and {@code INVALIDATED} for the last MAPIUninitialize (INIT-8), or, with
     * {@code runLogoff == false}, without any logoff processing for a fast shutdown (FAST-5).
     *
     * @param runLogoff whether to run the provider's logoff effects
     */
    public void invalidate(boolean runLogoff) {
        if (takeOffline()) {
            if (runLogoff) {
                finishLogoff(0, 0, false, INVALIDATED);
            } else {
                cancelAllRegistrations();
                state = INVALIDATED;
                instance.forget(this);
                signal();
            }
        }
    }

    // Moves LOGGED_ON to LOGGING_OFF, waiting out a confirmation another thread is asking.
    private boolean takeOffline() {
        for (;;) {
            int s = state;
            if (s == CONFIRMING && confirmingThread != Thread.currentThread()) {
                awaitConfirmation();
                continue;
            }
            if (s != LOGGED_ON && s != CONFIRMING) {
                return false;
            }
            if (STATE.compareAndSet(this, s, LOGGING_OFF)) {
                return true;
            }
        }
    }

    /**
     * IUnknown::AddRef; works in every state but {@code DESTROYED} (POSTLOGOFF-3).
     *
     * @return the new count, or 0 if the handle was destroyed
     */
    public int addRef() {
        for (;;) {
            int n = references;
            if (n == 0) {
                return 0;
            }
            if (REFERENCES.compareAndSet(this, n, n + 1)) {
                return n + 1;
            }
        }
    }

    /**
     * IUnknown::Release; works in every state (POSTLOGOFF-2). The final Release of a logged-on handle
     * logs it off implicitly first (REL-1), then destroys it.
     *
     * @return the new count
     */
    public int release() {
        int n;
        do {
            n = references;
            if (n == 0) {
                return 0;
            }
        } while (!REFERENCES.compareAndSet(this, n, n - 1));
        if (n == 1) {
            if (takeOffline()) {
                finishLogoff(0, 0, false, LOGGED_OFF);
            }
            destroyed = true;
            effects.destroy();
        }
        return n - 1;
    }

    /** @return the current reference count (diagnostics and tests) */
    public int referenceCount() {
        return references;
    }

    /**
     * IMAPISession::Advise (NOTIFY-1 to NOTIFY-4, NOTIFY-9).
     *
     * @param entryId {@code null} for the session, else an object's entry identifier
     * @param eventMask the events wanted
     * @param sink the sink
     * @param connection receives the connection number, 0 on failure
     * @return the HRESULT
     */
    public int advise(byte[] entryId, int eventMask, AdviseSink sink, LongOut connection) {
        if (connection != null) {
            connection.set(0);
        }
        int hr = enter();
        if (hr != S_OK) {
            return hr;
        }
        if (sink == null || connection == null || (entryId != null && entryId.length == 0)) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (entryId != null) {
            hr = effects.checkObjectAdvise(entryId.clone(), eventMask);
            if (hr != S_OK) {
                return hr;
            }
        }
        synchronized (lock) {
            // Checked again under the lock so that a Logoff's cancellation cannot miss this registration.
            hr = enter();
            if (hr != S_OK) {
                return hr;
            }
            long number = CONNECTIONS.incrementAndGet();
            AdviseRegistration registration = new AdviseRegistration(number, eventMask, entryId == null, sink);
            sink.addRef();
            if (registrations == null) {
                registrations = new ConcurrentHashMap<>();
            }
            registrations.put(number, registration);
            connection.set(number);
        }
        return S_OK;
    }

    /**
     * IMAPISession::Unadvise (NOTIFY-5 to NOTIFY-7, NOTIFY-9). When it returns, no new
     * {@code onNotify} reaches the sink and the sink was released.
     *
     * @param connection the connection number
     * @return {@code S_OK}, {@code MAPI_E_NOT_FOUND}, or {@code MAPI_E_INVALID_OBJECT}
     */
    public int unadvise(long connection) {
        int hr = enter();
        if (hr != S_OK) {
            return hr;
        }
        AdviseRegistration registration;
        synchronized (lock) {
            registration = registrations == null ? null : registrations.remove(connection);
        }
        if (registration == null) {
            // A Logoff that took effect meanwhile cancelled it: answer as if it came first (LOGOFF-5).
            return enter() != S_OK ? MAPI_E_INVALID_OBJECT : MAPI_E_NOT_FOUND;
        }
        end(registration);
        return S_OK;
    }

    /** @return the number of active advise registrations (diagnostics and tests) */
    public int registrationCount() {
        Map<Long, AdviseRegistration> current = registrations;
        return current == null ? 0 : current.size();
    }

    /**
     * Delivers one notification to every registration of this handle that covers its event type
     * and was not cancelled. Runs the sinks on the calling thread; a sink that throws is logged and
     * delivery goes on.
     *
     * @param notification the notification
     * @param sessionLevelOnly whether only registrations made with a {@code null} entry identifier
     *     receive it (true for session events)
     * @return how many sinks were called
     */
    public int deliver(Notification notification, boolean sessionLevelOnly) {
        Map<Long, AdviseRegistration> current = registrations;
        if (current == null || current.isEmpty()) {
            return 0;
        }
        List<Notification> batch = List.of(notification);
        int delivered = 0;
        for (AdviseRegistration registration : current.values()) {
            if ((!sessionLevelOnly || registration.sessionLevel) && registration.covers(notification.eventType())
                    && registration.deliver(batch, id)) {
                delivered++;
            }
        }
        return delivered;
    }

    private void cancelAllRegistrations() {
        List<AdviseRegistration> ended;
        synchronized (lock) {
            if (registrations == null || registrations.isEmpty()) {
                return;
            }
            ended = new ArrayList<>(registrations.values());
            registrations.clear();
        }
        for (AdviseRegistration registration : ended) {
            end(registration);
        }
    }

    private void end(AdviseRegistration registration) {
        if (registration.cancel()) {
            try {
                registration.sink.release();
            } catch (RuntimeException e) {
                LOG.warn("Session {}: advise sink of connection {} threw from release", id, registration.connection, e);
            }
        }
    }

    private void awaitConfirmation() {
        boolean interrupted = false;
        synchronized (lock) {
            while (state == CONFIRMING) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /**
     * Derived from the process-unique id instead of the identity hash, whose first computation is a
     * slow path on every logon (the instance tracks live guards in a hash set). Equality stays
     * identity.
     */
    @Override
    public int hashCode() {
        return Long.hashCode(id * 0x9E3779B97F4A7C15L);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public String toString() {
        return "SessionGuard[id=" + id + ", " + state() + ", refs=" + references + "]";
    }
}
