package org.mapi4j.spi;

import java.util.HashMap;
import java.util.Map;

/**
 * A MAPI HRESULT: a 32-bit status code with its symbolic name (spec A.7).
 *
 * <p>The provider SPI passes HRESULTs as plain {@code int} values so that a rejected call costs
 * nothing; the {@code int} constants of this class are those values. {@link #of(int)} turns a code
 * into a value object that prints as {@code MAPI_E_UNKNOWN_FLAGS (0x80040106)}; codes this class does
 * not know print as their hex value, for example {@code 0x80041234}.
 *
 * <p>Only Extended MAPI codes live here: the Simple MAPI {@code ULONG} codes of spec A.8 (for
 * example {@code MAPI_E_LOGON_FAILURE = 3}) are deliberately absent. Instances are immutable and
 * thread-safe.
 */
public final class HResult {

    /** Success ({@code hrSuccess}, {@code SUCCESS_SUCCESS}). */
    public static final int S_OK = 0x00000000;
    /** Success variant; not used by the session lifecycle. */
    public static final int S_FALSE = 0x00000001;
    /** Unexpected failure ({@code E_FAIL}); also a failing logoff-confirmation hook (LOGOFF-UI-3). */
    public static final int MAPI_E_CALL_FAILED = 0x80004005;
    /** Out of memory ({@code E_OUTOFMEMORY}). */
    public static final int MAPI_E_NOT_ENOUGH_MEMORY = 0x8007000E;
    /** An invalid parameter ({@code E_INVALIDARG}), for example a non-zero reserved argument. */
    public static final int MAPI_E_INVALID_PARAMETER = 0x80070057;
    /** QueryInterface does not know the interface ({@code E_NOINTERFACE}). */
    public static final int MAPI_E_INTERFACE_NOT_SUPPORTED = 0x80004002;
    /** Access denied ({@code E_ACCESSDENIED}); also the REJECT policy of SHARED-8. */
    public static final int MAPI_E_NO_ACCESS = 0x80070005;
    /** Generic COM "catastrophic failure"; not used by MAPI sessions. */
    public static final int E_UNEXPECTED = 0x8000FFFF;
    /** Not implemented (COM). */
    public static final int E_NOTIMPL = 0x80004001;
    /** Invalid pointer (COM). */
    public static final int E_POINTER = 0x80004003;
    /** The operation or event type is not supported. */
    public static final int MAPI_E_NO_SUPPORT = 0x80040102;
    /** MAPI_UNICODE mismatch. */
    public static final int MAPI_E_BAD_CHARWIDTH = 0x80040103;
    /** A string is too long. */
    public static final int MAPI_E_STRING_TOO_LONG = 0x80040105;
    /** Undefined or reserved bits in a flags parameter. */
    public static final int MAPI_E_UNKNOWN_FLAGS = 0x80040106;
    /** A malformed entry identifier. */
    public static final int MAPI_E_INVALID_ENTRYID = 0x80040107;
    /** The object was logged off, invalidated or shut down (POSTLOGOFF-1, CHILD-1). */
    public static final int MAPI_E_INVALID_OBJECT = 0x80040108;
    /** The object changed. */
    public static final int MAPI_E_OBJECT_CHANGED = 0x80040109;
    /** The object was deleted. */
    public static final int MAPI_E_OBJECT_DELETED = 0x8004010A;
    /** The object is busy. */
    public static final int MAPI_E_BUSY = 0x8004010B;
    /** Not enough disk space. */
    public static final int MAPI_E_NOT_ENOUGH_DISK = 0x8004010D;
    /** Not enough system resources. */
    public static final int MAPI_E_NOT_ENOUGH_RESOURCES = 0x8004010E;
    /** Not found, for example an unknown advise connection (NOTIFY-7). */
    public static final int MAPI_E_NOT_FOUND = 0x8004010F;
    /** Incompatible versions. */
    public static final int MAPI_E_VERSION = 0x80040110;
    /** MAPILogonEx failed: a bad parameter, an unknown profile, or no profile to choose. */
    public static final int MAPI_E_LOGON_FAILED = 0x80040111;
    /** A provider refuses another session. */
    public static final int MAPI_E_SESSION_LIMIT = 0x80040112;
    /** The user cancelled, for example declined the logoff confirmation (LOGOFF-UI-2). */
    public static final int MAPI_E_USER_CANCEL = 0x80040113;
    /** The operation cannot be aborted. */
    public static final int MAPI_E_UNABLE_TO_ABORT = 0x80040114;
    /** A network error. */
    public static final int MAPI_E_NETWORK_ERROR = 0x80040115;
    /** A disk error. */
    public static final int MAPI_E_DISK_ERROR = 0x80040116;
    /** The operation is too complex. */
    public static final int MAPI_E_TOO_COMPLEX = 0x80040117;
    /** More information is available through GetLastError. */
    public static final int MAPI_E_EXTENDED_ERROR = 0x80040119;
    /** The profile or service is not configured. */
    public static final int MAPI_E_UNCONFIGURED = 0x8004011C;
    /** One provider failed. */
    public static final int MAPI_E_FAILONEPROVIDER = 0x8004011D;
    /** The password must be changed. */
    public static final int MAPI_E_PASSWORD_CHANGE_REQUIRED = 0x80040120;
    /** The password expired. */
    public static final int MAPI_E_PASSWORD_EXPIRED = 0x80040121;
    /** The account is disabled. */
    public static final int MAPI_E_ACCOUNT_DISABLED = 0x80040124;
    /** The connection was re-established. */
    public static final int MAPI_E_RECONNECTED = 0x80040125;
    /** The provider is offline. */
    public static final int MAPI_E_OFFLINE = 0x80040126;
    /** The session ended; the scode of the shared-logoff notification (SHARED-5). */
    public static final int MAPI_E_END_OF_SESSION = 0x80040200;
    /** No provider of the session recognises the entry identifier. */
    public static final int MAPI_E_UNKNOWN_ENTRYID = 0x80040201;
    /** Warning: a service is missing. */
    public static final int MAPI_W_NO_SERVICE = 0x00040203;
    /** Warning: partial success. */
    public static final int MAPI_W_ERRORS_RETURNED = 0x00040380;
    /** A time-out, for example MAPI_TIMEOUT_SHORT while the logon lock is held. */
    public static final int MAPI_E_TIMEOUT = 0x80040401;
    /** MAPI is not initialized (INIT-10), or was shut down (FAST-5). */
    public static final int MAPI_E_NOT_INITIALIZED = 0x80040605;
    /** Warning: partial completion. */
    public static final int MAPI_W_PARTIAL_COMPLETION = 0x00040680;

