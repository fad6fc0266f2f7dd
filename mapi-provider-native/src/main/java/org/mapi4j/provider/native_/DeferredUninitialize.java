package org.mapi4j.provider.native_;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The native part of a last MAPIUninitialize that user code called from inside a callback of a
 * native call (the logoff confirmation, an advise sink), spec decision 11. MAPI may not be
 * uninitialized while one of its calls is still on the calling thread's stack, and that call's own
 * native references cannot be released before it returns; so the native part runs on the same
 * thread as soon as that native call has returned to Java: at the first {@link ComObject#exit()}
 * made outside any callback.
 *
 * <p>Callbacks mark themselves with {@link #enterCallback()} and {@link #exitCallback()}. The check
 * on every native call's exit is one volatile read while nothing is deferred.
 */
final class DeferredUninitialize {

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);
    // The number of threads with deferred work: the fast path of runIfDue().
    private static final AtomicInteger PENDING = new AtomicInteger();

    private static final class State {
        int callbackDepth;
        List<Runnable> deferred;
    }

    private DeferredUninitialize() {
    }

    /** A callback from native code starts on this thread. */
    static void enterCallback() {
        STATE.get().callbackDepth++;
    }

    /** A callback from native code returns. */
    static void exitCallback() {
        STATE.get().callbackDepth--;
    }

    /** @return whether this thread is inside a callback from native code */
    static boolean inCallback() {
        return STATE.get().callbackDepth > 0;
    }

    /**
     * Runs the work once the native call whose callback this thread is in has returned.
     *
     * @param work the native part of the uninitialize
     */
    static void defer(Runnable work) {
        State state = STATE.get();
        if (state.deferred == null) {
            state.deferred = new ArrayList<>(1);
            PENDING.incrementAndGet();
        }
        state.deferred.add(work);
    }

    /** Runs this thread's deferred work if it is outside every callback now. */
    static void runIfDue() {
        if (PENDING.get() == 0) {
            return;
        }
        State state = STATE.get();
        if (state.deferred == null || state.callbackDepth > 0) {
            return;
        }
        List<Runnable> work = state.deferred;
        state.deferred = null;
        PENDING.decrementAndGet();
        for (Runnable runnable : work) {
            runnable.run();
        }
    }
}
