package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.FNEV_CRITICAL_ERROR;
import static org.mapi4j.spi.MapiConstants.FNEV_EXTENDED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_UI;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.tck.fixture.CountingSink;

/** Spec B.4: the arguments of IMAPISession::Logoff (LOGOFF-FLAGS-*, LOGOFF-RESERVED-*, LOGOFF-UIPARAM-1). */
public interface LogoffArgumentRules extends TckContext {

    /**
     * One rejected Logoff on a fresh session with a registered sink: the expected code, then the
     * session is unchanged and a normal Logoff(0, 0, 0) returns S_OK.
     */
    private void rejectedLogoff(long uiParam, int flags, int reserved, int expected) {
        fx().initialize();
        MapiSessionHandle handle = fx().logon();
        CountingSink sink = probe().sink("of the session");
        probe().advise(handle, FNEV_CRITICAL_ERROR | FNEV_EXTENDED, sink);
        String call = "logoff(" + uiParam + ", " + HResult.hex(flags) + ", " + reserved + ")";
        verify().expectHr(call, expected, handle.logoff(uiParam, flags, reserved));
        String context = "a rejected " + call;
        probe().expectLoggedOn(handle, context);
        verify().check(sink.count() == 0, context + " notified " + sink.received());
        verify().check(sink.releases() == 0, context + " released the session's advise sink");
        verify().expectHr("logoff(0, 0, 0) after " + context, S_OK, handle.logoff(0, 0, 0));
        fx().release(handle);
        fx().uninitialize();
    }

