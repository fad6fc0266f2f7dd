package org.mapi4j;

import org.mapi4j.spi.HResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec A.7 and A.8: every HRESULT with its name; Simple MAPI codes are absent. */
class HResultTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "S_OK, 00000000", "S_FALSE, 00000001", "MAPI_E_CALL_FAILED, 80004005",
        "MAPI_E_NOT_ENOUGH_MEMORY, 8007000E", "MAPI_E_INVALID_PARAMETER, 80070057",
        "MAPI_E_INTERFACE_NOT_SUPPORTED, 80004002", "MAPI_E_NO_ACCESS, 80070005", "E_UNEXPECTED, 8000FFFF",
        "E_NOTIMPL, 80004001", "E_POINTER, 80004003", "MAPI_E_NO_SUPPORT, 80040102",
        "MAPI_E_BAD_CHARWIDTH, 80040103", "MAPI_E_STRING_TOO_LONG, 80040105", "MAPI_E_UNKNOWN_FLAGS, 80040106",
        "MAPI_E_INVALID_ENTRYID, 80040107", "MAPI_E_INVALID_OBJECT, 80040108", "MAPI_E_OBJECT_CHANGED, 80040109",
        "MAPI_E_OBJECT_DELETED, 8004010A", "MAPI_E_BUSY, 8004010B", "MAPI_E_NOT_ENOUGH_DISK, 8004010D",
        "MAPI_E_NOT_ENOUGH_RESOURCES, 8004010E", "MAPI_E_NOT_FOUND, 8004010F", "MAPI_E_VERSION, 80040110",
        "MAPI_E_LOGON_FAILED, 80040111", "MAPI_E_SESSION_LIMIT, 80040112", "MAPI_E_USER_CANCEL, 80040113",
        "MAPI_E_UNABLE_TO_ABORT, 80040114", "MAPI_E_NETWORK_ERROR, 80040115", "MAPI_E_DISK_ERROR, 80040116",
        "MAPI_E_TOO_COMPLEX, 80040117", "MAPI_E_EXTENDED_ERROR, 80040119", "MAPI_E_UNCONFIGURED, 8004011C",
        "MAPI_E_FAILONEPROVIDER, 8004011D", "MAPI_E_PASSWORD_CHANGE_REQUIRED, 80040120",
        "MAPI_E_PASSWORD_EXPIRED, 80040121", "MAPI_E_ACCOUNT_DISABLED, 80040124", "MAPI_E_RECONNECTED, 80040125",
        "MAPI_E_OFFLINE, 80040126", "MAPI_E_END_OF_SESSION, 80040200", "MAPI_E_UNKNOWN_ENTRYID, 80040201",
        "MAPI_W_NO_SERVICE, 00040203", "MAPI_W_ERRORS_RETURNED, 00040380", "MAPI_E_TIMEOUT, 80040401",
        "MAPI_E_NOT_INITIALIZED, 80040605", "MAPI_W_PARTIAL_COMPLETION, 00040680"})
    @DisplayName("A.7: every code has its constant, its name and prints as NAME (0x........)")
    void everyCodeOfA7(String name, String hex) throws ReflectiveOperationException {
        int code = Integer.parseUnsignedInt(hex, 16);
        assertEquals(code, HResult.class.getField(name).getInt(null), "constant " + name);
        HResult value = HResult.of(code);
        assertTrue(value.isKnown());
        assertEquals(name, value.name());
        assertEquals(name + " (0x" + hex + ")", value.toString());
        assertEquals(value.toString(), HResult.describe(code));
        assertSame(value, HResult.of(code), "known codes are shared instances");
        assertEquals(code >= 0, value.isSuccess());
        assertEquals(code >= 0, HResult.succeeded(code));
    }

    @Test
    @DisplayName("A.7: the signed Java values of the spec table")
    void signedValues() {
        assertEquals(-2147221242, HResult.MAPI_E_UNKNOWN_FLAGS);
        assertEquals(-2147221240, HResult.MAPI_E_INVALID_OBJECT);
        assertEquals(-2147024809, HResult.MAPI_E_INVALID_PARAMETER);
        assertEquals(-2147219963, HResult.MAPI_E_NOT_INITIALIZED);
        assertEquals(262659, HResult.MAPI_W_NO_SERVICE);
        assertEquals("MAPI_E_UNKNOWN_FLAGS (0x80040106)", HResult.of(0x80040106).toString());
    }

    @Test
    @DisplayName("A.7: an unknown code prints as its hex value")
    void unknownCode() {
        HResult unknown = HResult.of(0x80041234);
        assertFalse(unknown.isKnown());
        assertEquals("0x80041234", unknown.toString());
        assertEquals("0x80041234", unknown.name());
        assertEquals("0x80041234", HResult.describe(0x80041234));
        assertEquals(0x80041234, unknown.code());
        assertEquals(HResult.of(0x80041234), unknown);
        assertEquals("0x00000000", HResult.hex(0));
    }

    @ParameterizedTest(name = "Simple MAPI code {0}")
    @ValueSource(ints = {2, 3, 5, 8, 19, 26})
    @DisplayName("A.8: Simple MAPI codes are absent (e.g. MAPI_E_LOGON_FAILURE = 3)")
    void simpleMapiCodesAbsent(int code) {
        assertFalse(HResult.of(code).isKnown());
        assertEquals(HResult.hex(code), HResult.of(code).toString());
    }
}
