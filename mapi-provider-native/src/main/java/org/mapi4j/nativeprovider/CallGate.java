package org.mapi4j.nativeprovider;

import java.util.concurrent.atomic.AtomicLong;

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
 */
final class CallGate {

    private static final long CLOSED = 1L << 62;
    private static final long DONE = 1L << 61;

    private final AtomicLong word = new AtomicLong();
    private final Runnable release;

    /** @param release the native Release; run exactly once, by whichever thread leaves last */
    CallGate(Runnable release) {
        this.release = release;
    }

    /** @return whether the caller may call native code now; if so it must call {@link #exit()} */
    boolean enter() {
        for (;;) {
            long w = word.get();
            if ((w & (CLOSED | DONE)) != 0) {
                return false;
            }
            if (word.compareAndSet(w, w + 1)) {
                return true;
            }
        }
    }

    /** Leaves a call; the last one out after {@link #close()} runs the Release. */
    void exit() {
        if (word.decrementAndGet() == CLOSED) {
            finish();
        }
    }

    /**
     * Refuses new calls and runs the Release now, or as soon as the calls in flight have left.
     * Idempotent: later calls do nothing.
     */
    void close() {
        long before = word.getAndUpdate(w -> (w & (CLOSED | DONE)) != 0 ? w : w | CLOSED);
        if ((before & (CLOSED | DONE)) == 0 && before == 0) {
            finish();
        }
    }

    /** @return whether the Release has run */
    boolean isReleased() {
        return (word.get() & DONE) != 0;
    }

    private void finish() {
        if (word.compareAndSet(CLOSED, DONE)) {
            release.run();
        }
    }
}
