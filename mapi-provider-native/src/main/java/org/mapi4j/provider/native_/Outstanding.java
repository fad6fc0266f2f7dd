package org.mapi4j.provider.native_;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The native objects a provider holds a reference on and has not released yet: what the last
 * MAPIUninitialize gives up (INIT-8, D-SHUTPROV) and what leak checks count. Thread-safe.
 *
 * <p>An intrusive singly linked list through {@link ComObject}'s own fields, built for the two
 * operations every session pays for: {@link #add} is one compare-and-set on the head, and
 * {@link #releaseStarted} only reads the waiter count: an object is gone once its {@link CallGate}
 * says it was released, which the gate's own compare-and-set writes anyway. Why not a monitor around a doubly linked list: that was two lock acquisitions per session, 45 ns
 * of a 410 ns logon + logoff + release cycle on the FFM binding. Gone objects are unlinked by a
 * sweep under this object's monitor, after as many additions as there were objects left by the
 * previous sweep (at least {@link #SWEEP_MIN}), so the list stays proportional to the objects held
 * and each addition pays a constant share of the sweeps. Only sweeps change links after an object
 * is published; adders only change the head, so readers under the monitor see a consistent list.
 *
 * <p>An object counts as held until its final Release starts ({@link ComObject#released()}):
 * a Release that calls back into Java (a session's sinks) must not keep the last
 * MAPIUninitialize waiting for it ({@link #awaitReleased}).
 */
final class Outstanding {

    /** The fewest additions between two sweeps. */
    static final int SWEEP_MIN = 64;

    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(Outstanding.class, "head", ComObject.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile ComObject head;
    private volatile int waiters;
    // Additions since the last sweep and the threshold for the next one: a heuristic, so updated
    // without synchronization (a lost increment only delays a sweep).
    private int addedSinceSweep;
    private int sweepAfter = SWEEP_MIN;

    /** Tracks an object from its creation until its native Release. */
    void add(ComObject object) {
        for (;;) {
            ComObject first = head;
            object.outstandingNext = first;
            if (HEAD.compareAndSet(this, first, object)) {
                break;
            }
        }
        if (++addedSinceSweep >= sweepAfter) {
            sweep();
        }
    }

    /**
     * Called as an object's native Release starts, after its gate was marked released (which is what
     * makes it gone here); wakes the waiters of {@link #awaitReleased}.
     */
    void releaseStarted() {
        if (waiters != 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    // Unlinks gone objects; the head stays, even if gone, to the next sweep (adders CAS it).
    private synchronized void sweep() {
        int left = 0;
        ComObject previous = head;
        if (previous == null) {
            return;
        }
        ComObject next;
        for (ComObject o = previous.outstandingNext; o != null; o = next) {
            next = o.outstandingNext;
            if (o.isReleased()) {
                previous.outstandingNext = next;
                o.outstandingNext = null; // an object still referenced must not keep the rest of the list alive
            } else {
                previous = o;
                left++;
            }
        }
        addedSinceSweep = 0;
        sweepAfter = Math.max(SWEEP_MIN, left);
    }

    /** @return the objects tracked now, a copy */
    synchronized List<ComObject> snapshot() {
        return snapshot(Long.MAX_VALUE);
    }

    /**
     * @param maxGeneration the last generation wanted
     * @return the objects of that generation or before tracked now, a copy
     */
    synchronized List<ComObject> snapshot(long maxGeneration) {
        List<ComObject> all = new ArrayList<>();
        for (ComObject o = head; o != null; o = o.outstandingNext) {
            if (!o.isReleased() && o.generation <= maxGeneration) {
                all.add(o);
            }
        }
        return all;
    }

    /**
     * Waits until every object of a generation or before had its native Release (decision 11);
     * they were all closed, so each is released as soon as its calls in flight have left.
     *
     * @param maxGeneration the last generation waited for
     */
    synchronized void awaitReleased(long maxGeneration) {
        boolean interrupted = false;
        waiters++;
        try {
            // waiters is written before the objects are read, and the gate's compare-and-set that
            // marks an object released comes before releaseStarted() reads waiters: one of the two sees the
            // other, so no notification is missed.
            while (holds(maxGeneration)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            waiters--;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean holds(long maxGeneration) {
        for (ComObject o = head; o != null; o = o.outstandingNext) {
            if (!o.isReleased() && o.generation <= maxGeneration) {
                return true;
            }
        }
        return false;
    }

    /** @return the number of objects in the list, gone ones not yet swept included (tests) */
    synchronized int linked() {
        int linked = 0;
        for (ComObject o = head; o != null; o = o.outstandingNext) {
            linked++;
        }
        return linked;
    }

    /** @return the number of objects tracked */
    synchronized int size() {
        int size = 0;
        for (ComObject o = head; o != null; o = o.outstandingNext) {
            if (!o.isReleased()) {
                size++;
            }
        }
        return size;
    }
}
