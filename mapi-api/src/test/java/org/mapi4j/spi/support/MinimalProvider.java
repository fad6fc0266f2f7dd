package org.mapi4j.spi.support;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;

/**
 * The smallest provider on the skeleton: every handle's {@code doLogoff} is what the test gives,
 * and its final Release is counted. For the skeleton's own tests.
 */
final class MinimalProvider extends AbstractMapiProvider {

    /** What a test's handles do when they log off; by default, log off. */
    volatile Function<LogoffKind, LogoffResult> logoff = kind -> LogoffResult.done();
    /** Whether the handles ask the confirmation themselves, as a native MAPI does. */
    volatile boolean providerConfirms;
    /** What a test's handles do inside {@code doAdvise}, before they bind the connection. */
    volatile Runnable duringAdvise = () -> { };
    final AtomicInteger destroyed = new AtomicInteger();

    @Override
    public String name() {
        return "minimal";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.available("test");
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return Set.of();
    }

    @Override
    protected int doLogon(long uiParam, String profileName, int flags, Out<MapiSessionHandle> session) {
        session.set(new Handle(this));
        return HResult.S_OK;
    }

    /** @return a new logged-on handle */
    Handle logon() {
        Out<MapiSessionHandle> out = new Out<>();
        int hr = logon(0, "p", null, 0, out);
        if (hr != HResult.S_OK) {
            throw new AssertionError(HResult.describe(hr));
        }
        return (Handle) out.get();
    }

    /** A handle whose logoff the test scripts. */
    static final class Handle extends AbstractSessionHandle {
        private final MinimalProvider provider;

        Handle(MinimalProvider provider) {
            super(provider);
            this.provider = provider;
        }

        @Override
        protected LogoffResult doLogoff(long uiParam, int flags, LogoffKind kind) {
            return provider.logoff.apply(kind);
        }

        @Override
        protected int doAdvise(byte[] entryId, int eventMask, AdviseRegistration registration) {
            provider.duringAdvise.run();
            return super.doAdvise(entryId, eventMask, registration);
        }

        @Override
        protected boolean confirmsLogoffItself() {
            return provider.providerConfirms;
        }

        @Override
        protected void doDestroy() {
            provider.destroyed.incrementAndGet();
        }

        /** A child object, as a table or store would be. */
        AbstractChild child() {
            return new AbstractChild(this) {
            };
        }

        int send(org.mapi4j.spi.Notification notification) {
            return deliver(notification, true);
        }
    }
}
