package org.mapi4j.testproviders;

import java.util.Set;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;

/** A provider that only takes part in discovery: a name, a priority and an availability. */
public abstract class TestProvider implements MapiProvider {

    private final String name;
    private final int priority;
    private final Availability availability;

    TestProvider(String name, int priority, Availability availability) {
        this.name = name;
        this.priority = priority;
        this.availability = availability;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return Set.of();
    }

    @Override
    public int initialize(MapiInit init) {
        return 0;
    }

    @Override
    public void uninitialize() {
    }

    @Override
    public int logon(long uiParam, String profileName, String password, int flags, Out<MapiSessionHandle> session) {
        return 0x80040111;
    }

    @Override
    public void setLogoffConfirmation(LogoffConfirmation confirmation) {
    }

    @Override
    public void setSharedLogoffPolicy(SharedLogoffPolicy policy) {
    }
}
