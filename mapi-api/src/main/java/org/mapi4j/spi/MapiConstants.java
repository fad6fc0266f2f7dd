package org.mapi4j.spi;

/**
 * The raw flag and event constants of spec A.6, with the names of the Microsoft MAPI headers.
 *
 * <p>They are what the provider SPI takes, so that a caller (and the TCK) can pass exactly what a C
 * caller could, including undefined bits. Applications normally use the enums {@code org.mapi4j.LogoffFlag},
 * {@code org.mapi4j.LogonFlag} and {@code org.mapi4j.InitFlag} instead.
 */
public final class MapiConstants {

    private MapiConstants() {
    }

    /** IMAPISession::Logoff: tell the other users of a shared session to log off. */
    public static final int MAPI_LOGOFF_SHARED = 0x00000001;
    /** IMAPISession::Logoff: UI may be shown (mapi4j: ask the logoff confirmation). */
    public static final int MAPI_LOGOFF_UI = 0x00000002;
    /** Every defined Logoff flag; any other bit is MAPI_E_UNKNOWN_FLAGS (LOGOFF-FLAGS-2). */
    public static final int MAPI_LOGOFF_VALID_MASK = 0x00000003;

    /** MAPILogonEx: a logon dialog may be shown. */
    public static final int MAPI_LOGON_UI = 0x00000001;
    /** MAPILogonEx: create a new session instead of joining the shared one. */
    public static final int MAPI_NEW_SESSION = 0x00000002;
    /** MAPILogonEx: application profile. */
    public static final int MAPI_APP_PROFILE = 0x00000004;
    /** MAPILogonEx: publish the new session as the shared session. */
    public static final int MAPI_ALLOW_OTHERS = 0x00000008;
    /** MAPILogonEx: do not pre-select the default profile in a dialog. */
    public static final int MAPI_EXPLICIT_PROFILE = 0x00000010;
    /** MAPILogonEx: Extended MAPI logon (always set it). */
    public static final int MAPI_EXTENDED = 0x00000020;
    /** MAPILogonEx: use the default profile when no name is given. */
    public static final int MAPI_USE_DEFAULT = 0x00000040;
    /** MAPILogonEx: download new mail before returning. */
    public static final int MAPI_FORCE_DOWNLOAD = 0x00001000;
    /** MAPILogonEx: show every service's configuration dialog. */
    public static final int MAPI_SERVICE_UI_ALWAYS = 0x00002000;
    /** MAPILogonEx: do not start mail flow for this client. */
    public static final int MAPI_NO_MAIL = 0x00008000;
    /** MAPILogonEx and MAPIINIT_0: the caller is a Windows service. */
    public static final int MAPI_NT_SERVICE = 0x00010000;
    /** MAPILogonEx: a password dialog may be shown (exclusive with MAPI_LOGON_UI). */
    public static final int MAPI_PASSWORD_UI = 0x00020000;
    /** MAPILogonEx: fail with MAPI_E_TIMEOUT instead of waiting long for the logon lock. */
    public static final int MAPI_TIMEOUT_SHORT = 0x00100000;
    /** MAPILogonEx: background session. */
    public static final int MAPI_BG_SESSION = 0x00200000;
    /** MAPILogonEx: strings are UTF-16. */
    public static final int MAPI_UNICODE = 0x80000000;
    /** Every defined MAPILogonEx flag; any other bit is MAPI_E_UNKNOWN_FLAGS (LOGON-1). */
    public static final int MAPI_LOGON_VALID_MASK = 0x8033B07F;

    /** MAPIINIT_0: use a dedicated notification thread. */
    public static final int MAPI_MULTITHREAD_NOTIFICATIONS = 0x00000001;
    /** MAPIINIT_0: do not call CoInitialize. */
    public static final int MAPI_NO_COINIT = 0x00000008;
    /** Every defined MAPIINIT_0 flag; any other bit is MAPI_E_UNKNOWN_FLAGS (INIT-4). */
    public static final int MAPI_INIT_VALID_MASK = 0x00010009;
    /** The only valid MAPIINIT_0.ulVersion (INIT-3). */
    public static final int MAPI_INIT_VERSION = 0;

    /** Event: critical error (for a session: it is ending, SHARED-5). */
    public static final int FNEV_CRITICAL_ERROR = 0x00000001;
    /** Event: new mail. */
    public static final int FNEV_NEW_MAIL = 0x00000002;
    /** Event: object created. */
    public static final int FNEV_OBJECT_CREATED = 0x00000004;
    /** Event: object deleted. */
    public static final int FNEV_OBJECT_DELETED = 0x00000008;
    /** Event: object modified. */
    public static final int FNEV_OBJECT_MODIFIED = 0x00000010;
    /** Event: object moved. */
    public static final int FNEV_OBJECT_MOVED = 0x00000020;
    /** Event: object copied. */
    public static final int FNEV_OBJECT_COPIED = 0x00000040;
    /** Event: search complete. */
    public static final int FNEV_SEARCH_COMPLETE = 0x00000080;
    /** Event: table modified. */
    public static final int FNEV_TABLE_MODIFIED = 0x00000100;
    /** Event: status object modified (internal to MAPI). */
    public static final int FNEV_STATUS_OBJECT_MODIFIED = 0x00000200;
    /** Event: reserved for MAPI. */
    public static final int FNEV_RESERVED_FOR_MAPI = 0x40000000;
    /** Event: extended (for a session: it is logging off, LOGOFF-4). */
    public static final int FNEV_EXTENDED = 0x80000000;
}
