package org.mapi4j.provider.native_;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Makes a call after the final native Release impossible, also under races: every native call on
 * an object runs between {@link #enter()} and {@link #exit()}, and the object's native Release runs
 * exactly once, after {@link #close()} and after the last call in flight has left.
 *
 * <p>Why a counter and not a read-write lock: a lock would make the final Release wait for calls in
 * flight, and a call in flight can re-enter Java on the same thread (the logoff confirmation hook,
 * an advise sink's {@code OnNotify} during Logoff) and release the very handle it is called on, or,
 * on two threads, each other's handles: waiting there deadlocks, because a read lock cannot be
 * upgraded. The counter never blocks: {@link #close()} only marks the object, and whichever thread
 * leaves last (the closer itself when nothing is in flight) performs the native Release. A call
 * that arrives after {@link #close()} is refused, and the caller answers
 * {@code MAPI_E_INVALID_OBJECT}.
 *
 * <p>One word holds everything, so each step is a single compare-and-set: the low bits count calls
 * in flight, {@link #CLOSED} says no new call may enter, {@link #DONE} says the Release ran.
 *
 * <p>{@link ComObject} extends it, so that every native object carries its gate in its own fields
 * rather than in three more objects (a gate, its counter, a callback) made on every logon.
 */
class CallGate {

    private static final long CLOSED = 1L << 62;
    private static final long DONE = 1L << 61;
    private static final VarHandle WORD;

    static {
        try {
            WORD = MethodHandles.lookup().findVarHandle(CallGate.class, "word", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long word;
    private final Runnable release;

    /** @param release the native Release; run exactly once, by whichever thread leaves last */
    CallGate(Runnable release) {
        this.release = release;
    }

    /** For a subclass that overrides {@link #released()}. */
    CallGate() {
        this.release = null;
    }

    /** The native Release; run exactly once, by whichever thread leaves last. */
    void released() {
        release.run();
    }

    /** @return whether the caller may call native code now; if so it must call {@link #exit()} */
    boolean enter() {
        for (;;) {
            long w = word;
            if ((w & (CLOSED | DONE)) != 0) {
                return false;
            }
            if (WORD.compareAndSet(this, w, w + 1)) {
                return true;
            }
        }
    }

    /** Leaves a call; the last one out after {@link #close()} runs the Release. */
    void exit() {
        if ((long) WORD.getAndAdd(this, -1L) - 1 == CLOSED) {
            finish();
        }
    }

    /**
     * Refuses new calls and runs the Release now, or as soon as the calls in flight have left.
     * Idempotent: later calls do nothing.
     */
    void close() {
        for (;;) {
            long before = word;
            if ((before & (CLOSED | DONE)) != 0) {
                return;
            }
            if (before == 0) {
                // Nothing in flight: straight to DONE in one step (no CLOSED in between for anyone to see).
                if (WORD.compareAndSet(this, 0L, DONE)) {
                    released();
                    return;
                }
            } else if (WORD.compareAndSet(this, before, before | CLOSED)) {
                return; // the last call out runs the Release (exit)
            }
        }
    }

    /** @return whether the Release has run */
    boolean isReleased() {
        return (word & DONE) != 0;
    }

    private void finish() {
        if (WORD.compareAndSet(this, CLOSED, DONE)) {
            released();
        }
    }
}
