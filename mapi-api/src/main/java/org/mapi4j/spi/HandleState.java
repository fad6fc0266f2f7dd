package org.mapi4j.spi;

/** The states of a session handle (spec B.0), as {@code AbstractSessionHandle.handleState()} reports them. */
public enum HandleState {
    /** After a successful MAPILogonEx: every method works. */
    LOGGED_ON,
    /** After Logoff returned: only AddRef and Release work. */
    LOGGED_OFF,
    /** After the last MAPIUninitialize or a fast shutdown: behaves exactly like {@link #LOGGED_OFF}. */
    INVALIDATED,
    /** After the final Release. */
    DESTROYED
}
