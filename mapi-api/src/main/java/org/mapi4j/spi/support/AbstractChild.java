package org.mapi4j.spi.support;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.UUID;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;

/**
 * The skeleton of an object opened through a session (a table, a message store, a profile section,
 * IMAPIClientShutdown): IUnknown and reference counts implemented once, and the rule that it takes
 * calls only while its session is {@code LOGGED_ON} and it is not finally released (CHILD-1,
 * decision 8). Subclasses open each of their methods with {@link #checkLive()}.
 */
public abstract class AbstractChild extends ReferenceCounted implements MapiUnknown {

    private final SessionLifecycle session;

    /**
     * Creates the object for the session it is opened through.
     *
     * @param session the handle it was opened through
     */
    protected AbstractChild(AbstractSessionHandle session) {
        this.session = session;
    }

    /**
     * GEN-3 step 1 of every method but the IUnknown ones.
     *
     * @return {@code S_OK}, or {@code MAPI_E_INVALID_OBJECT} once the session left {@code LOGGED_ON}
     *     or this object was finally released
     */
    protected final int checkLive() {
        return !isReleased() && session.isLoggedOn() ? S_OK : MAPI_E_INVALID_OBJECT;
    }

    /**
     * The identifier of the object's own interface, which QueryInterface answers besides IUnknown.
     *
     * @return the IID, or {@code null} if only IUnknown is known
     */
    protected UUID interfaceId() {
        return null;
    }

    /** Frees what the object holds at its final Release; called exactly once. The default does nothing. */
    protected void doDestroy() {
    }

    /**
     * IUnknown::QueryInterface: {@code MAPI_E_INVALID_OBJECT} once not live; {@code MAPI_E_INVALID_PARAMETER}
     * for a {@code null} IID or out-parameter; this object for IUnknown and {@link #interfaceId()}.
     */
    @Override
    public final int queryInterface(UUID iid, Out<Object> ppv) {
        if (ppv != null) {
            ppv.set(null);
        }
        int hr = checkLive();
        if (hr != S_OK) {
            return hr;
        }
        if (iid == null || ppv == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (Iids.IID_IUNKNOWN.equals(iid) || iid.equals(interfaceId())) {
            addRef();
            ppv.set(this);
            return S_OK;
        }
        return MAPI_E_INTERFACE_NOT_SUPPORTED;
    }

    @Override
    final void finalRelease() {
        doDestroy();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[refs=" + referenceCount() + "]";
    }
}
