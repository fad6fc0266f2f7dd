package org.mapi4j.spi;

import java.util.Set;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.SharedLogoffPolicy;

/**
 * A MAPI provider: one MAPI instance (spec B.0) with MAPIInitialize, MAPIUninitialize and
 * MAPILogonEx. Found with {@link java.util.ServiceLoader}; the application API (class {@code Mapi}) selects one.
 *
 * <p>COM-faithful: every operation returns an HRESULT as an {@code int} and never throws for a MAPI
 * error. An instance is thread-safe. The skeleton in {@code org.mapi4j.spi.support} implements the
 * instance rules ({@code AbstractMapiProvider}) and the handle rules ({@code AbstractSessionHandle}) for any provider.
 *
 * <p>A provider class needs a public no-argument constructor (or a public static
 * {@code provider()} method on the module path) and must not fail to load when what it needs is
 * missing: it reports {@link #availability()} instead.
 */
public interface MapiProvider {

    /** {@return the short, stable name applications select it by, e.g. {@code inmemory}} */
    String name();

    /** {@return the priority among available providers; the highest wins when none is named} */
    int priority();

    /** {@return whether this provider can be used here, with the reason; never throws} */
    Availability availability();

    /** {@return what this provider can do, for the TCK} */
    Set<ProviderCapability> capabilities();

    /**
     * MAPIInitialize (INIT-1 to INIT-6, INIT-11).
     *
     * @param init the MAPIINIT_0, or {@code null} for {@code NULL}
     * @return {@code S_OK} or an error; a failure does not count
     */
    int initialize(MapiInit init);

    /** MAPIUninitialize (INIT-7 to INIT-9). An unbalanced call is a no-op. Never throws. */
    void uninitialize();

    /**
     * MAPILogonEx (spec B.3).
     *
     * @param uiParam parent window for a dialog; never validated (LOGON-10)
     * @param profileName the profile, {@code null} or empty for none; at most 64 UTF-16 units
     * @param password must be {@code null} (LOGON-2c); never logged, never kept
     * @param flags {@code MAPI_*} logon flags
     * @param session receives the new handle (reference count 1), {@code null} on failure
     * @return {@code S_OK} or an error
     */
    int logon(long uiParam, String profileName, String password, int flags, Out<MapiSessionHandle> session);

    /**
     * Installs the logoff confirmation hook of this instance (decision 3), or removes it.
     *
     * @param confirmation the hook, or {@code null} so that {@code MAPI_LOGOFF_UI} behaves as 0
     */
    void setLogoffConfirmation(LogoffConfirmation confirmation);

    /**
     * Sets what {@code MAPI_LOGOFF_SHARED} does on this instance (decision 4, SHARED-8).
     *
     * @param policy the policy, not {@code null}; the default is {@link SharedLogoffPolicy#WARN}
     */
    void setSharedLogoffPolicy(SharedLogoffPolicy policy);
}
