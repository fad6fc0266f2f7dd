package org.mapi4j.spi.support;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.StampedLock;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skeleton of a provider: one MAPI instance (spec B.0) with every instance rule implemented
 * once. MAPIInitialize's reference count and argument rules (INIT-1 to INIT-11), MAPILogonEx's
 * state and argument rules (INIT-10, LOGON-1, LOGON-2, LOGON-9), the live handles that the last
 * MAPIUninitialize invalidates (INIT-8, decision 11), a fast shutdown's termination (FAST-5), and
 * the instance's logoff confirmation and shared-logoff policy. A provider supplies what is its own
 * through {@link #doInitialize}, {@link #doUninitialize} and {@link #doLogon}.
 *
 * <p>No user code ever runs under this class's lock (decision 9): the last MAPIUninitialize decides
 * under the lock which handles it ends, then ends them, and waits for their calls in flight, with
 * nothing held. A MAPIInitialize that comes meanwhile starts a new generation of the instance, which
 * the ending one leaves alone ({@link #doUninitialize}'s {@code endedGeneration}). Thread-safe.
 */
public abstract class AbstractMapiProvider implements MapiProvider {

    /** The longest profile name, in UTF-16 code units without the terminator (LOGON-2b). */
    public static final int MAX_PROFILE_NAME_LENGTH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(AbstractMapiProvider.class);

    // Guards the count, the flags and the generation; a logon holds the read lock, so it cannot
    // interleave with the decision of the last MAPIUninitialize. Never held while user code runs,
    // so it need not be reentrant; a read lock is one compare-and-set.
    private final StampedLock lock = new StampedLock();
    private int initCount;
    private volatile boolean initialized;
    private volatile boolean terminated;
    private volatile long generation;
    // The handles not yet logged off or invalidated: a list threaded through the handles, so a
    // logon adds no node and a logoff no lock operation.
    private final LiveHandles live = new LiveHandles();
    private volatile LogoffConfirmation logoffConfirmation;
    private volatile SharedLogoffPolicy sharedLogoffPolicy = SharedLogoffPolicy.WARN;

    /** For subclasses. */
    protected AbstractMapiProvider() {
    }

    // ---------------------------------------------------------------- what a provider supplies

    /**
     * The provider's part of a MAPIInitialize whose arguments are valid. A failure does not count
     * (INIT-6). Runs under the instance lock: it must not call user code.
     *
     * @param init the validated MAPIINIT_0, or {@code null}
     * @param first whether the count goes from 0 to 1
     * @return {@code S_OK} or an error
     */
    protected int doInitialize(MapiInit init, boolean first) {
        return S_OK;
    }

    /**
     * The provider's part of a balanced MAPIUninitialize. For the last one it runs after every
     * handle of the ending generation was invalidated (INIT-8) and their calls in flight returned,
     * with no lock held; for the others, under the instance lock.
     *
     * @param last whether the count reached 0
     * @param endedGeneration for the last one, the generation that ended: what the provider made
     *     in it or before belongs to the MAPI that just ended; a MAPIInitialize that came meanwhile
     *     started {@code endedGeneration + 1}
     */
    protected void doUninitialize(boolean last, long endedGeneration) {
    }

    /**
     * The provider's part of a MAPILogonEx whose arguments are valid: choose or join the session and
     * create the handle (an {@link AbstractSessionHandle} of this provider). Runs under the instance's
     * read lock: it must not call user code.
     *
     * @param uiParam the parent window, passed unchanged (LOGON-10)
     * @param profileName the profile name: {@code null} or empty for none, else at most 64 UTF-16
     *     units without U+0000
     * @param flags the validated logon flags
     * @param session receives the handle
     * @return {@code S_OK} or an error (then nothing may have been created)
     */
    protected abstract int doLogon(long uiParam, String profileName, int flags, Out<MapiSessionHandle> session);

    // ---------------------------------------------------------------- MapiProvider

    /**
     * MAPIInitialize: GEN-3 order (terminated, flags, version), then {@link #doInitialize}, then the count.
     */
    @Override
    public final int initialize(MapiInit init) {
        long stamp = lock.writeLock();
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
            int hr = doInitialize(init, initCount == 0);
            if (HResult.succeeded(hr)) {
                initCount++;
                initialized = true;
            }
            return hr;
        } catch (Throwable t) {
            rethrowIfFatal(t);
            LOG.error("MAPIInitialize: the provider failed", t);
            return MAPI_E_CALL_FAILED; // GEN-5: an SPI method never throws
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * MAPIUninitialize: an unbalanced call is a no-op (INIT-9); the last one invalidates the live
     * handles (INIT-8) and returns once their calls in flight have returned (decision 11).
     */
    @Override
    public final void uninitialize() {
        List<SessionLifecycle> ending;
        long endedGeneration;
        long stamp = lock.writeLock();
        try {
            if (terminated) {
                return;
            }
            if (initCount == 0) {
                LOG.warn("MAPIUninitialize without a matching MAPIInitialize: ignored (INIT-9)");
                return;
            }
            initCount--;
            if (initCount > 0) {
                doUninitialize(false, generation);
                return;
            }
            initialized = false;
            endedGeneration = generation;
            generation = endedGeneration + 1;
            ending = snapshot();
        } finally {
            lock.unlockWrite(stamp);
        }
        VirtualMachineError fatal = invalidateAll(ending, true);
        for (SessionLifecycle session : ending) {
            session.awaitCallsOfOtherThreads();
        }
        try {
            doUninitialize(true, endedGeneration);
        } catch (Throwable t) {
            rethrowIfFatal(t);
            LOG.error("MAPIUninitialize: the provider failed", t);
        }
        UserCode.rethrow(fatal);
    }

    /**
     * MAPILogonEx: the state and argument rules (INIT-10, LOGON-1, LOGON-2), then {@link #doLogon};
     * on failure the out-parameter is {@code null} (LOGON-9). The password is only checked for
     * {@code null}: it is never logged, kept or passed on.
     */
    @Override
    public final int logon(long uiParam, String profileName, String password, int flags,
            Out<MapiSessionHandle> session) {
        if (session != null) {
            session.set(null);
        }
        long stamp = lock.readLock();
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
            if ((flags & bothUi) == bothUi || password != null || !isValidProfileName(profileName)) {
                return MAPI_E_LOGON_FAILED;
            }
            int hr = doLogon(uiParam, profileName, flags, session);
            if (!HResult.succeeded(hr)) {
                session.set(null);
            }
            return hr;
        } catch (Throwable t) {
            rethrowIfFatal(t);
            LOG.error("MAPILogonEx: the provider failed", t);
            session.set(null);
            return MAPI_E_CALL_FAILED; // GEN-5
        } finally {
            lock.unlockRead(stamp);
        }
    }

    // LOGON-2b, and decision 8: a name with U+0000 is refused, never cut at the NUL.
    private static boolean isValidProfileName(String profileName) {
        return profileName == null
                || (profileName.length() <= MAX_PROFILE_NAME_LENGTH && profileName.indexOf('\0') < 0);
    }

    @Override
    public final void setLogoffConfirmation(LogoffConfirmation confirmation) {
        this.logoffConfirmation = confirmation;
    }

    @Override
    public final void setSharedLogoffPolicy(SharedLogoffPolicy policy) {
        this.sharedLogoffPolicy = Objects.requireNonNull(policy, "policy");
    }

    /** {@return the logoff confirmation of this instance, or {@code null}} */
    public final LogoffConfirmation logoffConfirmation() {
        return logoffConfirmation;
    }

    /** {@return the shared-logoff policy of this instance} */
    public final SharedLogoffPolicy sharedLogoffPolicy() {
        return sharedLogoffPolicy;
    }

    // ---------------------------------------------------------------- fast shutdown, diagnostics

    /**
     * Terminates the instance after a successful DoFastShutdown (FAST-5): every live handle becomes
     * {@code INVALIDATED} without logoff processing, and MAPIInitialize and MAPILogonEx return
     * {@code MAPI_E_NOT_INITIALIZED} from then on.
     */
    protected final void terminate() {
        List<SessionLifecycle> ending;
        long stamp = lock.writeLock();
        try {
            terminated = true;
            initialized = false;
            initCount = 0;
            ending = snapshot();
        } finally {
            lock.unlockWrite(stamp);
        }
        UserCode.rethrow(invalidateAll(ending, false));
    }

    /** {@return whether a fast shutdown terminated the instance} */
    public final boolean isTerminated() {
        return terminated;
    }

    /** {@return the current generation: 0 at first, one more after each last MAPIUninitialize} */
    protected final long generation() {
        return generation;
    }

    /** {@return the MAPIInitialize reference count} */
    public final int initCount() {
        long stamp = lock.readLock();
        try {
            return initCount;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** {@return the number of handles that are {@code LOGGED_ON}} */
    public final int liveSessionCount() {
        return live.count();
    }

    // ---------------------------------------------------------------- live handles

    /**
     * Tracks a new handle for INIT-8 and FAST-5 until it reaches a final state; returns the
     * generation it belongs to. Handles are made inside {@link #doLogon}, under the read lock, so the
     * generation cannot change meanwhile, and the last MAPIUninitialize, which takes its snapshot
     * under the write lock, sees every handle made before it.
     */
    final long track(SessionLifecycle session) {
        live.add(session);
        return generation;
    }

    // GEN-5: what a provider's own code throws becomes an HRESULT; only a VirtualMachineError goes on.
    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError vme) {
            throw vme;
        }
    }

    // INIT-8 (with the implicit logoff) or FAST-5 (without) for each handle, with no lock held; every
    // handle is ended even if user code on one of them throws a VirtualMachineError, which is returned.
    private static VirtualMachineError invalidateAll(List<SessionLifecycle> sessions, boolean runLogoff) {
        VirtualMachineError fatal = null;
        for (SessionLifecycle session : sessions) {
            try {
                session.invalidate(runLogoff);
            } catch (VirtualMachineError e) {
                fatal = fatal != null ? fatal : e;
            }
        }
        return fatal;
    }

    private List<SessionLifecycle> snapshot() {
        return live.snapshot();
    }

    /** {@return the number of handles in the live list, those not yet swept included (tests)} */
    final int linkedHandles() {
        return live.linked();
    }
}
