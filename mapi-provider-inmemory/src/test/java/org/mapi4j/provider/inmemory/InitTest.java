package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.IntStream;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/** Spec B.2: MAPIInitialize / MAPIUninitialize (INIT-1 to INIT-11). */
class InitTest {

    private final InMemoryProvider provider = new InMemoryProvider();

    static IntStream undefinedInitBits() {
        return IntStream.range(0, 32).map(bit -> 1 << bit).filter(bit -> (bit & 0x00010009) == 0);
    }

    @Test
    @DisplayName("INIT-1: MAPIInitialize(NULL) -> S_OK and the count goes up")
    void INIT_1_nullInit() {
        assertEquals(0, provider.initCount());
        assertEquals(0x00000000, provider.initialize(null));
        assertEquals(1, provider.initCount());
        provider.uninitialize();
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(ints = {0x0, 0x1, 0x8, 0x10000, 0x9, 0x10001, 0x10008, 0x10009})
    @DisplayName("INIT-2: MAPIINIT_0 {0, valid flags} -> S_OK and the count goes up")
    void INIT_2_validFlags(int flags) {
        assertEquals(0x00000000, provider.initialize(new MapiInit(0, flags)));
        assertEquals(1, provider.initCount());
        provider.uninitialize();
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {1, 2, -1, Integer.MIN_VALUE, 0x00010000})
    @DisplayName("INIT-3: a bad ulVersion -> MAPI_E_INVALID_PARAMETER (0x80070057), count unchanged")
    void INIT_3_badVersion(int version) {
        assertEquals(0x80070057, provider.initialize(new MapiInit(version, 0)));
        assertEquals(0, provider.initCount());
        assertEquals(0x80040605, provider.logon(0, "Default", null, Hr.NEW_SESSION, new Out<>()));
    }

    @ParameterizedTest(name = "bit 0x{0}")
    @MethodSource("undefinedInitBits")
    @DisplayName("INIT-4: each undefined ulFlags bit (incl. 0x40000000) -> MAPI_E_UNKNOWN_FLAGS, count unchanged")
    void INIT_4_eachBadFlagBit(int bit) {
        assertEquals(0x80040106, provider.initialize(new MapiInit(0, bit)));
        assertEquals(0x80040106, provider.initialize(new MapiInit(0, bit | 0x1)));
        assertEquals(0x80040106, provider.initialize(new MapiInit(7, bit)), "flags are checked before the version");
        assertEquals(0, provider.initCount());
        assertEquals(Hr.S_OK, provider.initialize(null), "a valid call still works");
        assertEquals(0x80040106, provider.initialize(new MapiInit(0, bit)));
        assertEquals(1, provider.initCount());
        provider.uninitialize();
    }

    @Test
    @DisplayName("INIT-5: nested MAPIInitialize -> S_OK each time; later flags validated, then ignored")
    void INIT_5_nesting() {
        assertEquals(Hr.S_OK, provider.initialize(new MapiInit(0, 0x1)));
        assertEquals(Hr.S_OK, provider.initialize(null));
        assertEquals(Hr.S_OK, provider.initialize(new MapiInit(0, 0x10008)));
        assertEquals(0x80040106, provider.initialize(new MapiInit(0, 0x40000000)));
        assertEquals(3, provider.initCount());
        for (int i = 0; i < 3; i++) {
            provider.uninitialize();
        }
        assertEquals(0, provider.initCount());
    }

    @Test
    @DisplayName("INIT-6: a failing MAPIInitialize does not count (a later uninitialize is unbalanced)")
    void INIT_6_failureDoesNotCount() {
        assertEquals(Hr.S_OK, provider.initialize(null));
        assertEquals(0x80070057, provider.initialize(new MapiInit(1, 0)));
        assertEquals(0x80040106, provider.initialize(new MapiInit(0, 0x2)));
        assertEquals(1, provider.initCount());
        MapiSessionHandle handle = logon();
        provider.uninitialize();
        assertEquals(HandleState.INVALIDATED, ((InMemorySessionHandle) handle).handleState(),
                "one uninitialize balanced the one successful initialize");
    }

    @Test
    @DisplayName("INIT-7: MAPIUninitialize decrements; sessions stay logged on while the count is above 0")
    void INIT_7_decrement() {
        provider.initialize(null);
        provider.initialize(null);
        InMemorySessionHandle handle = logon();
        provider.uninitialize();
        assertEquals(1, provider.initCount());
        assertEquals(HandleState.LOGGED_ON, handle.handleState());
        provider.uninitialize();
        assertEquals(0, provider.initCount());
    }

    @Test
    @DisplayName("INIT-8: the last MAPIUninitialize invalidates live handles: sinks released, only LOGOFF-4's notification")
    void INIT_8_lastUninitializeInvalidates() {
        provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        provider.initialize(null);
        Fx fx = new Fx(provider);
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        InMemorySessionHandle single = fx.individual();
        assertEquals(Hr.S_OK, single.logoff(0, 0, 0));
        RecordingSink ownerSink = new RecordingSink();
        RecordingSink joinerSink = new RecordingSink();
        Fx.advise(owner, ownerSink);
        Fx.advise(joiner, joinerSink);
        provider.uninitialize();
        assertEquals(1, provider.initCount());
        assertEquals(HandleState.LOGGED_ON, owner.handleState());
        provider.uninitialize();
        assertEquals(HandleState.INVALIDATED, owner.handleState());
        assertEquals(HandleState.INVALIDATED, joiner.handleState());
        assertEquals(HandleState.LOGGED_OFF, single.handleState(), "already logged off: stays LOGGED_OFF");
        assertEquals(0, ownerSink.held());
        assertEquals(0, joinerSink.held());
        assertEquals(0, ownerSink.criticalErrors() + joinerSink.criticalErrors(), "no shared-logoff notification");
        assertEquals(List.of(ExtendedNotification.LOGOFF), ownerSink.received, "LOGOFF-4, as for every logoff (decision 8)");
        assertEquals(List.of(ExtendedNotification.LOGOFF), joinerSink.received);
        assertEquals(UnderlyingSession.State.ENDED, owner.session().state());
        assertEquals(0, provider.liveSessionCount());
        assertEquals(2, owner.addRef(), "AddRef still works");
        assertEquals(1, owner.release(), "Release still works");
        assertEquals(0, owner.release());
        // The published session was cleared: after re-initialization nothing can be joined.
        assertEquals(Hr.S_OK, provider.initialize(null));
        assertEquals(0x80040111, provider.logon(0, null, null, Hr.EXTENDED, new Out<>()));
        provider.uninitialize();
    }

    @Test
    @DisplayName("INIT-9: B.11 unbalanced MAPIUninitialize -> no exception, no state change")
    void INIT_9_unbalancedUninitialize() {
        assertDoesNotThrow(provider::uninitialize);
        assertDoesNotThrow(provider::uninitialize);
        assertEquals(0, provider.initCount());
        assertEquals(Hr.S_OK, provider.initialize(null));
        assertEquals(1, provider.initCount(), "the unbalanced calls did not drive the count negative");
        InMemorySessionHandle handle = logon();
        provider.uninitialize();
        assertDoesNotThrow(provider::uninitialize);
        assertEquals(HandleState.INVALIDATED, handle.handleState());
    }

    @Test
    @DisplayName("INIT-10: B.11 logon before initialize -> 0x80040605, nothing created")
    void INIT_10_logonBeforeInitialize() {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(0x80040605, provider.logon(0, "Default", null, Hr.NEW_SESSION | Hr.EXTENDED, out));
        assertNull(out.get());
        assertEquals(0x80040605, provider.logon(0, null, null, Hr.USE_DEFAULT | Hr.ALLOW_OTHERS, out));
        assertEquals(0, provider.liveSessionCount());
        provider.initialize(null);
        provider.uninitialize();
        assertEquals(0x80040605, provider.logon(0, "Default", null, Hr.NEW_SESSION, out), "after the last uninitialize");
        assertNull(out.get());
    }

    @Test
    @DisplayName("INIT-11: after the count returned to 0 MAPIInitialize works again; old handles stay invalid")
    void INIT_11_reinitialize() {
        provider.initialize(null);
        InMemorySessionHandle old = logon();
        provider.uninitialize();
        assertEquals(0x00000000, provider.initialize(null));
        assertEquals(HandleState.INVALIDATED, old.handleState());
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, old.logoff(0, 0, 0));
        InMemorySessionHandle fresh = logon();
        assertEquals(Hr.S_OK, fresh.logoff(0, 0, 0));
        provider.uninitialize();
    }

    private InMemorySessionHandle logon() {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(Hr.S_OK, provider.logon(0, "Default", null, Hr.NEW_SESSION | Hr.EXTENDED, out));
        return (InMemorySessionHandle) out.get();
    }
}
