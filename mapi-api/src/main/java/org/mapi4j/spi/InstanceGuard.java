package org.mapi4j.spi;

import static org.mapi4j.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.mapi4j.HResult;
import org.mapi4j.LogoffConfirmation;
import org.mapi4j.MapiConstants;
import org.mapi4j.SharedLogoffPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reusable guard of one MAPI instance (spec B.0, decision 1): the MAPIInitialize reference count
 * (INIT-1 to INIT-11), the argument rules of MAPILogonEx (LOGON-1, LOGON-2, LOGON-9), the live
 * handles that the last MAPIUninitialize invalidates (INIT-8), the terminated state of a fast
 * shutdown (FAST-5), and the instance's logoff confirmation and shared-logoff policy.
 *
 * <p>A logon holds a read lock while it is checked and its handle is created, so that it cannot
 * interleave with the last MAPIUninitialize; logons do not block each other. Thread-safe.
 */
public final class InstanceGuard {

    /** What the provider does when the instance is initialized and uninitialized. */
    public interface Effects {

        /**
         * The provider's part of a MAPIInitialize whose arguments are valid. A failure does not
         * count (INIT-6).
         *
         * @param init the validated MAPIINIT_0, or {@code null}
         * @param first whether the count goes from 0 to 1
         * @return {@code S_OK} or an error
         */
        default int initialize(MapiInit init, boolean first) {
            return S_OK;
        }

        /**
         * The provider's part of a balanced MAPIUninitialize, after the live handles were
         * invalidated if this was the last.
         *
         * @param last whether the count reached 0
         */
        default void uninitialize(boolean last) {
        }
    }

    /** The provider's part of a MAPILogonEx whose arguments are valid. */
    @FunctionalInterface
    public interface LogonAction {

        /**
         * Chooses or joins the session and creates the handle with {@link #newSession}.
         *
         * @param session receives the handle
         * @return {@code S_OK} or an error (then nothing may have been created)
         */
        int logon(Out<MapiSessionHandle> session);
    }

    /** The provider's part of a MAPILogonEx whose arguments are valid, given those arguments. */
    @FunctionalInterface
    public interface ValidatedLogon {

        /**
         * Chooses or joins the session and creates the handle with {@link #newSession}.
         *
         * @param uiParam the parent window
         * @param profileName the profile name, may be {@code null} or empty
         * @param flags the validated logon flags
         * @param session receives the handle
         * @return {@code S_OK} or an error (then nothing may have been created)
         */
        int logon(long uiParam, String profileName, int flags, Out<MapiSessionHandle> session);
    }

    private static final Logger LOG = LoggerFactory.getLogger(InstanceGuard.class);

    /** The longest profile name, in UTF-16 code units without the terminator (LOGON-2b, OQ-15). */
    public static final int MAX_PROFILE_NAME_LENGTH = 64;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Effects effects;
    // The handles still LOGGED_ON, for INIT-8 and FAST-5: a list threaded through the guards
    // themselves, so a logon adds no node and no hashing.
    private final Object liveLock = new Object();
    private SessionGuard liveHead;
    private int liveCount;
    private int initCount;
    private volatile boolean initialized;
    private volatile boolean terminated;
    private volatile LogoffConfirmation logoffConfirmation;
    private volatile SharedLogoffPolicy sharedLogoffPolicy = SharedLogoffPolicy.WARN;

    /**
     * @param effects the provider's part of initialization, not {@code null}
     */
    public InstanceGuard(Effects effects) {
        this.effects = Objects.requireNonNull(effects, "effects");
    }

    /** Creates a guard for a provider with nothing to do at initialization. */
    public InstanceGuard() {
        this(new Effects() {
        });
    }

