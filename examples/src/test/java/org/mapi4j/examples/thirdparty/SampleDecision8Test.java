package org.mapi4j.examples.thirdparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;

/** Spec decision 8: one answer where MAPI implementations disagree, for the third-party sample provider. */
class SampleDecision8Test {

    private final SampleProvider provider = new SampleProvider();

    @AfterEach
    void tearDown() {
        while (provider.initCount() > 0) {
            provider.uninitialize();
        }
    }

    private MapiSessionHandle logon(String profile) {
        assertEquals(HResult.S_OK, provider.initialize(null));
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(HResult.S_OK, provider.logon(0, profile, null, MapiConstants.MAPI_NEW_SESSION, out));
        return out.get();
    }

    @Test
    @DisplayName("CompareEntryIDs with any ulFlags bit -> MAPI_E_UNKNOWN_FLAGS")
    void compareEntryIdsFlags() {
        MapiSessionHandle handle = logon("Sample");
        byte[] id = new SampleProfiles.Profile("Sample", "Sample Mailbox").identityEntryId();
        for (int bit = 0; bit < 32; bit++) {
            assertEquals(HResult.MAPI_E_UNKNOWN_FLAGS, handle.compareEntryIDs(id, id, 1 << bit, new IntOut()));
        }
    }

    @Test
    @DisplayName("A child's QueryInterface: NULL IID -> MAPI_E_INVALID_PARAMETER; after Logoff -> MAPI_E_INVALID_OBJECT and NULL")
    void childQueryInterface() {
        MapiSessionHandle handle = logon("Sample");
        Out<MapiTable> table = new Out<>();
        assertEquals(HResult.S_OK, handle.getMsgStoresTable(0, table));
        Out<Object> ppv = new Out<>();
        assertEquals(HResult.MAPI_E_INVALID_PARAMETER, table.get().queryInterface(null, ppv));
        assertEquals(HResult.S_OK, handle.logoff(0, 0, 0));
        ppv.set("sentinel");
        assertEquals(HResult.MAPI_E_INVALID_OBJECT, table.get().queryInterface(Iids.IID_IUNKNOWN, ppv));
        assertNull(ppv.get());
    }

    @Test
    @DisplayName("OpenMsgStore with an entry ID no store of the session has -> MAPI_E_UNKNOWN_ENTRYID")
    void openMsgStoreUnknownEntryId() {
        MapiSessionHandle handle = logon("Sample");
        byte[] travelStore = new SampleProfiles.Profile("Travel", "Travel Mailbox").storeEntryId();
        Out<MapiProp> store = new Out<>();
        assertEquals(HResult.MAPI_E_UNKNOWN_ENTRYID, handle.openMsgStore(0, travelStore, null, 0, store));
        assertNull(store.get());
    }

    @Test
    @DisplayName("A profile name with U+0000 -> MAPI_E_LOGON_FAILED, never cut at the NUL")
    void profileNameWithNul() {
        assertEquals(HResult.S_OK, provider.initialize(null));
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(HResult.MAPI_E_LOGON_FAILED, provider.logon(0, "Sample\0junk", null, MapiConstants.MAPI_NEW_SESSION, out));
        assertNull(out.get());
        assertEquals(0, provider.liveSessionCount());
    }
}
