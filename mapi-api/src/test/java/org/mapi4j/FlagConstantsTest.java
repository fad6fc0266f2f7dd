package org.mapi4j;

import org.mapi4j.spi.MapiConstants;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec A.6: flag and event constants, compared with literals. */
class FlagConstantsTest {

    @ParameterizedTest(name = "{0} = 0x{1}")
    @CsvSource({
        "MAPI_LOGOFF_SHARED, 00000001", "MAPI_LOGOFF_UI, 00000002", "MAPI_LOGOFF_VALID_MASK, 00000003",
        "MAPI_LOGON_UI, 00000001", "MAPI_NEW_SESSION, 00000002", "MAPI_APP_PROFILE, 00000004",
        "MAPI_ALLOW_OTHERS, 00000008", "MAPI_EXPLICIT_PROFILE, 00000010", "MAPI_EXTENDED, 00000020",
        "MAPI_USE_DEFAULT, 00000040", "MAPI_FORCE_DOWNLOAD, 00001000", "MAPI_SERVICE_UI_ALWAYS, 00002000",
        "MAPI_NO_MAIL, 00008000", "MAPI_NT_SERVICE, 00010000", "MAPI_PASSWORD_UI, 00020000",
        "MAPI_TIMEOUT_SHORT, 00100000", "MAPI_BG_SESSION, 00200000", "MAPI_UNICODE, 80000000",
        "MAPI_LOGON_VALID_MASK, 8033B07F",
        "MAPI_MULTITHREAD_NOTIFICATIONS, 00000001", "MAPI_NO_COINIT, 00000008", "MAPI_INIT_VALID_MASK, 00010009",
        "MAPI_INIT_VERSION, 00000000",
        "FNEV_CRITICAL_ERROR, 00000001", "FNEV_NEW_MAIL, 00000002", "FNEV_OBJECT_CREATED, 00000004",
        "FNEV_OBJECT_DELETED, 00000008", "FNEV_OBJECT_MODIFIED, 00000010", "FNEV_OBJECT_MOVED, 00000020",
        "FNEV_OBJECT_COPIED, 00000040", "FNEV_SEARCH_COMPLETE, 00000080", "FNEV_TABLE_MODIFIED, 00000100",
        "FNEV_STATUS_OBJECT_MODIFIED, 00000200", "FNEV_RESERVED_FOR_MAPI, 40000000", "FNEV_EXTENDED, 80000000"})
    @DisplayName("A.6: MapiConstants match the header values")
    void constants(String name, String hex) throws ReflectiveOperationException {
        assertEquals(Integer.parseUnsignedInt(hex, 16), MapiConstants.class.getField(name).getInt(null), name);
    }

    @Test
    @DisplayName("A.6: the enums carry the same bits, and their union is the valid mask")
    void enums() {
        assertEquals(0x1, LogoffFlag.SHARED.value());
        assertEquals(0x2, LogoffFlag.UI.value());
        assertEquals(0x3, LogoffFlag.bits(EnumSet.allOf(LogoffFlag.class)));
        assertEquals(0, LogoffFlag.bits(Set.of()));
        assertEquals(0x1, InitFlag.MULTITHREAD_NOTIFICATIONS.value());
        assertEquals(0x8, InitFlag.NO_COINIT.value());
        assertEquals(0x10000, InitFlag.NT_SERVICE.value());
        assertEquals(0x00010009, InitFlag.bits(EnumSet.allOf(InitFlag.class)));
        assertEquals(0x8033B07F, LogonFlag.bits(EnumSet.allOf(LogonFlag.class)), "every defined logon flag (spec A.6 union)");
        assertEquals(0x20000, LogonFlag.PASSWORD_UI.value());
        assertEquals(0x200000, LogonFlag.BG_SESSION.value());
        assertEquals(0x8000, LogonFlag.NO_MAIL.value());
        assertEquals(0x42, LogonFlag.bits(Set.of(LogonFlag.USE_DEFAULT, LogonFlag.NEW_SESSION)));
    }
}
