package org.mapi4j.tck.broken;

import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.tck.Rule;

/**
 * A deliberately broken provider: the in-memory provider wrapped so that exactly one behaviour is
 * wrong. Running the whole TCK against it must fail exactly {@link #rule()}, with exactly
 * {@link #expectedFailure()} ({@code BrokenProvidersTest}). Each subclass is one breakage in a file of
 * its own, in the package of its rule's group, and overrides only the hooks its breakage needs; the
 * hooks' defaults forward to the working provider. {@link Breakages} lists them all.
 */
public abstract class Breakage {

    private final Rule rule;
    private final String description;
    private final String expectedFailure;

    /**
     * @param rule the one rule this breakage violates, {@code null} for a provider that is no rule's breakage
     * @param description what is wrong
     * @param expectedFailure the exact failure message the TCK must report, {@code null} with no rule
     */
    protected Breakage(Rule rule, String description, String expectedFailure) {
        this.rule = rule;
        this.description = description;
        this.expectedFailure = expectedFailure;
    }

    /**
     * @return the exact failure the TCK must report for this provider: the failing case in brackets
     *     (for a rule with cases), the rule ID, the call, and what was expected and found
     */
    String expectedFailure() {
        return expectedFailure;
    }

    /** @return the one rule this breakage violates, {@code null} for {@link Unbroken} and {@link NoSharedSessions} */
    Rule rule() {
        return rule;
    }

    /** @return what is wrong */
    String description() {
        return description;
    }

    /** @return the name that selects this breakage ({@link BrokenCandidate#BREAKAGE}): its class's simple name */
    public final String name() {
        return getClass().getSimpleName();
    }

    @Override
    public final String toString() {
        return name();
    }

    /**
     * @param delegate the working provider
     * @param policy its fast-shutdown policy, -1 for the built-in default
     * @return the broken provider
     */
    public final MapiProvider wrap(MapiProvider delegate, int policy) {
        Breakage breakage = this;
        return new DelegatingProvider(delegate, policy) {
            @Override
            public int initialize(MapiInit init) {
                return breakage.initialize(this, init);
            }

            @Override
            public void uninitialize() {
                breakage.uninitialize(this);
            }

            @Override
            public int logon(long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
                return breakage.logon(this, ui, profile, password, flags, out);
            }

            @Override
            public DelegatingSession newSession(MapiSessionHandle handle, int flags, String profile) {
                return breakage.session(this, handle, flags, profile);
            }

            @Override
            public ClientShutdown wrapShutdown(ClientShutdown shutdown) {
                return breakage.shutdown(this, shutdown);
            }

            @Override
            public void setLogoffConfirmation(LogoffConfirmation confirmation) {
                this.confirmation = confirmation;
                delegate.setLogoffConfirmation(breakage.confirmation(this, confirmation));
            }

            @Override
            public void setSharedLogoffPolicy(SharedLogoffPolicy sharedPolicy) {
                delegate.setSharedLogoffPolicy(breakage.policy(sharedPolicy));
            }
        };
    }

    /** MAPIInitialize of the broken provider; by default the working one's, counted. */
    protected int initialize(DelegatingProvider p, MapiInit init) {
        return p.counted(p.delegate.initialize(init));
    }

    /** MAPIUninitialize of the broken provider; by default the working one's, counted. */
    protected void uninitialize(DelegatingProvider p) {
        synchronized (p) {
            if (p.initCount > 0) {
                p.initCount--;
            }
        }
        p.delegate.uninitialize();
    }

