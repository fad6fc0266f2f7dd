package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.Out;

/** Spec B.8: Advise / Unadvise (NOTIFY-1 to NOTIFY-7, NOTIFY-9). NOTIFY-5/6 under races: {@link NotifyRaceTest}. */
class NotifyTest {

    private final Fx fx = new Fx();

    NotifyTest() {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @ParameterizedTest(name = "mask 0x{0}")
    @ValueSource(ints = {0, 0x1, 0x2, 0x100, 0x200, 0x40000000, 0x7FFFFFFF})
    @DisplayName("NOTIFY-1: session-level Advise -> S_OK, conn != 0, always covers fnevCriticalError")
    void NOTIFY_1_sessionRegistrationCoversCriticalError(int mask) {
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        RecordingSink sink = new RecordingSink();
        LongOut connection = new LongOut();
        assertEquals(0x00000000, joiner.advise(null, mask, sink, connection));
        assertNotEquals(0L, connection.get());
        assertEquals(1, sink.held(), "AddRef on Advise (NOTIFY-5)");
        assertEquals(Hr.S_OK, owner.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(1, sink.criticalErrors());
        assertEquals(Hr.S_OK, joiner.logoff(0, 0, 0));
        assertEquals(1, sink.calls.get(), "no fnevExtended without the bit in the mask");
    }

    @Test
    @DisplayName("NOTIFY-1: fnevExtended is covered when in the mask")
    void NOTIFY_1_extendedWhenAsked() {
        InMemorySessionHandle handle = fx.individual();
        RecordingSink sink = new RecordingSink();
        assertEquals(Hr.S_OK, handle.advise(null, 0x80000000, sink, new LongOut()));
        assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
        assertEquals(List.of(ExtendedNotification.LOGOFF), sink.received);
    }

    @Test
    @DisplayName("NOTIFY-2: a null sink, an empty entry id or a null out -> MAPI_E_INVALID_PARAMETER, nothing registered")
    void NOTIFY_2_badArguments() {
        Probe probe = Probe.individual(fx);
        LongOut connection = new LongOut();
        connection.set(77);
        assertEquals(0x80070057, probe.handle.advise(null, 1, null, connection));
        assertEquals(0L, connection.get());
        RecordingSink sink = new RecordingSink();
        connection.set(77);
        assertEquals(0x80070057, probe.handle.advise(new byte[0], 1, sink, connection));
        assertEquals(0L, connection.get());
        assertEquals(0x80070057, probe.handle.advise(null, 1, sink, null));
        assertEquals(0, sink.addRefs.get(), "no AddRef on a rejected Advise (GEN-4)");
        probe.assertUnchanged();
        probe.assertNormalLogoff();
    }

    @Test
    @DisplayName("NOTIFY-3: object registration: malformed 0x80040107, unknown 0x80040201, unsupported 0x80040102")
    void NOTIFY_3_objectRegistration() {
        InMemorySessionHandle handle = fx.individual();
        InMemorySessionHandle work = fx.logon("Work", Hr.NEW_SESSION);
        RecordingSink sink = new RecordingSink();
        LongOut connection = new LongOut();
        assertEquals(0x80040107, handle.advise(new byte[] {1, 2, 3}, 1, sink, connection));
        assertEquals(0x80040107, handle.advise(new byte[40], 1, sink, connection));
        Out<byte[]> foreign = new Out<>();
        assertEquals(Hr.S_OK, work.queryIdentity(foreign));
        assertEquals(0x80040201, handle.advise(foreign.get(), 1, sink, connection), "another profile's identity");
        Out<byte[]> own = new Out<>();
        assertEquals(Hr.S_OK, handle.queryIdentity(own));
        assertEquals(0x80040102, handle.advise(own.get(), 1, sink, connection));
        assertEquals(0L, connection.get());
        assertEquals(0, sink.addRefs.get());
        assertEquals(0, handle.registrationCount());
    }

    @Test
    @DisplayName("NOTIFY-4: connection numbers are non-zero, unique and never reused, also across handles")
    void NOTIFY_4_connectionNumbers() {
        InMemorySessionHandle a = fx.individual();
        InMemorySessionHandle b = fx.individual();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            for (InMemorySessionHandle handle : List.of(a, b)) {
                long connection = Fx.advise(handle, new RecordingSink());
                assertNotEquals(0L, connection);
                assertTrue(seen.add(connection), "reused: " + connection);
                if (i % 2 == 0) {
                    assertEquals(Hr.S_OK, handle.unadvise(connection));
                }
            }
        }
    }

    @Test
    @DisplayName("NOTIFY-5: Advise AddRefs the sink once; Unadvise releases it once")
    void NOTIFY_5_sinkReferences() {
        InMemorySessionHandle handle = fx.individual();
        RecordingSink sink = new RecordingSink();
        long first = Fx.advise(handle, sink);
        long second = Fx.advise(handle, sink);
        assertEquals(2, sink.addRefs.get());
        assertEquals(Hr.S_OK, handle.unadvise(first));
        assertEquals(1, sink.releases.get());
        assertEquals(Hr.MAPI_E_NOT_FOUND, handle.unadvise(first));
        assertEquals(1, sink.releases.get(), "no second Release");
        assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
        assertEquals(2, sink.releases.get(), "Logoff released the other registration");
        assertNotEquals(first, second);
    }

    @Test
    @DisplayName("NOTIFY-6: after Unadvise returned no OnNotify reaches the sink")
    void NOTIFY_6_noDeliveryAfterUnadvise() {
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        RecordingSink cancelled = new RecordingSink();
        RecordingSink kept = new RecordingSink();
        long connection = Fx.advise(joiner, cancelled);
        Fx.advise(joiner, kept);
        assertEquals(0x00000000, joiner.unadvise(connection));
        assertEquals(Hr.S_OK, owner.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(0, cancelled.calls.get());
        assertEquals(1, kept.criticalErrors());
    }

    @Test
    @DisplayName("NOTIFY-7: Unadvise of 0, unknown, foreign or cancelled numbers -> MAPI_E_NOT_FOUND (0x8004010F), no effect")
    void NOTIFY_7_unknownConnections() {
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle other = fx.individual();
        Probe probe = Probe.joined(fx);
        long foreign = Fx.advise(other, new RecordingSink());
        long cancelled = Fx.advise(probe.handle, new RecordingSink());
        assertEquals(Hr.S_OK, probe.handle.unadvise(cancelled));
        for (long connection : new long[] {0L, 999_999_999L, -1L, Long.MIN_VALUE, foreign, cancelled}) {
            assertEquals(0x8004010F, probe.handle.unadvise(connection), "connection " + connection);
        }
        assertEquals(1, other.registrationCount(), "the other handle's registration is untouched");
        probe.assertUnchanged();
        assertEquals(Hr.S_OK, owner.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(1, probe.sink.criticalErrors(), "the registration still works");
    }

    @Test
    @DisplayName("NOTIFY-9: Advise and Unadvise after Logoff or invalidation -> MAPI_E_INVALID_OBJECT")
    void NOTIFY_9_afterLogoff() {
        InMemorySessionHandle handle = fx.individual();
        long connection = Fx.advise(handle, new RecordingSink());
        assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
        RecordingSink sink = new RecordingSink();
        LongOut out = new LongOut();
        assertEquals(0x80040108, handle.advise(null, 1, sink, out));
        assertEquals(0x80040108, handle.advise(null, 1, null, out), "state before arguments (GEN-3)");
        assertEquals(0x80040108, handle.unadvise(connection));
        assertEquals(0x80040108, handle.unadvise(0));
        assertEquals(0, sink.addRefs.get());
        InMemorySessionHandle invalidated = fx.individual();
        long other = Fx.advise(invalidated, new RecordingSink());
        fx.provider.uninitialize();
        assertEquals(0x80040108, invalidated.advise(null, 1, sink, out));
        assertEquals(0x80040108, invalidated.unadvise(other));
        assertFalse(invalidated.isLoggedOn());
    }
}
