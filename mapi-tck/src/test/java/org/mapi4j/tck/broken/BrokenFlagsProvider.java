package org.mapi4j.tck.broken;

import java.util.Set;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.tck.broken.logoff.LogoffFlags2Bit16Ignored;

/**
 * A broken provider registered with ServiceLoader on the test class path (name {@code broken-flags}),
 * so the command-line runner can be shown failing: Logoff ignores flag bit 0x00010000 (LOGOFF-FLAGS-2),
 * the breakage {@link LogoffFlags2Bit16Ignored} as a provider that ServiceLoader can make.
 */
public final class BrokenFlagsProvider implements MapiProvider {

    private final MapiProvider delegate = new LogoffFlags2Bit16Ignored().wrap(new InMemoryProvider(), -1);

    /** ServiceLoader calls this. */
    public BrokenFlagsProvider() {
    }

    @Override
    public String name() {
        return "broken-flags";
    }

    @Override
    public int priority() {
        return -100;
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
        return delegate.initialize(init);
    }

    @Override
    public void uninitialize() {
        delegate.uninitialize();
    }

    @Override
    public int logon(long uiParam, String profileName, String password, int flags, Out<MapiSessionHandle> session) {
        return delegate.logon(uiParam, profileName, password, flags, session);
    }

    @Override
    public void setLogoffConfirmation(LogoffConfirmation confirmation) {
        delegate.setLogoffConfirmation(confirmation);
    }

    @Override
    public void setSharedLogoffPolicy(SharedLogoffPolicy policy) {
        delegate.setSharedLogoffPolicy(policy);
    }
}
