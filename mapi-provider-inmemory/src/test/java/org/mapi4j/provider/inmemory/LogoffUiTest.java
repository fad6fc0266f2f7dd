package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.HandleState;

/** Decision 3: the logoff confirmation hook behind MAPI_LOGOFF_UI (LOGOFF-UI-1 to LOGOFF-UI-3). */
class LogoffUiTest {

    private final Fx fx = new Fx();
    private final List<Long> asked = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @ParameterizedTest(name = "uiParam {0}")
    @ValueSource(longs = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x80000000L, 0x1234_5678_9ABC_DEF0L})
    @DisplayName("LOGOFF-UI-1: with MAPI_LOGOFF_UI the hook is called exactly once with the exact uiParam")
    void LOGOFF_UI_1_hookCalledOnceWithExactUiParam(long uiParam) {
        fx.provider.setLogoffConfirmation(ui -> asked.add(ui));
        InMemorySessionHandle handle = fx.individual();
        assertEquals(Hr.S_OK, handle.logoff(uiParam, Hr.LOGOFF_UI, 0));
        assertEquals(List.of(uiParam), asked);
        assertEquals(HandleState.LOGGED_OFF, handle.handleState());
    }

    @Test
    @DisplayName("LOGOFF-UI-1: with MAPI_LOGOFF_SHARED | MAPI_LOGOFF_UI the hook is asked before anyone is notified")
    void LOGOFF_UI_1_hookAskedBeforeNotification() {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        Probe probe = Probe.shared(fx);
        AtomicInteger notifiedWhenAsked = new AtomicInteger(-1);
        fx.provider.setLogoffConfirmation(ui -> {
            notifiedWhenAsked.set(probe.otherSink.calls.get() + probe.sink.calls.get());
            return true;
        });
        assertEquals(Hr.S_OK, probe.handle.logoff(7, Hr.LOGOFF_SHARED | Hr.LOGOFF_UI, 0));
        assertEquals(0, notifiedWhenAsked.get());
        assertEquals(1, probe.otherSink.criticalErrors());
    }

    @Test
    @DisplayName("LOGOFF-UI-1: without MAPI_LOGOFF_UI the hook is never called")
    void LOGOFF_UI_1_hookNotCalledWithoutFlag() {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        fx.provider.setLogoffConfirmation(ui -> asked.add(ui));
        assertEquals(Hr.S_OK, fx.individual().logoff(5, 0, 0));
        assertEquals(Hr.S_OK, fx.individual().logoff(5, Hr.LOGOFF_SHARED, 0));
        assertEquals(Hr.S_OK, fx.publish().logoff(5, Hr.LOGOFF_SHARED, 0));
        assertEquals(List.of(), asked);
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(ints = {0x2, 0x3})
    @DisplayName("LOGOFF-UI-2: the hook declines -> MAPI_E_USER_CANCEL (0x80040113); still logged on, nobody notified")
    void LOGOFF_UI_2_declineChangesNothing(int flags) {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        Probe probe = Probe.shared(fx);
        fx.provider.setLogoffConfirmation(ui -> !asked.add(ui));
        assertEquals(0x80040113, probe.handle.logoff(99, flags, 0));
        assertEquals(List.of(99L), asked);
        probe.assertUnchanged();
        assertEquals(UnderlyingSession.State.ACTIVE, probe.handle.session().state());
        assertEquals(probe.handle.session(), fx.join().session(), "still published");
        probe.assertNormalLogoff();
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(ints = {0x2, 0x3})
    @DisplayName("LOGOFF-UI-3: the hook throws -> MAPI_E_CALL_FAILED (0x80004005) and nothing changed")
    void LOGOFF_UI_3_throwChangesNothing(int flags) {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        Probe probe = Probe.shared(fx);
        fx.provider.setLogoffConfirmation(ui -> {
            asked.add(ui);
            throw new IllegalStateException("dialog failed");
        });
        assertEquals(0x80004005, probe.handle.logoff(-1, flags, 0));
        assertEquals(List.of(-1L), asked);
        probe.assertUnchanged();
        assertEquals(probe.handle.session(), fx.join().session(), "still published");
        probe.assertNormalLogoff();
    }

    @Test
    @DisplayName("LOGOFF-UI-2: after a decline the hook is asked again by the next MAPI_LOGOFF_UI Logoff")
    void LOGOFF_UI_2_declineThenAccept() {
        AtomicInteger calls = new AtomicInteger();
        fx.provider.setLogoffConfirmation(ui -> calls.incrementAndGet() > 1);
        InMemorySessionHandle handle = fx.individual();
        assertEquals(0x80040113, handle.logoff(1, Hr.LOGOFF_UI, 0));
        assertEquals(Hr.S_OK, handle.logoff(1, Hr.LOGOFF_UI, 0));
        assertEquals(2, calls.get());
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, handle.logoff(1, Hr.LOGOFF_UI, 0));
        assertEquals(2, calls.get(), "no hook call on a logged-off handle");
    }
}