    /** Skips a case whose flags would reach a real MAPI that shows a dialog or shuts other clients down. */
    private void requireSafe(int flags) {
        if ((flags & MAPI_LOGOFF_SHARED) != 0) {
            fx().requireDestructive("MAPI_LOGOFF_SHARED");
        }
        if ((flags & MAPI_LOGOFF_UI) != 0 && !fx().has(ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION)) {
            throw verify().unverifiable("MAPI_LOGOFF_UI may show a real dialog: the provider does not declare "
                    + ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION);
        }
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_FLAGS_1}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGOFF-FLAGS-1")
    @DisplayName("required LOGOFF-FLAGS-1 Logoff accepts the flags 0, SHARED, UI and SHARED|UI")
    default Stream<DynamicTest> required_LOGOFF_FLAGS_1_validFlagsAccepted() {
        return Stream.of(0, MAPI_LOGOFF_SHARED, MAPI_LOGOFF_UI, MAPI_LOGOFF_SHARED | MAPI_LOGOFF_UI)
                .map(flags -> tckCase("logoff(0, " + HResult.hex(flags) + ", 0)", () -> {
                    requireSafe(flags);
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    String call = "logoff(0, " + HResult.hex(flags) + ", 0)";
                    verify().expectHr(call, S_OK, handle.logoff(0, flags, 0));
                    probe().expectNotLoggedOn(handle, call);
                    fx().release(handle);
                    fx().uninitialize();
                }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_FLAGS_2}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGOFF-FLAGS-2")
    @DisplayName("required LOGOFF-FLAGS-2 Logoff with a flag bit outside 0x3 returns MAPI_E_UNKNOWN_FLAGS and changes nothing")
    default Stream<DynamicTest> required_LOGOFF_FLAGS_2_unknownFlagBitsRejected() {
        List<Integer> flags = new ArrayList<>();
        for (int bit = 2; bit < 32; bit++) {
            flags.add(1 << bit);
        }
        flags.addAll(List.of(~MapiConstants.MAPI_LOGOFF_VALID_MASK, -1, MapiConstants.MAPI_UNICODE | MAPI_LOGOFF_UI,
                MapiConstants.MAPI_UNICODE | MAPI_LOGOFF_SHARED, 0x7FFFFFFC));
        return flags.stream().map(f -> tckCase("logoff(0, " + HResult.hex(f) + ", 0)",
                () -> rejectedLogoff(0, f, 0, MAPI_E_UNKNOWN_FLAGS)));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_RESERVED_1}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGOFF-RESERVED-1")
    @DisplayName("required LOGOFF-RESERVED-1 Logoff with a non-zero ulReserved returns MAPI_E_INVALID_PARAMETER and changes nothing")
    default Stream<DynamicTest> required_LOGOFF_RESERVED_1_nonZeroReservedRejected() {
        List<DynamicTest> cases = new ArrayList<>();
        for (int reserved : new int[] {1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 2, 0x40}) {
            cases.add(tckCase("logoff(0, 0, " + reserved + ")",
                    () -> rejectedLogoff(0, 0, reserved, MAPI_E_INVALID_PARAMETER)));
        }
        for (int flags : new int[] {MAPI_LOGOFF_UI, MAPI_LOGOFF_SHARED, MAPI_LOGOFF_SHARED | MAPI_LOGOFF_UI}) {
            cases.add(tckCase("logoff(0, " + HResult.hex(flags) + ", 1)", () -> {
                requireSafe(flags);
                rejectedLogoff(0, flags, 1, MAPI_E_INVALID_PARAMETER);
            }));
        }
        return cases.stream();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_RESERVED_2}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGOFF-RESERVED-2")
    @DisplayName("required LOGOFF-RESERVED-2 Logoff with bad flags and non-zero ulReserved returns MAPI_E_UNKNOWN_FLAGS")
    default Stream<DynamicTest> required_LOGOFF_RESERVED_2_flagsCheckedBeforeReserved() {
        int[][] cases = {{0x4, 1}, {0x80000000, 7}, {~MapiConstants.MAPI_LOGOFF_VALID_MASK, -1},
            {0x80000003, Integer.MIN_VALUE}, {0x100, Integer.MAX_VALUE}};
        return Stream.of(cases).map(c -> tckCase("logoff(0, " + HResult.hex(c[0]) + ", " + c[1] + ")",
                () -> rejectedLogoff(0, c[0], c[1], MAPI_E_UNKNOWN_FLAGS)));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_UIPARAM_1}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGOFF-UIPARAM-1")
    @DisplayName("required LOGOFF-UIPARAM-1 Logoff never validates ulUIParam and passes it to the confirmation unchanged")
    default Stream<DynamicTest> required_LOGOFF_UIPARAM_1_uiParamNotValidated() {
        long[] values = {0L, 1L, -1L, 0xDEADBEEFL, 0x1_0000_0000L, Long.MIN_VALUE, Long.MAX_VALUE};
        List<DynamicTest> cases = new ArrayList<>();
        for (long ui : values) {
            cases.add(tckCase("logoff(0x" + Long.toHexString(ui) + ", 0, 0)", () -> {
                fx().initialize();
                MapiSessionHandle handle = fx().logon();
                String call = "logoff(0x" + Long.toHexString(ui) + ", 0, 0)";
                verify().expectHr(call, S_OK, handle.logoff(ui, 0, 0));
                fx().release(handle);
                fx().uninitialize();
            }));
        }
        for (long ui : values) {
            cases.add(tckCase("the confirmation sees exactly 0x" + Long.toHexString(ui), () -> {
                fx().require(ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION, "checking the confirmation hook");
                ConfirmationRecorder hook = new ConfirmationRecorder(true);
                fx().provider().setLogoffConfirmation(hook);
                fx().initialize();
                MapiSessionHandle plain = fx().logon();
                verify().expectHr("logoff(0x" + Long.toHexString(ui) + ", 0, 0)", S_OK, plain.logoff(ui, 0, 0));
                verify().check(hook.calls() == 0, "logoff without MAPI_LOGOFF_UI called the confirmation hook "
                        + hook.calls() + " time(s)");
                fx().release(plain);
                MapiSessionHandle asking = fx().logon();
                String call = "logoff(0x" + Long.toHexString(ui) + ", MAPI_LOGOFF_UI, 0)";
                verify().expectHr(call, S_OK, asking.logoff(ui, MAPI_LOGOFF_UI, 0));
                verify().check(hook.calls() == 1, call + " must call the confirmation hook exactly once but called it "
                        + hook.calls() + " time(s)");
                verify().check(hook.lastParentWindow() == ui, call + " passed ulUIParam 0x"
                        + Long.toHexString(hook.lastParentWindow()) + " to the confirmation hook");
                fx().release(asking);
                fx().provider().setLogoffConfirmation(null);
                MapiSessionHandle noHook = fx().logon();
                verify().expectHr(call + " with no hook installed", S_OK, noHook.logoff(ui, MAPI_LOGOFF_UI, 0));
                fx().release(noHook);
                fx().uninitialize();
            }));
        }
        return cases.stream();
    }
}
