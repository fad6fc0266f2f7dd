package org.mapi4j.spi;

/**
 * What a provider can do that the TCK needs to know (the JSR-107 {@code OptionalFeature} model). A
 * rule that needs a capability the provider lacks is reported "not applicable", never "passed".
 */
public enum ProviderCapability {
    /**
     * The logoff confirmation can be answered by a {@link org.mapi4j.spi.LogoffConfirmation} (decision
     * 3). Real Windows MAPI shows its own dialog and lacks this.
     */
    SCRIPTED_LOGOFF_CONFIRMATION,
    /** IMAPIClientShutdown is offered through QueryInterface (FAST-1). */
    FAST_SHUTDOWN,
    /**
     * The fast-shutdown policy can be set to 0, 1 or 2 (A.11), so FAST-2 and FAST-4 can be checked
     * in both directions.
     */
    CONFIGURABLE_FAST_SHUTDOWN_POLICY,
    /**
     * Shared sessions and DoFastShutdown may reach other processes (real MAPI): tests that use
     * {@code MAPI_LOGOFF_SHARED} or DoFastShutdown are destructive and run only when asked for
     * (SHARED-6, FAST-6).
     */
    AFFECTS_OTHER_PROCESSES,
    /**
     * Notifications are delivered synchronously, before the triggering call returns (SHARED-7
     * allows otherwise).
     */
    SYNCHRONOUS_NOTIFICATIONS,
    /** The {@code scode} of the shared-logoff notification is {@code MAPI_E_END_OF_SESSION} (OQ-7). */
    END_OF_SESSION_SCODE
}
