package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapi4j.spi.HandleState;

/** Spec B.4: the arguments of IMAPISession::Logoff, and GEN-3/GEN-4 for them. */
class LogoffArgumentsTest {

    private final Fx fx = new Fx();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    static IntStream undefinedBits() {
        return IntStream.range(2, 32).map(bit -> 1 << bit);
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(ints = {0x0, 0x1, 0x2, 0x3})
    @DisplayName("LOGOFF-FLAGS-1: 0, MAPI_LOGOFF_SHARED, MAPI_LOGOFF_UI and both are valid")
    void LOGOFF_FLAGS_1_definedFlagsAccepted(int flags) {
        InMemorySessionHandle handle = fx.individual();
        assertEquals(Hr.S_OK, handle.logoff(0, flags, 0));
        assertEquals(HandleState.LOGGED_OFF, handle.handleState());
    }

    @ParameterizedTest(name = "bit 0x{0}")
    @MethodSource("undefinedBits")
    @DisplayName("LOGOFF-FLAGS-2: each undefined bit is MAPI_E_UNKNOWN_FLAGS and changes nothing")
    void LOGOFF_FLAGS_2_eachUndefinedBitRejected(int bit) {
        Probe probe = Probe.shared(fx);
        assertEquals(Hr.MAPI_E_UNKNOWN_FLAGS, probe.handle.logoff(0, bit, 0));
        assertEquals(Hr.MAPI_E_UNKNOWN_FLAGS, probe.handle.logoff(0, bit | 0x3, 0));
        probe.assertUnchanged();
        probe.assertNormalLogoff();
    }

    @Test
    @DisplayName("LOGOFF-FLAGS-2: B.11 logoff(0, 0x4, 0) -> 0x80040106, then logoff(0, 0, 0) -> 0")
    void LOGOFF_FLAGS_2_referenceCase() {
        InMemorySessionHandle handle = fx.individual();
        assertEquals(0x80040106, handle.logoff(0, 0x4, 0));
        assertEquals(0, handle.logoff(0, 0, 0));
    }

    @Test
    @DisplayName("LOGOFF-FLAGS-2: the rejection does not ask the confirmation hook")
    void LOGOFF_FLAGS_2_hookNotAsked() {
        AtomicInteger asked = new AtomicInteger();
        fx.provider.setLogoffConfirmation(ui -> asked.incrementAndGet() >= 0);
        InMemorySessionHandle handle = fx.individual();
        assertEquals(Hr.MAPI_E_UNKNOWN_FLAGS, handle.logoff(0, 0x80000002, 0));
        assertEquals(0, asked.get());
        assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
    }

    @ParameterizedTest(name = "reserved {0}")
    @ValueSource(ints = {1, -1, Integer.MIN_VALUE, 0x7FFFFFFF, 2})
    @DisplayName("LOGOFF-RESERVED-1: a non-zero reserved argument is MAPI_E_INVALID_PARAMETER and changes nothing")
    void LOGOFF_RESERVED_1_nonZeroRejected(int reserved) {
        Probe probe = Probe.shared(fx);
        for (int flags = 0; flags <= 3; flags++) {
            assertEquals(Hr.MAPI_E_INVALID_PARAMETER, probe.handle.logoff(0, flags, reserved));
        }
        probe.assertUnchanged();
        probe.assertNormalLogoff();
    }

    @Test
    @DisplayName("LOGOFF-RESERVED-1: B.11 logoff(0, 0, 1) -> 0x80070057, then logoff(0, 0, 0) -> 0")
    void LOGOFF_RESERVED_1_referenceCase() {
        InMemorySessionHandle handle = fx.individual();
        assertEquals(0x80070057, handle.logoff(0, 0, 1));
        assertEquals(0, handle.logoff(0, 0, 0));
    }

    @ParameterizedTest(name = "reserved {0}")
    @ValueSource(ints = {1, 7, -1, Integer.MIN_VALUE})
    @DisplayName("LOGOFF-RESERVED-2: bad flags and bad reserved -> MAPI_E_UNKNOWN_FLAGS (flags first, GEN-3)")
    void LOGOFF_RESERVED_2_flagsCheckedFirst(int reserved) {
        Probe probe = Probe.individual(fx);
        assertEquals(Hr.MAPI_E_UNKNOWN_FLAGS, probe.handle.logoff(0, 0x4, reserved));
        assertEquals(Hr.MAPI_E_UNKNOWN_FLAGS, probe.handle.logoff(0, 0xFFFFFFFF, reserved));
        probe.assertUnchanged();
        probe.assertNormalLogoff();
    }

    @Test
    @DisplayName("LOGOFF-RESERVED-2: B.11 logoff(0, 0x80000000, 7) -> 0x80040106")
    void LOGOFF_RESERVED_2_referenceCase() {
        InMemorySessionHandle handle = fx.individual();
        assertEquals(0x80040106, handle.logoff(0, 0x80000000, 7));
        assertEquals(0, handle.logoff(0, 0, 0));
    }

    @ParameterizedTest(name = "uiParam {0}")
    @ValueSource(longs = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFFFFFFL, 0xDEADBEEFL})
    @DisplayName("LOGOFF-UIPARAM-1: ulUIParam is never validated and ignored without MAPI_LOGOFF_UI")
    void LOGOFF_UIPARAM_1_anyValueAccepted(long uiParam) {
        AtomicInteger asked = new AtomicInteger();
        fx.provider.setLogoffConfirmation(ui -> asked.incrementAndGet() < 0);
        assertEquals(Hr.S_OK, fx.individual().logoff(uiParam, 0, 0));
        assertEquals(Hr.S_OK, fx.individual().logoff(uiParam, Hr.LOGOFF_SHARED, 0));
        assertEquals(0, asked.get(), "the hook must not be called without MAPI_LOGOFF_UI");
        fx.provider.setLogoffConfirmation(null);
        assertEquals(Hr.S_OK, fx.individual().logoff(uiParam, Hr.LOGOFF_UI, 0));
    }

    @Test
    @DisplayName("LOGOFF-UI-1: without a hook MAPI_LOGOFF_UI behaves as 0")
    void LOGOFF_UI_1_noHookBehavesAsZero() {
        Probe probe = Probe.shared(fx);
        assertEquals(Hr.S_OK, probe.handle.logoff(42, Hr.LOGOFF_UI, 0));
        assertEquals(HandleState.LOGGED_OFF, probe.handle.handleState());
        assertEquals(0, probe.sink.held());
        assertEquals(0, probe.otherSink.calls.get(), "UI alone notifies nobody");
        assertEquals(HandleState.LOGGED_ON, probe.other.handleState());
    }

    @Test
    @DisplayName("GEN-3: state is checked before flags and reserved")
    void GEN_3_stateFirst() {
        InMemorySessionHandle handle = fx.individual();
        assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, handle.logoff(0, 0x4, 0));
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, handle.logoff(0, 0, 1));
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, handle.logoff(0, 0xFFFFFFFF, -1));
    }

    @Test
    @DisplayName("GEN-4: a series of rejected Logoffs leaves no trace; the next valid one works")
    void GEN_4_rejectionsLeaveNoTrace() {
        Probe probe = Probe.shared(fx);
        for (int i = 0; i < 32; i++) {
            probe.handle.logoff(i, 1 << i | 0x4, i);
            probe.handle.logoff(i, 0x1, i + 1);
        }
        probe.assertUnchanged();
        probe.assertNormalLogoff();
    }
}
