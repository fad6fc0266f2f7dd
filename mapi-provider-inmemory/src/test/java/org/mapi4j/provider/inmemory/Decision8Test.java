package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;

/** Spec decision 8: one answer where MAPI implementations disagree, for the in-memory provider. */
class Decision8Test {

    private final Fx fx = new Fx();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    @DisplayName("CompareEntryIDs with any ulFlags bit -> MAPI_E_UNKNOWN_FLAGS")
    void compareEntryIdsFlags() {
        InMemorySessionHandle handle = fx.individual();
        byte[] id = identity(handle);
        for (int bit = 0; bit < 32; bit++) {
            assertEquals(Hr.MAPI_E_UNKNOWN_FLAGS, handle.compareEntryIDs(id, id, 1 << bit, new IntOut()), "bit " + bit);
        }
        IntOut same = new IntOut();
        assertEquals(Hr.S_OK, handle.compareEntryIDs(id, id.clone(), 0, same));
        assertEquals(1, same.get());
    }

    @Test
    @DisplayName("A child's QueryInterface: NULL IID -> MAPI_E_INVALID_PARAMETER; after Logoff -> MAPI_E_INVALID_OBJECT and NULL")
    void childQueryInterface() {
        InMemorySessionHandle handle = fx.individual();
        Out<MapiTable> table = new Out<>();
        assertEquals(Hr.S_OK, handle.getMsgStoresTable(0, table));
        Out<MapiProp> section = new Out<>();
        assertEquals(Hr.S_OK, handle.openProfileSection(null, null, 0, section));
        Out<Object> ppv = new Out<>();
        assertEquals(Hr.MAPI_E_INVALID_PARAMETER, table.get().queryInterface(null, ppv));
        assertEquals(Hr.MAPI_E_INVALID_PARAMETER, section.get().queryInterface(null, ppv));
        assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
        ppv.set("sentinel");
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, table.get().queryInterface(Iids.IID_IUNKNOWN, ppv));
        assertNull(ppv.get());
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, section.get().queryInterface(Iids.IID_IUNKNOWN, ppv));
        assertNull(ppv.get());
        assertEquals(0, table.get().release());
        assertEquals(0, section.get().release());
    }

    @Test
    @DisplayName("OpenMsgStore with an entry ID no store of the session has -> MAPI_E_UNKNOWN_ENTRYID")
    void openMsgStoreUnknownEntryId() {
        InMemorySessionHandle work = fx.logon("Work", Hr.NEW_SESSION | Hr.EXTENDED);
        byte[] workStore = EntryIds.make(EntryIds.STORE, "Work/Archive");
        Out<MapiProp> store = new Out<>();
        assertEquals(Hr.S_OK, work.openMsgStore(0, workStore, null, 0, store));
        store.get().release();
        InMemorySessionHandle other = fx.individual();
        assertEquals(Hr.MAPI_E_UNKNOWN_ENTRYID, other.openMsgStore(0, workStore, null, 0, store));
        assertNull(store.get());
        assertEquals(Hr.MAPI_E_UNKNOWN_ENTRYID, other.openMsgStore(0, identity(other), null, 0, store),
                "a well-formed identifier of something that is not a store");
    }

    @Test
    @DisplayName("A profile name with U+0000 -> MAPI_E_LOGON_FAILED (LOGON-2), never cut at the NUL")
    void profileNameWithNul() {
        for (String name : List.of("Default\0junk", "Default\0", "\0Default")) {
            Out<MapiSessionHandle> out = new Out<>();
            assertEquals(Hr.MAPI_E_LOGON_FAILED, fx.provider.logon(0, name, null, Hr.NEW_SESSION, out), name);
            assertNull(out.get());
        }
        assertEquals(0, fx.provider.liveSessionCount());
    }

    @Test
    @DisplayName("LOGOFF-4's fnevExtended comes for every way out of LOGGED_ON: Logoff, REL-1 and INIT-8, once per sink")
    void logoff4OnImplicitLogoffs() {
        RecordingSink explicit = new RecordingSink();
        InMemorySessionHandle loggedOff = fx.individual();
        Fx.advise(loggedOff, explicit);
        assertEquals(Hr.S_OK, loggedOff.logoff(0, 0, 0));
        RecordingSink released = new RecordingSink();
        InMemorySessionHandle releasedHandle = fx.individual();
        Fx.advise(releasedHandle, released);
        RecordingSink invalidated = new RecordingSink();
        InMemorySessionHandle invalidatedHandle = fx.individual();
        Fx.advise(invalidatedHandle, invalidated);

        assertEquals(0, releasedHandle.release());
        fx.provider.uninitialize();
        assertEquals(Hr.S_OK, fx.provider.initialize(null)); // for fx.close()

        assertEquals(List.of(ExtendedNotification.LOGOFF), released.received, "REL-1");
        assertEquals(List.of(ExtendedNotification.LOGOFF), invalidated.received, "INIT-8");
        assertEquals(List.of(ExtendedNotification.LOGOFF), explicit.received, "Logoff");
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, invalidatedHandle.queryIdentity(new Out<>()));
    }

    private static byte[] identity(MapiSessionHandle handle) {
        Out<byte[]> id = new Out<>();
        assertEquals(Hr.S_OK, handle.queryIdentity(id));
        return id.get();
    }

}
