package org.mapi4j.spi;

/**
 * What a provider does when Logoff is called with {@code MAPI_LOGOFF_SHARED} (spec decision 4,
 * rule SHARED-8).
 *
 * <p>Since Outlook 2007 SP2, {@code MAPI_LOGOFF_SHARED} makes every MAPI client on the machine start
 * shutting down (the fast-shutdown caution, SHARED-6). The policy is applied after the arguments
 * were validated and before the logoff confirmation is asked, whether or not the session is shared,
 * because a caller cannot know how the system MAPI will treat the flag.
 */
public enum SharedLogoffPolicy {
    /** Log one slf4j warning that names the risk, then pass the flag on. The default. */
    WARN,
    /** Return {@code MAPI_E_NO_ACCESS}; nothing changes. */
    REJECT,
    /** Pass the flag on silently. */
    ALLOW
}
