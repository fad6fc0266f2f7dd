package org.mapi4j.spi.support;

import static org.mapi4j.spi.HResult.S_OK;

import java.util.UUID;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.Iids;

/**
 * The skeleton of IMAPIClientShutdown (FAST-1 to FAST-5): the state check in front of its three
 * slots, over {@link AbstractChild}. A successful DoFastShutdown terminates the provider's instance.
 */
public abstract class AbstractClientShutdown extends AbstractChild implements ClientShutdown {

    /**
     * Creates the object for the session it is opened through.
     *
     * @param session the handle it was obtained through
     */
    protected AbstractClientShutdown(AbstractSessionHandle session) {
        super(session);
    }

    @Override
    protected UUID interfaceId() {
        return Iids.IID_IMAPICLIENTSHUTDOWN;
    }

    /** {@return {@code S_OK} or {@code MAPI_E_NO_SUPPORT} by the policy (FAST-2)} */
    protected abstract int doQueryFastShutdown();

    /** {@return {@code S_OK} (FAST-3); the default} */
    protected int doNotifyProcessShutdown() {
        return S_OK;
    }

    /** {@return {@code S_OK} after terminating the instance, or {@code MAPI_E_NO_SUPPORT} (FAST-4, FAST-5)} */
    protected abstract int doDoFastShutdown();

    @Override
    public final int queryFastShutdown() {
        int hr = checkLive();
        return hr != S_OK ? hr : doQueryFastShutdown();
    }

    @Override
    public final int notifyProcessShutdown() {
        int hr = checkLive();
        return hr != S_OK ? hr : doNotifyProcessShutdown();
    }

    @Override
    public final int doFastShutdown() {
        int hr = checkLive();
        return hr != S_OK ? hr : doDoFastShutdown();
    }
}
