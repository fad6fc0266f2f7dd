package org.mapi4j.provider.inmemory;

import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.support.AbstractClientShutdown;
import org.mapi4j.spi.support.AbstractSessionHandle;

/**
 * IMAPIClientShutdown over the provider's simulated service providers (FAST-1 to FAST-5). Answers
 * like any child of its session: invalid once the session left {@code LOGGED_ON}.
 */
final class InMemoryClientShutdown extends AbstractClientShutdown {

    private final InMemoryProvider provider;

    InMemoryClientShutdown(AbstractSessionHandle session, InMemoryProvider provider) {
        super(session);
        this.provider = provider;
    }

    @Override
    protected int doQueryFastShutdown() {
        return provider.fastShutdownPermitted() ? S_OK : MAPI_E_NO_SUPPORT;
    }

    @Override
    protected int doDoFastShutdown() {
        if (!provider.fastShutdownPermitted()) {
            return MAPI_E_NO_SUPPORT;
        }
        provider.fastShutdown();
        return S_OK;
    }
}
