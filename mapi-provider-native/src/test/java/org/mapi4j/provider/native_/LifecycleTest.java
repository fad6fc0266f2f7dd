package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropTags;
import org.mapi4j.spi.PropValue;

/** The whole session lifecycle over the reference library, through the provider SPI. */
class LifecycleTest extends ReferenceLibraryFixture {

    @Test
    void initLogonIdentityStoresAdviseLogoffReleaseUninit() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);

        Out<byte[]> identity = new Out<>();
        assertHr(S_OK, session.queryIdentity(identity));
        assertTrue(identity.get().length > 20, "an entry id with the MAPIUID header");
        Out<byte[]> again = new Out<>();
        assertHr(S_OK, session.queryIdentity(again));
        IntOut same = new IntOut();
        assertHr(S_OK, session.compareEntryIDs(identity.get(), again.get(), 0, same));
        assertEquals(1, same.get());

        Out<MapiTable> table = new Out<>();
        assertHr(S_OK, session.getMsgStoresTable(0, table));
        IntOut rows = new IntOut();
        assertHr(S_OK, table.get().getRowCount(0, rows));
        assertEquals(1, rows.get(), "the Default profile has one store");
        Out<List<List<PropValue>>> read = new Out<>();
        assertHr(S_OK, table.get().queryRows(10, 0, read));
        List<PropValue> row = read.get().get(0);
        assertEquals(new PropValue(PropTags.PR_DISPLAY_NAME, "Personal Folders"), row.get(1));
        assertEquals(new PropValue(PropTags.PR_DEFAULT_STORE, true), row.get(2));
        assertEquals(PropTags.PR_ENTRYID, row.get(0).tag());
        assertEquals(0, table.get().release());

        RecordingSink sink = new RecordingSink();
        LongOut connection = new LongOut();
        assertHr(S_OK, session.advise(null, MapiConstants.FNEV_CRITICAL_ERROR, sink, connection));
        assertNotEquals(0L, connection.get());
        assertEquals(1, sink.held());
        assertHr(S_OK, session.unadvise(connection.get()));
        assertEquals(0, sink.held());
        assertHr(MAPI_E_NOT_FOUND, session.unadvise(connection.get()));

        assertHr(S_OK, session.logoff(0, 0, 0));
        assertHr(MAPI_E_INVALID_OBJECT, session.logoff(0, 0, 0));
        assertEquals(0, session.release());
        provider.uninitialize();
        assertEquals(0, provider.initCount());
    }

    @Test
    void logonBeforeInitializeIsNotInitialized() {
        Out<MapiSessionHandle> out = new Out<>();
        assertHr(MAPI_E_NOT_INITIALIZED, provider.logon(0, null, null, LOGON_DEFAULT, out));
        assertNull(out.get());
    }

    @Test
    void namedProfileWithUnicodeFlagReachesTheLibraryAsUtf16() {
        initialize();
        Out<MapiSessionHandle> out = new Out<>();
        int flags = MapiConstants.MAPI_EXTENDED | MapiConstants.MAPI_NEW_SESSION | MapiConstants.MAPI_UNICODE;
        assertHr(S_OK, provider.logon(0, "Work", null, flags, out));
        Out<MapiTable> table = new Out<>();
        assertHr(S_OK, out.get().getMsgStoresTable(0, table));
        IntOut rows = new IntOut();
        assertHr(S_OK, table.get().getRowCount(0, rows));
        assertEquals(2, rows.get(), "Work has two stores");
        table.get().release();
        out.get().release();
        provider.uninitialize();
    }

    @Test
    void unsupportedSlotsReturnWhatTheLibraryReturns() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        Out<MapiProp> store = new Out<>();
        // The library opens no stores; an identifier none of its stores has is unknown (decision 8).
        assertHr(HResult.MAPI_E_UNKNOWN_ENTRYID, session.openMsgStore(0, new byte[] {1, 2, 3}, null, 0, store));
        assertNull(store.get());
        assertHr(MAPI_E_NO_SUPPORT, session.openAddressBook(0, null, 0, new Out<>()));
        assertHr(MAPI_E_NO_SUPPORT, session.getStatusTable(0, new Out<>()));
        assertHr(MAPI_E_NO_SUPPORT, session.setDefaultStore(0, new byte[] {1}));
        assertHr(MAPI_E_NO_SUPPORT, session.prepareForm(null, null, new LongOut()));
        assertHr(MAPI_E_NO_SUPPORT, session.getLastError(0, 0, new Out<>()));
        assertHr(MAPI_E_NO_SUPPORT, session.enumAdrTypes(0, new Out<>()));
        session.release(); // REL-1: logs off implicitly
        provider.uninitialize();
    }

    @Test
    void queryInterfaceForClientShutdownWrapsTheNativeObject() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        Out<Object> ppv = new Out<>();
        assertHr(S_OK, session.queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, ppv));
        ClientShutdown shutdown = assertInstanceOf(ClientShutdown.class, ppv.get());
        assertHr(S_OK, shutdown.queryFastShutdown());
        assertHr(S_OK, shutdown.notifyProcessShutdown());
        assertEquals(0, shutdown.release());

        Out<Object> self = new Out<>();
        assertHr(S_OK, session.queryInterface(Iids.IID_IMAPISESSION, self));
        assertTrue(self.get() == session, "the same Java object, with a Java reference added");
        assertEquals(1, session.release());
        assertEquals(0, session.release());
        provider.uninitialize();
    }

    @Test
    void fast5DoFastShutdownTerminatesTheInstance() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        Out<Object> ppv = new Out<>();
        assertHr(S_OK, session.queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, ppv));
        ClientShutdown shutdown = (ClientShutdown) ppv.get();
        assertHr(S_OK, shutdown.doFastShutdown());
        assertHr(MAPI_E_INVALID_OBJECT, shutdown.queryFastShutdown());
        assertHr(MAPI_E_INVALID_OBJECT, session.queryIdentity(new Out<>()));
        assertHr(MAPI_E_NOT_INITIALIZED, provider.initialize(null));
        assertHr(MAPI_E_NOT_INITIALIZED, provider.logon(0, null, null, LOGON_DEFAULT, new Out<>()));
        assertEquals(0, shutdown.release()); // Release still works (FAST-5)
        assertEquals(0, session.release());
    }

    @Test
    void init8LastUninitializeInvalidatesAndGivesUpNativeReferences() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        Out<MapiTable> table = new Out<>();
        assertHr(S_OK, session.getMsgStoresTable(0, table));
        NativeSession nativeSession = (NativeSession) session;

        provider.uninitialize();

        assertEquals(HandleState.INVALIDATED, nativeSession.handleState());
        assertHr(MAPI_E_INVALID_OBJECT, session.queryIdentity(new Out<>()));
        assertHr(MAPI_E_INVALID_OBJECT, table.get().getRowCount(0, new IntOut())); // CHILD-1
        assertEquals(0, provider.outstandingNativeObjects(), "released before native MAPIUninitialize");
        assertEquals(0, table.get().release());
        assertEquals(0, session.release()); // the Java reference; the native one is already gone
    }

    @Test
    void child1TablesDieWithTheirSession() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        Out<MapiTable> table = new Out<>();
        assertHr(S_OK, session.getMsgStoresTable(0, table));
        assertHr(S_OK, session.logoff(0, 0, 0));
        assertHr(MAPI_E_INVALID_OBJECT, table.get().getRowCount(0, new IntOut()));
        assertHr(MAPI_E_INVALID_OBJECT, table.get().queryRows(1, 0, new Out<>()));
        assertEquals(2, table.get().addRef());
        assertEquals(1, table.get().release());
        assertEquals(0, session.release());
        assertNotNull(table.get());
        assertEquals(0, table.get().release());
        provider.uninitialize();
    }
}
