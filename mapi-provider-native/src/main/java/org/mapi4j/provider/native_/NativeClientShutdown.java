package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.S_OK;

import com.sun.jna.Pointer;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.SessionGuard;

/**
 * IMAPIClientShutdown through its vtable (spec A.4): obtained by QueryInterface on a session
 * (FAST-1). A successful DoFastShutdown terminates the provider's instance (FAST-5).
 */
final class NativeClientShutdown extends NativeChild implements ClientShutdown {

    /** Slot 3, {@code HRESULT QueryFastShutdown()}. */
    static final int QUERY_FAST_SHUTDOWN = 3;
    /** Slot 4, {@code HRESULT NotifyProcessShutdown()}. */
    static final int NOTIFY_PROCESS_SHUTDOWN = 4;
    /** Slot 5, {@code HRESULT DoFastShutdown()}. */
    static final int DO_FAST_SHUTDOWN = 5;
    /** The number of slots. */
    static final int SLOT_COUNT = 6;

    NativeClientShutdown(NativeProvider provider, SessionGuard session, Pointer self) {
        super(provider, session, self, SLOT_COUNT, Iids.IID_IMAPICLIENTSHUTDOWN);
    }

    @Override
    public int queryFastShutdown() {
        return callNoArgs(QUERY_FAST_SHUTDOWN);
    }

    @Override
    public int notifyProcessShutdown() {
        return callNoArgs(NOTIFY_PROCESS_SHUTDOWN);
    }

    @Override
    public int doFastShutdown() {
        int hr = callNoArgs(DO_FAST_SHUTDOWN);
        if (hr == S_OK) {
            provider.terminate();
        }
        return hr;
    }

    private int callNoArgs(int slot) {
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        try {
            return com.call(slot);
        } finally {
            end();
        }
    }
}
