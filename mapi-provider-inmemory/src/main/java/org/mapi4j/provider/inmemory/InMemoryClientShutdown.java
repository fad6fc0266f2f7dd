package org.mapi4j.provider.inmemory;

import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.UUID;
import org.mapi4j.spi.ChildGuard;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.SessionGuard;

/**
 * IMAPIClientShutdown over the provider's simulated service providers (FAST-1 to FAST-5). Answers
 * like any child of its session: invalid once the session left {@code LOGGED_ON}.
 */
final class InMemoryClientShutdown implements ClientShutdown {

    private final ChildGuard guard;
    private final InMemoryProvider provider;

    InMemoryClientShutdown(SessionGuard session, InMemoryProvider provider) {
        this.guard = session.newChild(null);
        this.provider = provider;
    }

    @Override
    public int queryFastShutdown() {
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        return provider.fastShutdownPermitted() ? S_OK : MAPI_E_NO_SUPPORT;
    }

    @Override
    public int notifyProcessShutdown() {
        int hr = guard.enter();
        return hr != S_OK ? hr : S_OK;
    }

    @Override
    public int doFastShutdown() {
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (!provider.fastShutdownPermitted()) {
            return MAPI_E_NO_SUPPORT;
        }
        provider.terminate();
        return S_OK;
    }

    @Override
    public int queryInterface(UUID iid, Out<Object> ppv) {
        return ChildObjects.queryInterface(guard, this, iid, ppv);
    }

    @Override
    public int addRef() {
        return guard.addRef();
    }

    @Override
    public int release() {
        return guard.release();
    }
}
