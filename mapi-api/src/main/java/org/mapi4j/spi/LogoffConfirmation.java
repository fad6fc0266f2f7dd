package org.mapi4j.spi;

/**
 * The logoff confirmation hook (spec decision 3): what {@code MAPI_LOGOFF_UI} asks.
 *
 * <p>When Logoff is called with {@code MAPI_LOGOFF_UI} and a hook is installed on the subsystem, the
 * provider calls {@link #confirmLogoff(long)} exactly once, with the exact parent-window handle the
 * caller passed, before anything changes. Returning {@code false} keeps the session logged on and
 * Logoff returns {@code MAPI_E_USER_CANCEL} (LOGOFF-UI-2); throwing keeps it logged on too and
 * Logoff returns {@code MAPI_E_CALL_FAILED} (LOGOFF-UI-3). Without {@code MAPI_LOGOFF_UI} the hook
 * is never called.
 *
 * <p>The hook runs on the thread that called Logoff. It must not call Logoff on the same session.
 */
@FunctionalInterface
public interface LogoffConfirmation {

    /**
     * Asks whether the session may log off.
     *
     * @param parentWindow the {@code ulUIParam} of the Logoff call, unchanged (a window handle on
     *     Windows; any value elsewhere)
     * @return {@code true} to log off, {@code false} to keep the session
     */
    boolean confirmLogoff(long parentWindow);
}
