package org.mapi4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** InstanceGuard with a fake provider: the instance rules of spec B.2 and B.3 and FAST-5. */
class InstanceGuardTest {

    private final AtomicInteger logonActions = new AtomicInteger();
    private final List<Boolean> uninitialized = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final InstanceGuard instance = new InstanceGuard(new InstanceGuard.Effects() {
        @Override
        public void uninitialize(boolean last) {
            uninitialized.add(last);
        }
    });

    private int logon(String profile, String password, int flags, Out<MapiSessionHandle> out) {
        return instance.logon(profile, password, flags, out, session -> {
            logonActions.incrementAndGet();
            return 0x80040111;
        });
    }

    @Test
    @DisplayName("INIT-1..7: count, GEN-3 order (flags before version), failures do not count")
    void initializeCounts() {
        assertEquals(0x80040106, instance.initialize(new MapiInit(5, 0x2)));
        assertEquals(0x80070057, instance.initialize(new MapiInit(5, 0x1)));
        assertEquals(0, instance.initCount());
        assertEquals(0, instance.initialize(null));
        assertEquals(0, instance.initialize(new MapiInit(0, 0x10009)));
        assertEquals(2, instance.initCount());
        instance.uninitialize();
        instance.uninitialize();
        instance.uninitialize();
        assertEquals(0, instance.initCount());
        assertEquals(List.of(false, true), uninitialized, "the unbalanced call reached no provider (INIT-9)");
    }

    @Test
    @DisplayName("INIT-10/LOGON-1/LOGON-2: state, then flags, then parameters; the provider is not asked")
    void logonValidationOrder() {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(0x80040605, logon("p".repeat(65), "x", 0x4000, out));
        instance.initialize(null);
        assertEquals(0x80040106, logon("p".repeat(65), "x", 0x4000, out));
        assertEquals(0x80040111, logon("p".repeat(65), null, 0, out));
        assertEquals(0x80040111, logon("p", "", 0, out));
        assertEquals(0x80040111, logon("p", null, 0x20001, out));
        assertEquals(0, logonActions.get());
        assertEquals(0x80040111, logon("p".repeat(64), null, 0x8033B07F & ~0x20000, out));
        assertEquals(1, logonActions.get(), "64 units and every defined flag pass validation");
        assertNull(out.get());
        assertEquals(0x80070057, instance.logon("p", null, 0, null, s -> 0));
    }

    @Test
    @DisplayName("INIT-8: the last uninitialize logs off live sessions implicitly and invalidates them")
    void lastUninitializeInvalidates() {
        instance.initialize(null);
        FakeEffects effects = new FakeEffects();
        SessionGuard guard = instance.newSession(effects);
        FakeEffects loggedOff = new FakeEffects();
        SessionGuard done = instance.newSession(loggedOff);
        assertEquals(0, done.logoff(0, 0, 0));
        assertEquals(1, instance.liveSessionCount());
        instance.uninitialize();
        assertEquals(HandleState.INVALIDATED, guard.state());
        assertEquals(List.of(new FakeEffects.Call(0, 0, false)), effects.logoffs);
        assertEquals(1, loggedOff.logoffs.size(), "a logged-off handle is not logged off again");
        assertEquals(0, instance.liveSessionCount());
        assertEquals(0x80040108, guard.enter());
    }

    @Test
    @DisplayName("FAST-5: terminate invalidates without logoff processing; initialize and logon fail afterwards")
    void terminate() {
        instance.initialize(null);
        FakeEffects effects = new FakeEffects();
        SessionGuard guard = instance.newSession(effects);
        instance.terminate();
        assertEquals(HandleState.INVALIDATED, guard.state());
        assertEquals(List.of(), effects.logoffs);
        assertEquals(0x80040605, instance.initialize(null));
        assertEquals(0x80040605, logon("p", null, 0, new Out<>()));
        instance.uninitialize();
        assertEquals(List.of(), uninitialized, "MAPIUninitialize is a no-op once terminated");
        assertEquals(0, guard.release());
        assertEquals(1, effects.destroyed.get());
    }
}
