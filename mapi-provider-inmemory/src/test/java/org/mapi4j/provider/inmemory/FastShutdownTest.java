package org.mapi4j.provider.inmemory;

import org.mapi4j.spi.FastShutdownPolicy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;

/** Spec B.9: fast shutdown (FAST-1 to FAST-5) over the configurable policy of A.11. */
class FastShutdownTest {

    private static Fx fx(int policy, boolean optsOut) {
        return new Fx(InMemoryProvider.builder().profile("Default", "Personal Folders").defaultProfile("Default")
                .fastShutdownPolicy(FastShutdownPolicy.values()[policy]).serviceOptsOutOfFastShutdown(optsOut).build());
    }

    private static ClientShutdown shutdownOf(MapiSessionHandle handle) {
        Out<Object> ppv = new Out<>();
        assertEquals(0x00000000, handle.queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, ppv));
        return (ClientShutdown) ppv.get();
    }

    @Test
    @DisplayName("FAST-1: QueryInterface(IID_IMAPIClientShutdown) -> S_OK; unknown IIDs -> 0x80004002 with NULL out")
    void FAST_1_queryInterface() {
        try (Fx fx = fx(0, false)) {
            InMemorySessionHandle handle = fx.individual();
            ClientShutdown shutdown = shutdownOf(handle);
            Out<Object> self = new Out<>();
            assertEquals(Hr.S_OK, shutdown.queryInterface(Iids.IID_IUNKNOWN, self));
            assertSame(shutdown, self.get());
            Out<Object> none = new Out<>();
            none.set("garbage");
            assertEquals(0x80004002, handle.queryInterface(UUID.fromString("12345678-0000-0000-C000-000000000046"), none));
            assertNull(none.get());
            assertEquals(0x80004002, handle.queryInterface(Iids.IID_IMAPIPROVIDERSHUTDOWN, none));
            assertNull(none.get());
            assertEquals(Hr.S_OK, handle.queryInterface(Iids.IID_IMAPISESSION, self));
            assertSame(handle, self.get());
        }
    }

    @ParameterizedTest(name = "policy {0}, a service opts out: {1} -> 0x{2}")
    @CsvSource({"0, false, 00000000", "1, false, 00000000", "2, false, 80040102",
            "0, true, 80040102", "1, true, 80040102", "2, true, 80040102"})
    @DisplayName("FAST-2/FAST-3: QueryFastShutdown follows the policy; NotifyProcessShutdown is S_OK; no state change")
    void FAST_2_queryFollowsPolicy(int policy, boolean optsOut, String expectedHex) {
        int expected = Integer.parseUnsignedInt(expectedHex, 16);
        try (Fx fx = fx(policy, optsOut)) {
            InMemorySessionHandle handle = fx.individual();
            ClientShutdown shutdown = shutdownOf(handle);
            assertEquals(expected, shutdown.queryFastShutdown());
            assertEquals(expected, shutdown.queryFastShutdown(), "asking again changes nothing");
            assertEquals(0x00000000, shutdown.notifyProcessShutdown(), "FAST-3");
            assertEquals(HandleState.LOGGED_ON, handle.handleState());
            assertEquals(1, fx.provider.initCount());
            assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
        }
    }

    @ParameterizedTest(name = "policy {0}, a service opts out: {1}")
    @CsvSource({"2, false", "0, true", "1, true"})
    @DisplayName("FAST-4: DoFastShutdown -> MAPI_E_NO_SUPPORT when not permitted, and nothing changes")
    void FAST_4_doRefused(int policy, boolean optsOut) {
        try (Fx fx = fx(policy, optsOut)) {
            Probe probe = Probe.shared(fx);
            ClientShutdown shutdown = shutdownOf(probe.handle);
            assertEquals(0x80040102, shutdown.doFastShutdown());
            probe.assertUnchanged();
            probe.assertNormalLogoff();
        }
    }

    @ParameterizedTest(name = "policy {0}")
    @CsvSource({"0", "1"})
    @DisplayName("FAST-4: DoFastShutdown without a prior QueryFastShutdown is allowed -> S_OK")
    void FAST_4_doWithoutQuery(int policy) {
        try (Fx fx = fx(policy, false)) {
            assertEquals(0x00000000, shutdownOf(fx.individual()).doFastShutdown());
        }
    }

    @Test
    @DisplayName("FAST-5: after DoFastShutdown the instance is TERMINATED: handles and children invalid, no logoff processing")
    void FAST_5_terminated() {
        Fx fx = fx(0, false);
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        InMemorySessionHandle individual = fx.individual();
        RecordingSink ownerSink = new RecordingSink();
        RecordingSink joinerSink = new RecordingSink();
        Fx.advise(owner, ownerSink);
        Fx.advise(joiner, joinerSink);
        Out<MapiTable> table = new Out<>();
        assertEquals(Hr.S_OK, individual.getMsgStoresTable(0, table));
        ClientShutdown shutdown = shutdownOf(owner);
        assertEquals(Hr.S_OK, shutdown.queryFastShutdown());
        assertEquals(Hr.S_OK, shutdown.notifyProcessShutdown());

        assertEquals(0x00000000, shutdown.doFastShutdown());

        for (InMemorySessionHandle handle : List.of(owner, joiner, individual)) {
            assertEquals(HandleState.INVALIDATED, handle.handleState());
            AllMethods.assertAll(handle, 0x80040108, () -> new byte[] {1});
            assertEquals(2, handle.addRef());
            assertEquals(1, handle.release());
            assertEquals(0, handle.release());
        }
        assertEquals(0, ownerSink.calls.get() + joinerSink.calls.get(), "no logoff or shared-logoff notification");
        assertEquals(0x80040108, table.get().getRowCount(0, new IntOut()));
        assertEquals(0, table.get().release());
        assertEquals(0x80040108, shutdown.queryFastShutdown());
        assertEquals(0x80040108, shutdown.doFastShutdown());
        assertEquals(0, shutdown.release());
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(0x80040605, fx.provider.logon(0, "Default", null, Hr.NEW_SESSION, out));
        assertNull(out.get());
        assertEquals(0x80040605, fx.provider.initialize(null));
        assertEquals(0x80040605, fx.provider.initialize(new MapiInit(0, 0)));
        assertDoesNotThrow(fx.provider::uninitialize);
        assertDoesNotThrow(fx.provider::uninitialize);
        assertEquals(0x80040605, fx.provider.logon(0, "Default", null, Hr.NEW_SESSION, out));
        assertEquals(0, fx.provider.liveSessionCount());
        fx.close();
    }
}