    private static final Map<Integer, HResult> KNOWN = new HashMap<>();

    static {
        known(S_OK, "S_OK");
        known(S_FALSE, "S_FALSE");
        known(MAPI_E_CALL_FAILED, "MAPI_E_CALL_FAILED");
        known(MAPI_E_NOT_ENOUGH_MEMORY, "MAPI_E_NOT_ENOUGH_MEMORY");
        known(MAPI_E_INVALID_PARAMETER, "MAPI_E_INVALID_PARAMETER");
        known(MAPI_E_INTERFACE_NOT_SUPPORTED, "MAPI_E_INTERFACE_NOT_SUPPORTED");
        known(MAPI_E_NO_ACCESS, "MAPI_E_NO_ACCESS");
        known(E_UNEXPECTED, "E_UNEXPECTED");
        known(E_NOTIMPL, "E_NOTIMPL");
        known(E_POINTER, "E_POINTER");
        known(MAPI_E_NO_SUPPORT, "MAPI_E_NO_SUPPORT");
        known(MAPI_E_BAD_CHARWIDTH, "MAPI_E_BAD_CHARWIDTH");
        known(MAPI_E_STRING_TOO_LONG, "MAPI_E_STRING_TOO_LONG");
        known(MAPI_E_UNKNOWN_FLAGS, "MAPI_E_UNKNOWN_FLAGS");
        known(MAPI_E_INVALID_ENTRYID, "MAPI_E_INVALID_ENTRYID");
        known(MAPI_E_INVALID_OBJECT, "MAPI_E_INVALID_OBJECT");
        known(MAPI_E_OBJECT_CHANGED, "MAPI_E_OBJECT_CHANGED");
        known(MAPI_E_OBJECT_DELETED, "MAPI_E_OBJECT_DELETED");
        known(MAPI_E_BUSY, "MAPI_E_BUSY");
        known(MAPI_E_NOT_ENOUGH_DISK, "MAPI_E_NOT_ENOUGH_DISK");
        known(MAPI_E_NOT_ENOUGH_RESOURCES, "MAPI_E_NOT_ENOUGH_RESOURCES");
        known(MAPI_E_NOT_FOUND, "MAPI_E_NOT_FOUND");
        known(MAPI_E_VERSION, "MAPI_E_VERSION");
        known(MAPI_E_LOGON_FAILED, "MAPI_E_LOGON_FAILED");
        known(MAPI_E_SESSION_LIMIT, "MAPI_E_SESSION_LIMIT");
        known(MAPI_E_USER_CANCEL, "MAPI_E_USER_CANCEL");
        known(MAPI_E_UNABLE_TO_ABORT, "MAPI_E_UNABLE_TO_ABORT");
        known(MAPI_E_NETWORK_ERROR, "MAPI_E_NETWORK_ERROR");
        known(MAPI_E_DISK_ERROR, "MAPI_E_DISK_ERROR");
        known(MAPI_E_TOO_COMPLEX, "MAPI_E_TOO_COMPLEX");
        known(MAPI_E_EXTENDED_ERROR, "MAPI_E_EXTENDED_ERROR");
        known(MAPI_E_UNCONFIGURED, "MAPI_E_UNCONFIGURED");
        known(MAPI_E_FAILONEPROVIDER, "MAPI_E_FAILONEPROVIDER");
        known(MAPI_E_PASSWORD_CHANGE_REQUIRED, "MAPI_E_PASSWORD_CHANGE_REQUIRED");
        known(MAPI_E_PASSWORD_EXPIRED, "MAPI_E_PASSWORD_EXPIRED");
        known(MAPI_E_ACCOUNT_DISABLED, "MAPI_E_ACCOUNT_DISABLED");
        known(MAPI_E_RECONNECTED, "MAPI_E_RECONNECTED");
        known(MAPI_E_OFFLINE, "MAPI_E_OFFLINE");
        known(MAPI_E_END_OF_SESSION, "MAPI_E_END_OF_SESSION");
        known(MAPI_E_UNKNOWN_ENTRYID, "MAPI_E_UNKNOWN_ENTRYID");
        known(MAPI_W_NO_SERVICE, "MAPI_W_NO_SERVICE");
        known(MAPI_W_ERRORS_RETURNED, "MAPI_W_ERRORS_RETURNED");
        known(MAPI_E_TIMEOUT, "MAPI_E_TIMEOUT");
        known(MAPI_E_NOT_INITIALIZED, "MAPI_E_NOT_INITIALIZED");
        known(MAPI_W_PARTIAL_COMPLETION, "MAPI_W_PARTIAL_COMPLETION");
    }

