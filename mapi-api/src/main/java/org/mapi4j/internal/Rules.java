package org.mapi4j.internal;

import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;

/**
 * Names the spec rule behind the HRESULT of an API call, from the operation, its arguments and the
 * result, and the advice for {@link org.mapi4j.MapiException} messages. It adds no rule of its own:
 * providers own the semantics. Not part of the API.
 */
public final class Rules {

    private static final int LOGOFF_UI = MapiConstants.MAPI_LOGOFF_UI;
    private static final int LOGOFF_SHARED = MapiConstants.MAPI_LOGOFF_SHARED;

    private Rules() {
    }

    /**
     * The rule behind a failed IMAPISession::Logoff.
     *
     * @param hr the HRESULT of IMAPISession::Logoff
     * @param flags the flags passed
     * @param stillLoggedOn whether the handle is still logged on after the call
     * @return the rule ID, or {@code null}
     */
    public static String forLogoff(int hr, int flags, boolean stillLoggedOn) {
        switch (hr) {
            case HResult.MAPI_E_UNKNOWN_FLAGS: return "LOGOFF-FLAGS-2";
            case HResult.MAPI_E_INVALID_PARAMETER: return stillLoggedOn ? "LOGOFF-RESERVED-1" : "LOGOFF-3";
            case HResult.MAPI_E_INVALID_OBJECT: return "POSTLOGOFF-1";
            case HResult.MAPI_E_USER_CANCEL:
                return (flags & LOGOFF_UI) != 0 && stillLoggedOn ? "LOGOFF-UI-2" : stillLoggedOn ? null : "LOGOFF-3";
            case HResult.MAPI_E_NO_ACCESS:
                if ((flags & LOGOFF_SHARED) != 0 && stillLoggedOn) {
                    return "SHARED-8";
                }
                return stillLoggedOn ? null : "LOGOFF-3";
            case HResult.MAPI_E_CALL_FAILED:
                if ((flags & LOGOFF_UI) != 0 && stillLoggedOn) {
                    return "LOGOFF-UI-3";
                }
                return stillLoggedOn ? null : "LOGOFF-3";
            default:
                return stillLoggedOn ? null : "LOGOFF-3";
        }
    }

    /**
     * What to do about a failed IMAPISession::Logoff.
     *
     * @param hr the HRESULT of IMAPISession::Logoff
     * @param flags the flags passed
     * @param stillLoggedOn whether the handle is still logged on after the call
     * @return advice for the message, or {@code null}
     */
    public static String logoffAdvice(int hr, int flags, boolean stillLoggedOn) {
        if (hr == HResult.MAPI_E_INVALID_OBJECT) {
            return "the session was already logged off or invalidated";
        }
        if (!stillLoggedOn) {
            return "the session is logged off nevertheless (a Logoff that passed its argument checks always logs off);"
                    + " close it to release it";
        }
        if (hr == HResult.MAPI_E_NO_ACCESS && (flags & LOGOFF_SHARED) != 0) {
            return "the subsystem's SharedLogoffPolicy is REJECT, which refuses MAPI_LOGOFF_SHARED; the session is"
                    + " still logged on. Log off without LogoffFlag.SHARED, or build the subsystem with"
                    + " sharedLogoffPolicy(SharedLogoffPolicy.WARN) or ALLOW if ending the session for every"
                    + " participant is intended";
        }
        if (hr == HResult.MAPI_E_USER_CANCEL && (flags & LOGOFF_UI) != 0) {
            return "the logoff confirmation declined; the session is still logged on";
        }
        if (hr == HResult.MAPI_E_CALL_FAILED && (flags & LOGOFF_UI) != 0) {
            return "the logoff confirmation threw (see the log); the session is still logged on";
        }
        return "the session is still logged on";
    }

    /**
     * The rule behind a failed call of a session method other than Logoff.
     *
     * @param hr the HRESULT of a session method other than Logoff
     * @return the rule ID, or {@code null}
     */
    public static String forSessionCall(int hr) {
        return hr == HResult.MAPI_E_INVALID_OBJECT ? "POSTLOGOFF-1" : null;
    }

    /**
     * The rule behind a failed MAPILogonEx.
     *
     * @param hr the HRESULT of MAPILogonEx
     * @param profileName the profile name passed, or {@code null}
     * @param flags the flags passed
     * @return the rule ID, or {@code null}
     */
    public static String forLogon(int hr, String profileName, int flags) {
        switch (hr) {
            case HResult.MAPI_E_NOT_INITIALIZED: return "INIT-10";
            case HResult.MAPI_E_UNKNOWN_FLAGS: return "LOGON-1";
            case HResult.MAPI_E_LOGON_FAILED:
                return bothDialogs(flags) || tooLong(profileName) || hasNul(profileName) ? "LOGON-2" : "LOGON-4";
            case HResult.MAPI_E_USER_CANCEL: return "LOGON-4";
            default: return null;
        }
    }

    /**
     * What to do about a failed MAPILogonEx.
     *
     * @param hr the HRESULT of MAPILogonEx
     * @param profileName the profile name passed, or {@code null}
     * @param flags the flags passed
     * @return advice for the message, or {@code null}
     */
    public static String logonAdvice(int hr, String profileName, int flags) {
        switch (hr) {
            case HResult.MAPI_E_NOT_INITIALIZED:
                return "MAPI is not initialized (or was shut down); log on through an open MapiSubsystem";
            case HResult.MAPI_E_LOGON_FAILED:
                if (bothDialogs(flags)) {
                    return "LogonFlag.LOGON_UI and LogonFlag.PASSWORD_UI exclude each other; pass one of them";
                }
                if (tooLong(profileName)) {
                    return "a profile name has at most 64 characters, this one has " + profileName.length();
                }
                if (hasNul(profileName)) {
                    return "the profile name contains the character U+0000";
                }
                if (profileName == null || profileName.isEmpty()) {
                    if ((flags & (MapiConstants.MAPI_USE_DEFAULT | MapiConstants.MAPI_LOGON_UI)) == 0) {
                        return "no profile was named and LogonFlag.USE_DEFAULT was not set: name a profile, or add"
                                + " LogonFlag.USE_DEFAULT to log on to the default profile";
                    }
                    return "no default profile is configured: create one, or name a profile";
                }
                return "check that the profile '" + profileName + "' exists";
            default:
                return null;
        }
    }

    /**
     * The rule behind a failed MAPIInitialize.
     *
     * @param hr the HRESULT of MAPIInitialize
     * @return the rule ID, or {@code null}
     */
    public static String forInitialize(int hr) {
        switch (hr) {
            case HResult.MAPI_E_UNKNOWN_FLAGS: return "INIT-4";
            case HResult.MAPI_E_INVALID_PARAMETER: return "INIT-3";
            case HResult.MAPI_E_NOT_INITIALIZED: return "FAST-5";
            default: return null;
        }
    }

    private static boolean bothDialogs(int flags) {
        int both = MapiConstants.MAPI_LOGON_UI | MapiConstants.MAPI_PASSWORD_UI;
        return (flags & both) == both;
    }

    private static boolean tooLong(String profileName) {
        return profileName != null && profileName.length() > 64;
    }

    private static boolean hasNul(String profileName) {
        return profileName != null && profileName.indexOf('\0') >= 0;
    }
}
