package org.mapi4j.provider.inmemory;

/** The HRESULTs the tests expect, as literals from spec A.7 (never taken from the code under test). */
final class Hr {
    static final int S_OK = 0x00000000;
    static final int MAPI_E_CALL_FAILED = 0x80004005;
    static final int MAPI_E_INVALID_PARAMETER = 0x80070057;
    static final int MAPI_E_INTERFACE_NOT_SUPPORTED = 0x80004002;
    static final int MAPI_E_NO_ACCESS = 0x80070005;
    static final int MAPI_E_NO_SUPPORT = 0x80040102;
    static final int MAPI_E_UNKNOWN_FLAGS = 0x80040106;
    static final int MAPI_E_INVALID_ENTRYID = 0x80040107;
    static final int MAPI_E_INVALID_OBJECT = 0x80040108;
    static final int MAPI_E_NOT_FOUND = 0x8004010F;
    static final int MAPI_E_LOGON_FAILED = 0x80040111;
    static final int MAPI_E_USER_CANCEL = 0x80040113;
    static final int MAPI_E_END_OF_SESSION = 0x80040200;
    static final int MAPI_E_UNKNOWN_ENTRYID = 0x80040201;
    static final int MAPI_E_NOT_INITIALIZED = 0x80040605;

    // Flags, as literals from spec A.6.
    static final int LOGOFF_SHARED = 0x1;
    static final int LOGOFF_UI = 0x2;
    static final int LOGON_UI = 0x1;
    static final int NEW_SESSION = 0x2;
    static final int ALLOW_OTHERS = 0x8;
    static final int EXPLICIT_PROFILE = 0x10;
    static final int EXTENDED = 0x20;
    static final int USE_DEFAULT = 0x40;
    static final int NO_MAIL = 0x8000;
    static final int PASSWORD_UI = 0x20000;
    static final int FNEV_CRITICAL_ERROR = 0x1;
    static final int FNEV_EXTENDED = 0x80000000;

    private Hr() {
    }
}
