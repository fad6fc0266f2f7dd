package org.mapi4j.tck.cli;

import java.util.Set;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.spi.SharedLogoffPolicy;

/**
 * A provider registered with ServiceLoader on the test class path (name {@code unavailable}) that is
 * present but unavailable, as a native provider without its library is: the runner must refuse it
 * with the reason and exit status 2.
 */
public final class UnavailableProvider implements MapiProvider {

    /** The reason it gives. */
    static final String REASON = "libmapi32 not found (TCK self-test)";

    /** ServiceLoader calls this. */
    public UnavailableProvider() {
    }

    @Override
    public String name() {
        return "unavailable";
    }

    @Override
    public int priority() {
        return -200;
    }

    @Override
    public Availability availability() {
        return Availability.unavailable(REASON);
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return Set.of();
    }

    @Override
    public int initialize(MapiInit init) {
        throw new IllegalStateException("an unavailable provider must not be called");
    }

    @Override
    public void uninitialize() {
        throw new IllegalStateException("an unavailable provider must not be called");
    }

    @Override
    public int logon(long uiParam, String profileName, String password, int flags, Out<MapiSessionHandle> session) {
        throw new IllegalStateException("an unavailable provider must not be called");
    }

    @Override
    public void setLogoffConfirmation(LogoffConfirmation confirmation) {
    }

    @Override
    public void setSharedLogoffPolicy(SharedLogoffPolicy policy) {
    }
}
