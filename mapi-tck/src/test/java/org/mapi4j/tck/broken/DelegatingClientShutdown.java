package org.mapi4j.tck.broken;

import java.util.UUID;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.Out;

/** IMAPIClientShutdown passed through, with overridable methods. */
public class DelegatingClientShutdown implements ClientShutdown {

    public final DelegatingProvider provider;
    public final ClientShutdown delegate;
    public volatile boolean queried;

    public DelegatingClientShutdown(DelegatingProvider provider, ClientShutdown delegate) {
        this.provider = provider;
        this.delegate = delegate;
    }

    @Override
    public int queryInterface(UUID iid, Out<Object> ppv) {
        return delegate.queryInterface(iid, ppv);
    }

    @Override
    public int addRef() {
        return delegate.addRef();
    }

    @Override
    public int release() {
        return delegate.release();
    }

    @Override
    public int queryFastShutdown() {
        queried = true;
        return delegate.queryFastShutdown();
    }

    @Override
    public int notifyProcessShutdown() {
        return delegate.notifyProcessShutdown();
    }

    @Override
    public int doFastShutdown() {
        int hr = delegate.doFastShutdown();
        if (hr == HResult.S_OK) {
            provider.terminated = true;
        }
        return hr;
    }
}
