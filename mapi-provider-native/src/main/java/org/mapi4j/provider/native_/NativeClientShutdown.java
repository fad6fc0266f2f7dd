package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.support.AbstractClientShutdown;
import org.mapi4j.spi.support.AbstractSessionHandle;

/**
 * IMAPIClientShutdown through its vtable (spec A.4): obtained by QueryInterface on a session
 * (FAST-1). A successful DoFastShutdown terminates the provider's instance (FAST-5).
 */
final class NativeClientShutdown extends AbstractClientShutdown implements NativeObject {

    /** Slot 3, {@code HRESULT QueryFastShutdown()}. */
    static final int QUERY_FAST_SHUTDOWN = 3;
    /** Slot 4, {@code HRESULT NotifyProcessShutdown()}. */
    static final int NOTIFY_PROCESS_SHUTDOWN = 4;
    /** Slot 5, {@code HRESULT DoFastShutdown()}. */
    static final int DO_FAST_SHUTDOWN = 5;
    /** The number of slots. */
    static final int SLOT_COUNT = 6;

    private final NativeProvider provider;
    private final ComObject com;

    NativeClientShutdown(NativeProvider provider, AbstractSessionHandle session, long self) {
        super(session);
        this.provider = provider;
        this.com = ComObject.adopt(provider, self, SLOT_COUNT);
    }

    @Override
    public ComObject com() {
        return com;
    }

    @Override
    protected void doDestroy() {
        com.release();
    }

    @Override
    protected int doQueryFastShutdown() {
        return call(QUERY_FAST_SHUTDOWN);
    }

    @Override
    protected int doNotifyProcessShutdown() {
        return call(NOTIFY_PROCESS_SHUTDOWN);
    }

    @Override
    protected int doDoFastShutdown() {
        int hr = call(DO_FAST_SHUTDOWN);
        if (hr == S_OK) {
            provider.fastShutdown();
        }
        return hr;
    }

    private int call(int slot) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        try {
            return com.call(ComObject.THIS_ONLY, slot);
        } finally {
            com.exit();
        }
    }
}
