package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.MapiException;
import org.mapi4j.MapiSession;
import org.mapi4j.MapiSubsystem;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.MapiSessionHandle;

/** POSTLOGOFF-5: MapiSession.close() is idempotent and never throws; logoff() is strict. */
class CloseTest {

    private final InMemoryProvider provider = new InMemoryProvider();
    private final MapiSubsystem mapi = MapiSubsystem.builder().provider(provider).initialize();

    @AfterEach
    void tearDown() {
        mapi.close();
    }

    private static HandleState state(MapiSessionHandle handle) {
        return ((InMemorySessionHandle) handle).handleState();
    }

    @Test
    @DisplayName("POSTLOGOFF-5: close() logs off, releases, and is idempotent")
    void POSTLOGOFF_5_closeLogsOffAndReleases() {
        MapiSession session = mapi.logon();
        MapiSessionHandle handle = session.handle();
        assertTrue(session.isLoggedOn());
        session.close();
        assertEquals(HandleState.DESTROYED, state(handle));
        assertFalse(session.isLoggedOn());
        assertDoesNotThrow(session::close);
        assertEquals(0, provider.liveSessionCount());
    }

    @Test
    @DisplayName("POSTLOGOFF-5: close() after an explicit logoff() does not throw and releases once")
    void POSTLOGOFF_5_closeAfterLogoff() {
        MapiSession session = mapi.logon();
        MapiSessionHandle handle = session.handle();
        assertEquals(2, handle.addRef()); // our own reference, to observe the count
        session.logoff();
        assertEquals(HandleState.LOGGED_OFF, state(handle));
        assertDoesNotThrow(session::close);
        assertDoesNotThrow(session::close);
        assertEquals(0, handle.release(), "close() released exactly one reference");
    }

    @Test
    @DisplayName("POSTLOGOFF-5: close() after the last MAPIUninitialize (INVALIDATED) does not throw")
    void POSTLOGOFF_5_closeWhenInvalidated() {
        MapiSession session = mapi.logon();
        MapiSessionHandle handle = session.handle();
        mapi.close();
        assertEquals(HandleState.INVALIDATED, state(handle));
        assertFalse(session.isLoggedOn());
        assertDoesNotThrow(session::close);
        assertEquals(HandleState.DESTROYED, state(handle));
    }

    @Test
    @DisplayName("POSTLOGOFF-5: close() cancels listener registrations before logging off")
    void POSTLOGOFF_5_closeCancelsRegistrations() {
        MapiSession session = mapi.logon();
        session.onSharedLogoff((s, scode) -> { });
        InMemorySessionHandle handle = (InMemorySessionHandle) session.handle();
        assertEquals(1, handle.registrationCount());
        session.close();
        assertEquals(0, handle.registrationCount());
    }

    @Test
    @DisplayName("POSTLOGOFF-1: the explicit logoff() is strict: a second one throws MAPI_E_INVALID_OBJECT")
    void POSTLOGOFF_1_strictLogoffThrows() {
        MapiSession session = mapi.logon();
        session.logoff();
        MapiException e = assertThrows(MapiException.class, session::logoff);
        assertEquals(0x80040108, e.code());
        assertEquals("POSTLOGOFF-1", e.ruleId().orElseThrow());
        MapiException stores = assertThrows(MapiException.class, session::messageStores);
        assertEquals(0x80040108, stores.code());
        session.close();
    }
}
