package org.mapi4j.internal;

import org.mapi4j.spi.HResult;

/**
 * Names the spec rule behind an HRESULT of an API call, for {@link org.mapi4j.MapiException}
 * messages. It adds no rule of its own: providers own the semantics. Not part of the API.
 */
public final class Rules {

    private Rules() {
    }

    /**
     * @param hr the HRESULT of IMAPISession::Logoff
     * @return the rule ID, or {@code null}
     */
    public static String forLogoff(int hr) {
        switch (hr) {
            case HResult.MAPI_E_UNKNOWN_FLAGS: return "LOGOFF-FLAGS-2";
            case HResult.MAPI_E_INVALID_PARAMETER: return "LOGOFF-RESERVED-1";
            case HResult.MAPI_E_INVALID_OBJECT: return "POSTLOGOFF-1";
            case HResult.MAPI_E_USER_CANCEL: return "LOGOFF-UI-2";
            case HResult.MAPI_E_CALL_FAILED: return "LOGOFF-UI-3";
            case HResult.MAPI_E_NO_ACCESS: return "SHARED-8";
            default: return null;
        }
    }

    /**
     * @param hr the HRESULT of a session method other than Logoff
     * @return the rule ID, or {@code null}
     */
    public static String forSessionCall(int hr) {
        return hr == HResult.MAPI_E_INVALID_OBJECT ? "POSTLOGOFF-1" : null;
    }

    /**
     * @param hr the HRESULT of MAPILogonEx
     * @return the rule ID, or {@code null}
     */
    public static String forLogon(int hr) {
        switch (hr) {
            case HResult.MAPI_E_NOT_INITIALIZED: return "INIT-10";
            case HResult.MAPI_E_UNKNOWN_FLAGS: return "LOGON-1";
            case HResult.MAPI_E_LOGON_FAILED: return "LOGON-2/LOGON-4";
            case HResult.MAPI_E_USER_CANCEL: return "LOGON-4";
            default: return null;
        }
    }

    /**
     * @param hr the HRESULT of MAPILogonEx
     * @return advice for the message, or {@code null}
     */
    public static String logonAdvice(int hr) {
        switch (hr) {
            case HResult.MAPI_E_NOT_INITIALIZED:
                return "MAPI is not initialized (or was shut down); log on through an open MapiSubsystem";
            case HResult.MAPI_E_LOGON_FAILED:
                return "check that the profile exists and is at most 64 characters, that a default profile"
                        + " exists when none is named, and that LOGON_UI and PASSWORD_UI are not both set";
            default:
                return null;
        }
    }

    /**
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
}
