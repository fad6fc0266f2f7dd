package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Notification;
import org.mapi4j.spi.Out;

/**
 * Spec decision 8: one answer where MAPI implementations disagree, for the native provider over
 * the reference library (which has no message store objects to open: its own stores answer
 * {@code MAPI_E_NO_SUPPORT}).
 */
class Decision8Test extends ReferenceLibraryFixture {

    @Test
    @DisplayName("CompareEntryIDs with any ulFlags bit -> MAPI_E_UNKNOWN_FLAGS")
    void compareEntryIdsFlags() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        byte[] id = identity(session);
        for (int bit = 0; bit < 32; bit++) {
            assertHr(HResult.MAPI_E_UNKNOWN_FLAGS, session.compareEntryIDs(id, id, 1 << bit, new IntOut()));
        }
        IntOut same = new IntOut();
        assertHr(HResult.S_OK, session.compareEntryIDs(id, id.clone(), 0, same));
        assertEquals(1, same.get());
        session.release();
        provider.uninitialize();
    }

    @Test
    @DisplayName("A child's QueryInterface: NULL IID -> MAPI_E_INVALID_PARAMETER; after Logoff -> MAPI_E_INVALID_OBJECT and NULL")
    void childQueryInterface() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        Out<MapiTable> table = new Out<>();
        assertHr(HResult.S_OK, session.getMsgStoresTable(0, table));
        Out<Object> shutdown = new Out<>();
        assertHr(HResult.S_OK, session.queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, shutdown));
        Out<Object> ppv = new Out<>();
        assertHr(HResult.MAPI_E_INVALID_PARAMETER, table.get().queryInterface(null, ppv));
        assertHr(HResult.MAPI_E_INVALID_PARAMETER, ((org.mapi4j.spi.MapiUnknown) shutdown.get()).queryInterface(null, ppv));
        assertHr(HResult.S_OK, session.logoff(0, 0, 0));
        for (org.mapi4j.spi.MapiUnknown child : List.of(table.get(), (org.mapi4j.spi.MapiUnknown) shutdown.get())) {
            ppv.set("sentinel");
            assertHr(HResult.MAPI_E_INVALID_OBJECT, child.queryInterface(Iids.IID_IUNKNOWN, ppv));
            assertNull(ppv.get());
            assertEquals(0, child.release());
        }
        session.release();
        provider.uninitialize();
    }

    @Test
    @DisplayName("OpenMsgStore with an entry ID no store of the session has -> MAPI_E_UNKNOWN_ENTRYID")
    void openMsgStoreUnknownEntryId() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        Out<MapiTable> table = new Out<>();
        assertHr(HResult.S_OK, session.getMsgStoresTable(0, table));
        Out<List<List<org.mapi4j.spi.PropValue>>> rows = new Out<>();
        assertHr(HResult.S_OK, table.get().queryRows(10, 0, rows));
        byte[] store = (byte[]) rows.get().get(0).stream()
                .filter(p -> p.tag() == org.mapi4j.spi.PropTags.PR_ENTRYID).findFirst().orElseThrow().value();
        Out<org.mapi4j.spi.MapiProp> opened = new Out<>();
        assertHr(HResult.MAPI_E_NO_SUPPORT, session.openMsgStore(0, store, null, 0, opened));
        byte[] other = store.clone();
        other[other.length - 2] ^= 0x55;
        assertHr(HResult.MAPI_E_UNKNOWN_ENTRYID, session.openMsgStore(0, other, null, 0, opened));
        assertHr(HResult.MAPI_E_UNKNOWN_ENTRYID, session.openMsgStore(0, identity(session), null, 0, opened));
        assertNull(opened.get());
        table.get().release();
        session.release();
        provider.uninitialize();
    }

    @Test
    @DisplayName("A profile name with U+0000 -> MAPI_E_LOGON_FAILED, with and without MAPI_UNICODE")
    void profileNameWithNul() {
        initialize();
        for (int unicode : new int[] {0, MapiConstants.MAPI_UNICODE}) {
            Out<MapiSessionHandle> out = new Out<>();
            assertHr(HResult.MAPI_E_LOGON_FAILED,
                    provider.logon(0, "Default\0junk", null, MapiConstants.MAPI_NEW_SESSION | unicode, out));
            assertNull(out.get());
        }
        provider.uninitialize();
    }

    @Test
    @DisplayName("LOGOFF-4: if Logoff sends fnevExtended, REL-1 and INIT-8 send it too, once per sink")
    void logoff4OnImplicitLogoffs() {
        initialize();
        List<List<Notification>> received = new ArrayList<>();
        MapiSessionHandle[] handles = {logon(LOGON_DEFAULT), logon(LOGON_DEFAULT), logon(LOGON_DEFAULT)};
        RecordingSink[] sinks = new RecordingSink[handles.length];
        for (int i = 0; i < handles.length; i++) {
            sinks[i] = new RecordingSink();
            assertHr(HResult.S_OK, handles[i].advise(null, MapiConstants.FNEV_EXTENDED, sinks[i], new LongOut()));
        }
        assertHr(HResult.S_OK, handles[0].logoff(0, 0, 0)); // explicit
        assertEquals(0, handles[1].release()); // REL-1
        provider.uninitialize(); // INIT-8
        for (RecordingSink sink : sinks) {
            received.add(List.copyOf(sink.received));
        }
        long explicit = received.get(0).stream().filter(n -> n instanceof ExtendedNotification).count();
        for (int i = 0; i < handles.length; i++) {
            assertEquals(explicit, received.get(i).stream().filter(n -> n instanceof ExtendedNotification).count(),
                    "handle " + i + ": " + received.get(i));
        }
        handles[0].release();
        handles[2].release();
    }

    private static byte[] identity(MapiSessionHandle session) {
        Out<byte[]> id = new Out<>();
        assertHr(HResult.S_OK, session.queryIdentity(id));
        return id.get();
    }
}
