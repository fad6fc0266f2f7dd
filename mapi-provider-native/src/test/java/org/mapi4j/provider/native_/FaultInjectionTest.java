package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_NETWORK_ERROR;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.MAPI_W_ERRORS_RETURNED;
import static org.mapi4j.spi.HResult.S_OK;

import org.junit.jupiter.api.Test;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;

/** GEN-2: what the library returns comes back unchanged; LOGOFF-3: a failing Logoff still logs off. */
class FaultInjectionTest extends ReferenceLibraryFixture {

    @Test
    void gen2QueryIdentityFailureComesBackExactly() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        control.MAPI4J_InjectFault("QueryIdentity", 0x80040115);
        Out<byte[]> id = new Out<>();
        assertEquals(0x80040115, session.queryIdentity(id));
        assertEquals(MAPI_E_NETWORK_ERROR, 0x80040115);
        assertNull(id.get());
        assertHr(S_OK, session.queryIdentity(id)); // one shot
        session.release();
        provider.uninitialize();
    }

    @Test
    void gen2AWarningIsASuccessAndComesBackToo() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        control.MAPI4J_InjectFault("QueryIdentity", MAPI_W_ERRORS_RETURNED);
        Out<byte[]> id = new Out<>();
        assertHr(MAPI_W_ERRORS_RETURNED, session.queryIdentity(id));
        assertEquals(true, id.get().length > 0, "the warning's call did its work, and the buffer was freed");
        session.release();
        provider.uninitialize();
    }

    @Test
    void gen2LogonFailureComesBackAndNothingIsCreated() {
        initialize();
        control.MAPI4J_InjectFault("MAPILogonEx", MAPI_E_LOGON_FAILED);
        Out<MapiSessionHandle> out = new Out<>();
        assertHr(MAPI_E_LOGON_FAILED, provider.logon(0, null, null, LOGON_DEFAULT, out));
        assertNull(out.get());
        control.MAPI4J_InjectFault("MAPILogonEx", MAPI_E_CALL_FAILED);
        assertHr(MAPI_E_CALL_FAILED, provider.logon(0, null, null, LOGON_DEFAULT, out));
        provider.uninitialize();
    }

    @Test
    void logoff3AFailingLogoffStillLogsOff() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        RecordingSink sink = new RecordingSink();
        session.advise(null, 0, sink, new LongOut());
        control.MAPI4J_InjectFault("Logoff", MAPI_E_CALL_FAILED);

        assertHr(MAPI_E_CALL_FAILED, session.logoff(0, 0, 0));

        assertEquals(HandleState.LOGGED_OFF, ((NativeSession) session).handleState());
        assertHr(MAPI_E_INVALID_OBJECT, session.queryIdentity(new Out<>()));
        assertHr(MAPI_E_INVALID_OBJECT, session.logoff(0, 0, 0));
        assertEquals(0, sink.held(), "its registrations ended");
        session.release();
        provider.uninitialize();
    }

    @Test
    void init6AFailingNativeInitializeDoesNotCount() {
        control.MAPI4J_InjectFault("MAPIInitialize", MAPI_E_CALL_FAILED);
        assertHr(MAPI_E_CALL_FAILED, provider.initialize(null));
        assertEquals(0, provider.initCount());
        assertHr(MAPI_E_NOT_INITIALIZED, provider.logon(0, null, null, LOGON_DEFAULT, new Out<>()));
    }

    @Test
    void gen2TableAndAdviseFailuresComeBack() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        control.MAPI4J_InjectFault("GetMsgStoresTable", 0x8004010E);
        Out<MapiTable> table = new Out<>();
        assertEquals(0x8004010E, session.getMsgStoresTable(0, table));
        assertNull(table.get());
        assertHr(S_OK, session.getMsgStoresTable(0, table));
        control.MAPI4J_InjectFault("GetRowCount", 0x80040116);
        assertEquals(0x80040116, table.get().getRowCount(0, new IntOut()));
        table.get().release();

        control.MAPI4J_InjectFault("Advise", 0x8004010B);
        RecordingSink sink = new RecordingSink();
        LongOut connection = new LongOut();
        assertEquals(0x8004010B, session.advise(null, 0, sink, connection));
        assertEquals(0L, connection.get());
        assertEquals(0, sink.addRefs.get(), "no registration, no reference");
        session.release();
        provider.uninitialize();
    }
}
