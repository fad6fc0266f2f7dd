package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.FNEV_CRITICAL_ERROR;
import static org.mapi4j.spi.MapiConstants.FNEV_EXTENDED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_UI;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.fixture.CountingSink;

/** Spec decision 3: the scripted logoff confirmation (LOGOFF-UI-1 to LOGOFF-UI-3). */
public interface LogoffConfirmationRules extends TckContext {

    /** A Logoff with MAPI_LOGOFF_UI whose confirmation says no or throws changes nothing. */
    private void refused(ConfirmationRecorder hook, int expected, boolean shared) {
        fx().provider().setLogoffConfirmation(hook);
        fx().initialize();
        MapiSessionHandle handle = shared ? fx().instance().publish() : fx().logon();
        MapiSessionHandle other = shared ? fx().instance().join() : null;
        CountingSink own = probe().sink("of the session");
        CountingSink others = probe().sink("of the other participant");
        probe().advise(handle, FNEV_CRITICAL_ERROR | FNEV_EXTENDED, own);
        if (other != null) {
            probe().advise(other, 0, others);
        }
        long ui = 0x1234_5678_9AL;
        int flags = MAPI_LOGOFF_UI | (shared ? MAPI_LOGOFF_SHARED : 0);
        String call = "logoff(0x" + Long.toHexString(ui) + ", " + HResult.hex(flags) + ", 0)";
        verify().expectHr(call, expected, handle.logoff(ui, flags, 0));
        verify().check(hook.calls() == 1, call + " must call the confirmation exactly once but called it " + hook.calls()
                + " time(s)");
        verify().check(hook.lastParentWindow() == ui, call + " passed 0x" + Long.toHexString(hook.lastParentWindow())
                + " to the confirmation");
        String context = call + " refused by the confirmation";
        probe().expectLoggedOn(handle, context);
        verify().check(own.count() == 0 && own.releases() == 0, context + " touched the session's sink: notified "
                + own.received() + ", released " + own.releases() + " time(s)");
        if (other != null) {
            probe().expectLoggedOn(other, context);
            verify().expectNoNotification(others, context);
            verify().check(fx().instance().published(), context + " unpublished the shared session");
        }
        fx().provider().setLogoffConfirmation(null);
        verify().expectHr("logoff(0, 0, 0) after " + context, S_OK, handle.logoff(0, 0, 0));
        fx().release(handle);
        if (other != null) {
            fx().close(other);
        }
        fx().uninitialize();
    }

    /** A Logoff with MAPI_LOGOFF_UI whose confirmation says yes logs off with every effect of LOGOFF-1. */
    private void accepted(boolean shared) {
        ConfirmationRecorder hook = new ConfirmationRecorder(true);
        fx().provider().setLogoffConfirmation(hook);
        fx().initialize();
        MapiSessionHandle handle = shared ? fx().instance().publish() : fx().logon();
        MapiSessionHandle other = shared ? fx().instance().join() : null;
        CountingSink own = probe().sink("of the session");
        CountingSink others = probe().sink("of the other participant");
        probe().advise(handle, FNEV_CRITICAL_ERROR, own);
        if (other != null) {
            probe().advise(other, 0, others);
        }
        Out<MapiTable> table = new Out<>();
        verify().expectHr("getMsgStoresTable(0, &table)", S_OK, handle.getMsgStoresTable(0, table));
        MapiTable child = fx().track(table.get());
        long ui = 0x1234_5678_9AL;
        int flags = MAPI_LOGOFF_UI | (shared ? MAPI_LOGOFF_SHARED : 0);
        String call = "logoff(0x" + Long.toHexString(ui) + ", " + HResult.hex(flags) + ", 0)";
        verify().expectHr(call, S_OK, verify().spi(call, () -> handle.logoff(ui, flags, 0)));
        verify().check(hook.calls() == 1, call + " must call the confirmation exactly once but called it " + hook.calls()
                + " time(s)");
        verify().check(hook.lastParentWindow() == ui, call + " passed 0x" + Long.toHexString(hook.lastParentWindow())
                + " to the confirmation");
        String context = call + " accepted by the confirmation";
        verify().check(own.releases() == 1, "before " + context + " returns, " + own + " must be released once (LOGOFF-1),"
                + " but was released " + own.releases() + " time(s)");
        IntOut rows = new IntOut();
        verify().expectHr("getRowCount(0, &count) on the message-stores table after " + context, MAPI_E_INVALID_OBJECT,
                child.getRowCount(0, rows));
        probe().expectNotLoggedOn(handle, context);
        if (other != null) {
            verify().expectNotifications(others, 1, context);
            probe().expectLoggedOn(other, context);
            verify().check(!fx().instance().published(), context + " left the shared session published");
        }
        fx().provider().setLogoffConfirmation(null);
        fx().release(child);
        fx().release(handle);
        if (other != null) {
            fx().close(other);
        }
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_UI_1}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGOFF-UI-1")
    @DisplayName("required LOGOFF-UI-1 An accepted logoff confirmation logs off with every effect of LOGOFF-1 and SHARED-5")
    default Stream<DynamicTest> required_LOGOFF_UI_1_acceptedConfirmation() {
        return Stream.of(
                tckCase("individual session", () -> accepted(false)),
                tckCase("shared session with MAPI_LOGOFF_SHARED", () -> {
                    fx().requireDestructive("MAPI_LOGOFF_SHARED");
                    accepted(true);
                }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_UI_2}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGOFF-UI-2")
    @DisplayName("required LOGOFF-UI-2 A declined logoff confirmation returns MAPI_E_USER_CANCEL and changes nothing")
    default Stream<DynamicTest> required_LOGOFF_UI_2_declinedConfirmation() {
        return Stream.of(
                tckCase("individual session", () ->
                        refused(new ConfirmationRecorder(false), MAPI_E_USER_CANCEL, false)),
                tckCase("shared session with MAPI_LOGOFF_SHARED", () -> {
                    fx().requireDestructive("MAPI_LOGOFF_SHARED");
                    refused(new ConfirmationRecorder(false), MAPI_E_USER_CANCEL, true);
                }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGOFF_UI_3}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGOFF-UI-3")
    @DisplayName("required LOGOFF-UI-3 A throwing logoff confirmation returns MAPI_E_CALL_FAILED and changes nothing")
    default Stream<DynamicTest> required_LOGOFF_UI_3_failingConfirmation() {
        return Stream.of(
                tckCase("individual session", () -> refused(
                        new ConfirmationRecorder(new IllegalStateException("TCK: the dialog failed")),
                        MAPI_E_CALL_FAILED, false)),
                tckCase("shared session with MAPI_LOGOFF_SHARED", () -> {
                    fx().requireDestructive("MAPI_LOGOFF_SHARED");
                    refused(new ConfirmationRecorder(new IllegalStateException("TCK: the dialog failed")),
                            MAPI_E_CALL_FAILED, true);
                }));
    }
}