    /** MAPILogonEx of the broken provider; by default the working one's, its handle wrapped by {@link #session}. */
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        int hr = p.delegate.logon(ui, profile, password, flags, out);
        if (hr == S_OK && out.get() != null) {
            DelegatingSession wrapped = p.newSession(out.get(), flags, profile);
            p.sessions.add(wrapped);
            out.set(wrapped);
        }
        return hr;
    }

    /** Wraps a handle the working provider returned; by default it forwards every call. */
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle handle, int flags, String profile) {
        Breakage breakage = this;
        return new DelegatingSession(p, handle, flags, profile) {
            @Override
            public int logoff(long ui, int logoffFlags, int reserved) {
                return breakage.afterLogoff(this, super.logoff(ui, logoffFlags, reserved), logoffFlags, reserved);
            }

            @Override
            public int getMsgStoresTable(int tableFlags, org.mapi4j.spi.Out<org.mapi4j.spi.MapiTable> table) {
                int hr = super.getMsgStoresTable(tableFlags, table);
                if (hr == org.mapi4j.spi.HResult.S_OK && table != null && table.get() != null) {
                    table.set(breakage.storesTable(table.get()));
                }
                return hr;
            }

            @Override
            public int queryInterface(java.util.UUID iid, org.mapi4j.spi.Out<Object> ppv) {
                return breakage.afterQueryInterface(this, super.queryInterface(iid, ppv), ppv);
            }

            @Override
            public int unadvise(long connection) {
                ForwardingSink registration = registrations.get(connection);
                return breakage.afterUnadvise(this, registration, super.unadvise(connection), connection);
            }
        };
    }

    /**
     * What Unadvise on a handle of {@link #session the default wrapper} returns, once the working
     * provider's Unadvise returned {@code hr}; by default {@code hr}. For a breakage in Unadvise's outcome only.
     *
     * @param session the handle
     * @param registration the registration {@code connection} named before the call, or {@code null}
     * @param hr what the working provider's Unadvise returned
     * @param connection the connection number
     * @return what the broken Unadvise returns
     */
    protected int afterUnadvise(DelegatingSession session, ForwardingSink registration, int hr, long connection) {
        return hr;
    }

    /**
     * The message-stores table a handle of {@link #session the default wrapper} hands out, in place of
     * the working provider's; by default that table.
     *
     * @param table the working provider's table
     * @return the table the broken provider hands out
     */
    protected org.mapi4j.spi.MapiTable storesTable(org.mapi4j.spi.MapiTable table) {
        return table;
    }

    /**
     * What QueryInterface on a handle of {@link #session the default wrapper} returns, once the working
     * provider's QueryInterface returned {@code hr}; by default {@code hr}. For a breakage in its outcome only.
     *
     * @param session the handle
     * @param hr what the working provider's QueryInterface returned
     * @param ppv the out-parameter, as the working provider left it
     * @return what the broken QueryInterface returns
     */
    protected int afterQueryInterface(DelegatingSession session, int hr, org.mapi4j.spi.Out<Object> ppv) {
        return hr;
    }

    /**
     * What Logoff on a handle of {@link #session the default wrapper} returns, once the working
     * provider's Logoff returned {@code hr}; by default {@code hr}. For a breakage in Logoff's outcome only.
     *
     * @param session the handle
     * @param hr what the working provider's Logoff returned
     * @param flags Logoff's flags
     * @param reserved Logoff's ulReserved
     * @return what the broken Logoff returns
     */
    protected int afterLogoff(DelegatingSession session, int hr, int flags, int reserved) {
        return hr;
    }

    /** Wraps the working provider's IMAPIClientShutdown; by default it forwards every call. */
    protected ClientShutdown shutdown(DelegatingProvider p, ClientShutdown shutdown) {
        return new DelegatingClientShutdown(p, shutdown);
    }

    /** The logoff confirmation the working provider gets for the TCK's; by default the TCK's own. */
    protected LogoffConfirmation confirmation(DelegatingProvider p, LogoffConfirmation hook) {
        return hook;
    }

    /** The shared-logoff policy the working provider gets for the TCK's; by default the TCK's own. */
    protected SharedLogoffPolicy policy(SharedLogoffPolicy policy) {
        return policy;
    }
}
