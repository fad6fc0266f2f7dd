package org.mapi4j.spi.support;

/** How a session handle leaves {@code LOGGED_ON}; what {@link AbstractSessionHandle#doLogoff} is told. */
public enum LogoffKind {

    /** A Logoff call that passed validation (and the confirmation, when the skeleton asks it). */
    EXPLICIT,

    /** The final Release of a handle that was still logged on: an implicit {@code Logoff(0, 0, 0)} (REL-1). */
    FINAL_RELEASE,

    /** The last MAPIUninitialize: an implicit {@code Logoff(0, 0, 0)}, then {@code INVALIDATED} (INIT-8). */
    LAST_UNINITIALIZE
}
