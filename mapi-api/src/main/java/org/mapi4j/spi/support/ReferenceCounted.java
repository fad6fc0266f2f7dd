package org.mapi4j.spi.support;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * COM reference counting for the skeleton's objects: created with one reference, AddRef and
 * Release in every state (POSTLOGOFF-2/3), and the final Release acted on exactly once
 * ({@link #finalRelease()}).
 *
 * <p>A final Release made while a call of the same object is still running (from inside that
 * call's callback, or on another thread) takes effect when the last such call returns, as a COM
 * caller's own reference would keep the object alive (spec decision 6). Calls that may run user
 * code mark themselves with {@link #enterCall()} and {@link #exitCall()}; nothing here blocks.
 */
abstract class ReferenceCounted {

    private static final int ALIVE = 0;
    private static final int PENDING = 1;
    private static final int DONE = 2;

    private static final VarHandle REFERENCES;
    private static final VarHandle CALLS;
    private static final VarHandle FINAL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            REFERENCES = lookup.findVarHandle(ReferenceCounted.class, "references", int.class);
            CALLS = lookup.findVarHandle(ReferenceCounted.class, "calls", int.class);
            FINAL = lookup.findVarHandle(ReferenceCounted.class, "finalState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int references = 1;
    private volatile int calls;
    private volatile int finalState = ALIVE;

    /**
     * IUnknown::AddRef: works in every state but after the final Release (POSTLOGOFF-3, POSTLOGOFF-6).
     *
     * @return the new count, or 0 once the object was finally released
     */
    public final int addRef() {
        for (;;) {
            int n = references;
            if (n == 0) {
                return 0;
            }
            if (REFERENCES.compareAndSet(this, n, n + 1)) {
                return n + 1;
            }
        }
    }

    /**
     * IUnknown::Release: works in every state (POSTLOGOFF-2); the call that brings the count to 0
     * destroys the object, or has it destroyed when the calls running on it have returned. After
     * that it returns 0 and changes nothing (POSTLOGOFF-6).
     *
     * @return the new count
     */
    public final int release() {
        int n;
        do {
            n = references;
            if (n == 0) {
                return 0;
            }
        } while (!REFERENCES.compareAndSet(this, n, n - 1));
        if (n == 1) {
            if (calls == 0) {
                // Nothing running on the object: the common case. Only the thread that brought the
                // count to 0 (this one) ever leaves ALIVE, and only through PENDING may another
                // thread finish, so no compare-and-set is needed here.
                FINAL.setRelease(this, DONE);
                finalRelease();
            } else {
                finalState = PENDING;
                if (calls == 0) {
                    finishIfPending();
                }
            }
        }
        return n - 1;
    }

    /** {@return the reference count; 0 once finally released} */
    final int referenceCount() {
        return references;
    }

    /** {@return whether the final Release has happened (its effect may still be pending)} */
    final boolean isReleased() {
        return references == 0;
    }

    /** Marks a call that may run user code as running on this object. Pair with {@link #exitCall()}. */
    final void enterCall() {
        CALLS.getAndAdd(this, 1);
    }

    /** Ends a call begun with {@link #enterCall()}; the last one out performs a pending final Release. */
    final void exitCall() {
        if ((int) CALLS.getAndAdd(this, -1) == 1) {
            if (finalState == PENDING) {
                finishIfPending();
            }
            callsEnded();
        }
    }

    /** {@return whether a call marked with {@link #enterCall()} is running} */
    final boolean hasCallsRunning() {
        return calls != 0;
    }

    private void finishIfPending() {
        if (FINAL.compareAndSet(this, PENDING, DONE)) {
            finalRelease();
        }
    }

    /** The effect of the final Release; runs exactly once, when no marked call is running. */
    abstract void finalRelease();

    /** Called when the last marked call has returned; a place to wake whoever waits for that. */
    void callsEnded() {
    }
}