    private static void known(int code, String name) {
        if (KNOWN.put(code, new HResult(code, name)) != null) {
            throw new AssertionError("duplicate HRESULT " + hex(code));
        }
    }

    private final int code;
    private final String name;

    private HResult(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /**
     * Returns the value for a code: the shared named instance for a code of spec A.7, otherwise a new
     * unnamed instance.
     *
     * @param code the 32-bit HRESULT
     * @return the value, never {@code null}
     */
    public static HResult of(int code) {
        HResult known = KNOWN.get(code);
        return known != null ? known : new HResult(code, null);
    }

    /**
     * Describes a code without creating a value: {@code "MAPI_E_UNKNOWN_FLAGS (0x80040106)"}, or the
     * bare hex value for a code this class does not know.
     *
     * @param code the 32-bit HRESULT
     * @return the description, never {@code null}
     */
    public static String describe(int code) {
        return of(code).toString();
    }

    /**
     * Whether a code means success ({@code SUCCEEDED}: the code is not negative). Warnings such as
     * {@code MAPI_W_ERRORS_RETURNED} are successes (GEN-5).
     *
     * @param code the 32-bit HRESULT
     * @return {@code true} for success and warnings
     */
    public static boolean succeeded(int code) {
        return code >= 0;
    }

    /** {@return the 32-bit code} */
    public int code() {
        return code;
    }

    /** {@return the symbolic name of spec A.7, or the hex value for an unknown code} */
    public String name() {
        return name != null ? name : hex(code);
    }

    /** {@return whether this code is one of spec A.7} */
    public boolean isKnown() {
        return name != null;
    }

    /** {@return whether this code means success (warnings included)} */
    public boolean isSuccess() {
        return succeeded(code);
    }

    /**
     * Formats a code as eight upper-case hex digits, the way MAPI headers write them.
     *
     * @param code the 32-bit HRESULT
     * @return for example {@code 0x80040106}
     */
    public static String hex(int code) {
        String digits = Integer.toHexString(code).toUpperCase(java.util.Locale.ROOT);
        return "0x" + "00000000".substring(digits.length()) + digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HResult that && that.code == code;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(code);
    }

    /** @return {@code NAME (0x........)} for a known code, the hex value otherwise */
    @Override
    public String toString() {
        return name != null ? name + " (" + hex(code) + ")" : hex(code);
    }
}