    /**
     * MAPIInitialize: GEN-3 order (terminated, flags, version), then the provider, then the count.
     *
     * @param init the MAPIINIT_0, or {@code null}
     * @return the HRESULT
     */
    public int initialize(MapiInit init) {
        lock.writeLock().lock();
        try {
            if (terminated) {
                return MAPI_E_NOT_INITIALIZED;
            }
            if (init != null) {
                if ((init.flags() & ~MapiConstants.MAPI_INIT_VALID_MASK) != 0) {
                    return MAPI_E_UNKNOWN_FLAGS;
                }
                if (init.version() != MapiConstants.MAPI_INIT_VERSION) {
                    return MAPI_E_INVALID_PARAMETER;
                }
            }
            int hr = effects.initialize(init, initCount == 0);
            if (HResult.succeeded(hr)) {
                initCount++;
                initialized = true;
            }
            return hr;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** MAPIUninitialize: unbalanced is a no-op (INIT-9); the last one invalidates live handles (INIT-8). */
    public void uninitialize() {
        lock.writeLock().lock();
        try {
            if (terminated) {
                return;
            }
            if (initCount == 0) {
                LOG.warn("MAPIUninitialize without a matching MAPIInitialize: ignored (INIT-9)");
                return;
            }
            initCount--;
            boolean last = initCount == 0;
            if (last) {
                initialized = false;
                for (SessionGuard session : snapshot()) {
                    session.invalidate(true);
                }
            }
            effects.uninitialize(last);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * MAPILogonEx: the state and argument rules (INIT-10, LOGON-1, LOGON-2), then the provider's
     * action; on failure the out-parameter is {@code null} (LOGON-9). The password is only checked for
     * {@code null}: it is never logged or kept.
     *
     * @param profileName the profile name, may be {@code null}
     * @param password the password, must be {@code null}
     * @param flags the logon flags
     * @param session receives the handle
     * @param action the provider's part
     * @return the HRESULT
     */
    public int logon(String profileName, String password, int flags, Out<MapiSessionHandle> session,
            LogonAction action) {
        Objects.requireNonNull(action, "action");
        return logon(0L, profileName, password, flags, session, (uiParam, profile, logonFlags, out) -> action.logon(out));
    }

    /**
     * MAPILogonEx as {@link #logon(String, String, int, Out, LogonAction)}, with an action that gets
     * the arguments, so that a provider can keep one action object instead of a capturing lambda per
     * logon.
     *
     * @param uiParam the parent window, passed to the action unchanged (LOGON-10)
     * @param profileName the profile name, may be {@code null}
     * @param password the password, must be {@code null}
     * @param flags the logon flags
     * @param session receives the handle
     * @param action the provider's part
     * @return the HRESULT
     */
    public int logon(long uiParam, String profileName, String password, int flags, Out<MapiSessionHandle> session,
            ValidatedLogon action) {
        if (session != null) {
            session.set(null);
        }
        lock.readLock().lock();
        try {
            // GEN-3: state, then flags, then the other parameters.
            if (terminated || !initialized) {
                return MAPI_E_NOT_INITIALIZED;
            }
            if ((flags & ~MapiConstants.MAPI_LOGON_VALID_MASK) != 0) {
                return MAPI_E_UNKNOWN_FLAGS;
            }
            if (session == null) {
                return MAPI_E_INVALID_PARAMETER;
            }
            int bothUi = MapiConstants.MAPI_LOGON_UI | MapiConstants.MAPI_PASSWORD_UI;
            if ((flags & bothUi) == bothUi
                    || (profileName != null && profileName.length() > MAX_PROFILE_NAME_LENGTH)
                    // spec decision 8: never cut at a NUL, as a C string passed on would be
                    || (profileName != null && profileName.indexOf('\0') >= 0)
                    || password != null) {
                return MAPI_E_LOGON_FAILED;
            }
            int hr = action.logon(uiParam, profileName, flags, session);
            if (!HResult.succeeded(hr)) {
                session.set(null);
            }
            return hr;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Creates the guard of a new handle and tracks it for INIT-8. Call it from a {@link LogonAction}.
     *
     * @param effects the provider's part of the handle's logoff and destruction
     * @return the guard, {@code LOGGED_ON}, reference count 1
     */
    public SessionGuard newSession(SessionGuard.Effects effects) {
        SessionGuard guard = new SessionGuard(this, Objects.requireNonNull(effects, "effects"));
        synchronized (liveLock) {
            guard.nextLive = liveHead;
            if (liveHead != null) {
                liveHead.previousLive = guard;
            }
            liveHead = guard;
            guard.linked = true;
            liveCount++;
        }
        return guard;
    }

    /**
     * Terminates the instance after a successful DoFastShutdown (FAST-5): every live handle becomes
     * {@code INVALIDATED} without logoff processing, and every later MAPIInitialize and MAPILogonEx
     * returns {@code MAPI_E_NOT_INITIALIZED}.
     */
    public void terminate() {
        lock.writeLock().lock();
        try {
            terminated = true;
            initialized = false;
            initCount = 0;
            for (SessionGuard session : snapshot()) {
                session.invalidate(false);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** @return whether a fast shutdown terminated the instance */
    public boolean isTerminated() {
        return terminated;
    }

    /** @return whether MAPIInitialize was called more often than MAPIUninitialize */
    public boolean isInitialized() {
        return initialized;
    }

    /** @return the MAPIInitialize reference count */
    public int initCount() {
        lock.readLock().lock();
        try {
            return initCount;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return the number of handles that are {@code LOGGED_ON} */
    public int liveSessionCount() {
        synchronized (liveLock) {
            return liveCount;
        }
    }

    /** @return the logoff confirmation, or {@code null} */
    public LogoffConfirmation logoffConfirmation() {
        return logoffConfirmation;
    }

    /** @param confirmation the logoff confirmation, or {@code null} to remove it */
    public void setLogoffConfirmation(LogoffConfirmation confirmation) {
        this.logoffConfirmation = confirmation;
    }

    /** @return the shared-logoff policy */
    public SharedLogoffPolicy sharedLogoffPolicy() {
        return sharedLogoffPolicy;
    }

    /** @param policy the shared-logoff policy, not {@code null} */
    public void setSharedLogoffPolicy(SharedLogoffPolicy policy) {
        this.sharedLogoffPolicy = Objects.requireNonNull(policy, "policy");
    }

    void forget(SessionGuard session) {
        synchronized (liveLock) {
            if (!session.linked) {
                return;
            }
            if (session.previousLive != null) {
                session.previousLive.nextLive = session.nextLive;
            } else {
                liveHead = session.nextLive;
            }
            if (session.nextLive != null) {
                session.nextLive.previousLive = session.previousLive;
            }
            session.previousLive = null;
            session.nextLive = null;
            session.linked = false;
            liveCount--;
        }
    }

    private List<SessionGuard> snapshot() {
        synchronized (liveLock) {
            List<SessionGuard> sessions = new ArrayList<>(liveCount);
            for (SessionGuard session = liveHead; session != null; session = session.nextLive) {
                sessions.add(session);
            }
            return sessions;
        }
    }
}
