package org.mapi4j.tck.broken;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;

/**
 * A provider that passes every call to another one, with overridable methods, so that a test can make
 * exactly one behaviour wrong. It keeps the bookkeeping a broken behaviour needs (its own
 * initialization count, the sessions it handed out, the installed confirmation).
 */
public class DelegatingProvider implements MapiProvider {

    public final MapiProvider delegate;
    public final int policy;
    public final List<DelegatingSession> sessions = new CopyOnWriteArrayList<>();
    public volatile int initCount;
    public volatile boolean everInitialized;
    public volatile boolean terminated;
    public volatile LogoffConfirmation confirmation;
    /** Logoff calls of this provider's sessions that have not returned yet. */
    public final java.util.concurrent.atomic.AtomicInteger logoffsInFlight = new java.util.concurrent.atomic.AtomicInteger();
    /** An Error a confirmation threw, for a breakage that lets it escape Logoff. */
    public final java.util.concurrent.atomic.AtomicReference<Error> confirmationError =
            new java.util.concurrent.atomic.AtomicReference<>();

    public DelegatingProvider(MapiProvider delegate, int policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int priority() {
        return delegate.priority();
    }

    @Override
    public Availability availability() {
        return delegate.availability();
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public int initialize(MapiInit init) {
        return counted(delegate.initialize(init));
    }

    /** Counts a successful MAPIInitialize. */
    public final int counted(int hr) {
        if (HResult.succeeded(hr)) {
            synchronized (this) {
                initCount++;
                everInitialized = true;
            }
        }
        return hr;
    }

    @Override
    public void uninitialize() {
        synchronized (this) {
            if (initCount > 0) {
                initCount--;
            }
        }
        delegate.uninitialize();
    }

    @Override
    public int logon(long uiParam, String profileName, String password, int flags, Out<MapiSessionHandle> session) {
        int hr = delegate.logon(uiParam, profileName, password, flags, session);
        if (HResult.succeeded(hr) && session.get() != null) {
            DelegatingSession wrapped = newSession(session.get(), flags, profileName);
            sessions.add(wrapped);
            session.set(wrapped);
        }
        return hr;
    }

    /** Wraps a new handle; override to break a session method. */
    public DelegatingSession newSession(MapiSessionHandle handle, int flags, String profile) {
        return new DelegatingSession(this, handle, flags, profile);
    }

    /** Wraps IMAPIClientShutdown; override to break a fast-shutdown method. */
    public ClientShutdown wrapShutdown(ClientShutdown shutdown) {
        return new DelegatingClientShutdown(this, shutdown);
    }

    @Override
    public void setLogoffConfirmation(LogoffConfirmation confirmation) {
        this.confirmation = confirmation;
        delegate.setLogoffConfirmation(confirmation);
    }

    @Override
    public void setSharedLogoffPolicy(SharedLogoffPolicy policy) {
        delegate.setSharedLogoffPolicy(policy);
    }
}
