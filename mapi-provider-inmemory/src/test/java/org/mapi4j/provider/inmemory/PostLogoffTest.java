package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;

/** Spec B.6: POSTLOGOFF-1 to POSTLOGOFF-4 on LOGGED_OFF and INVALIDATED handles. */
class PostLogoffTest {

    private static final byte[] SOME_ID = {0, 0, 0, 0, 'm', '4', 'j', 'M', 2, 'x'};

    private final Fx fx = new Fx();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    @DisplayName("POSTLOGOFF-1: every IMAPISession method returns MAPI_E_INVALID_OBJECT after Logoff, out-params cleared")
    void POSTLOGOFF_1_everyMethodAfterLogoff() {
        InMemorySessionHandle handle = fx.individual();
        assertEquals(0, handle.logoff(0, 0, 0));
        AllMethods.assertAll(handle, 0x80040108, () -> SOME_ID.clone());
    }

    @Test
    @DisplayName("POSTLOGOFF-1: B.11 logoff twice -> 0 then 0x80040108; getMsgStoresTable after logoff -> 0x80040108")
    void POSTLOGOFF_1_referenceCases() {
        InMemorySessionHandle handle = fx.individual();
        assertEquals(0, handle.logoff(0, 0, 0));
        assertEquals(0x80040108, handle.logoff(0, 0, 0));
        Out<MapiTable> table = new Out<>();
        assertEquals(0x80040108, handle.getMsgStoresTable(0, table));
        assertNull(table.get());
    }

    @Test
    @DisplayName("POSTLOGOFF-1: every method returns MAPI_E_INVALID_OBJECT on an INVALIDATED handle (INIT-8)")
    void POSTLOGOFF_1_everyMethodWhenInvalidated() {
        InMemorySessionHandle handle = fx.individual();
        fx.provider.uninitialize();
        assertEquals(HandleState.INVALIDATED, handle.handleState());
        AllMethods.assertAll(handle, 0x80040108, () -> SOME_ID.clone());
    }

    @Test
    @DisplayName("POSTLOGOFF-2: B.11 release after logoff -> 0; Release decrements in every state")
    void POSTLOGOFF_2_releaseAfterLogoff() {
        InMemorySessionHandle handle = fx.individual();
        assertEquals(0, handle.logoff(0, 0, 0));
        assertEquals(0, handle.release());
        assertEquals(HandleState.DESTROYED, handle.handleState());

        InMemorySessionHandle second = fx.individual();
        assertEquals(2, second.addRef());
        assertEquals(0, second.logoff(0, 0, 0));
        assertEquals(1, second.release());
        assertEquals(HandleState.LOGGED_OFF, second.handleState());
        assertEquals(0, second.release());
        assertEquals(HandleState.DESTROYED, second.handleState());
        assertEquals(0x80040108, second.logoff(0, 0, 0));
    }

    @Test
    @DisplayName("POSTLOGOFF-3: AddRef keeps working after Logoff")
    void POSTLOGOFF_3_addRefAfterLogoff() {
        InMemorySessionHandle handle = fx.individual();
        assertEquals(0, handle.logoff(0, 0, 0));
        assertEquals(2, handle.addRef());
        assertEquals(3, handle.addRef());
        assertEquals(2, handle.release());
        assertEquals(HandleState.LOGGED_OFF, handle.handleState());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"00000000-0000-0000-C000-000000000046", "00020300-0000-0000-C000-000000000046",
            "00020397-0000-0000-C000-000000000046", "00020302-0000-0000-C000-000000000046",
            "12345678-1234-1234-1234-123456789abc"})
    @DisplayName("POSTLOGOFF-4: QueryInterface after Logoff -> MAPI_E_INVALID_OBJECT with a NULL out for every IID")
    void POSTLOGOFF_4_queryInterfaceAfterLogoff(String iid) {
        InMemorySessionHandle other = fx.individual();
        assertEquals(0, other.logoff(0, 0, 0));
        int refs = other.references();
        Out<Object> after = new Out<>();
        after.set("garbage");
        assertEquals(0x80040108, other.queryInterface(UUID.fromString(iid), after));
        assertNull(after.get());
        assertEquals(refs, other.references(), "no reference added");
    }

    @Test
    @DisplayName("POSTLOGOFF-4: QueryInterface(IID_IMAPIClientShutdown) on an INVALIDATED handle -> MAPI_E_INVALID_OBJECT")
    void POSTLOGOFF_4_queryInterfaceWhenInvalidated() {
        InMemorySessionHandle handle = fx.individual();
        fx.provider.uninitialize();
        Out<Object> ppv = new Out<>();
        ppv.set("garbage");
        assertEquals(0x80040108, handle.queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, ppv));
        assertNull(ppv.get());
    }
}
