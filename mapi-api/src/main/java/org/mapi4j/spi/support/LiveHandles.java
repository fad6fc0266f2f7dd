package org.mapi4j.spi.support;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's session handles that have not reached a final state: what the last
 * MAPIUninitialize invalidates (INIT-8) and a fast shutdown terminates (FAST-5). Thread-safe.
 *
 * <p>An intrusive singly linked list through the handles' own {@link SessionLifecycle#nextLive}
 * field, built for what every session pays: {@link #add} is one compare-and-set on the head, and a
 * handle leaves by reaching a final state ({@link SessionLifecycle#isLive()}), which its Logoff
 * writes anyway, so logging off costs the list nothing. Why not a monitor around a doubly linked
 * list: that took four lock operations per logon and logoff, each an atomic instruction.
 *
 * <p>Handles that are no longer live are unlinked by a sweep under this object's monitor, after as
 * many additions as there were live handles left by the previous sweep (at least
 * {@link #SWEEP_MIN}): the list stays proportional to the live handles, and each addition pays a
 * constant share of the sweeps. Only sweeps change links after a handle is published; adders only
 * change the head, so readers under the monitor see a consistent list.
 */
final class LiveHandles {

    /** The fewest additions between two sweeps. */
    static final int SWEEP_MIN = 64;

    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(LiveHandles.class, "head", SessionLifecycle.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile SessionLifecycle head;
    // Additions since the last sweep and the threshold for the next one: a heuristic, so updated
    // without synchronization (a lost increment only delays a sweep).
    private int addedSinceSweep;
    private int sweepAfter = SWEEP_MIN;

    /** Tracks a new handle until it reaches a final state. */
    void add(SessionLifecycle session) {
        for (;;) {
            SessionLifecycle first = head;
            session.nextLive = first;
            if (HEAD.compareAndSet(this, first, session)) {
                break;
            }
        }
        if (++addedSinceSweep >= sweepAfter) {
            sweep();
        }
    }

    /** @return the handles live now, a copy, newest first */
    synchronized List<SessionLifecycle> snapshot() {
        List<SessionLifecycle> live = new ArrayList<>();
        for (SessionLifecycle s = head; s != null; s = s.nextLive) {
            if (s.isLive()) {
                live.add(s);
            }
        }
        return live;
    }

    /** @return the number of handles live now */
    synchronized int count() {
        int count = 0;
        for (SessionLifecycle s = head; s != null; s = s.nextLive) {
            if (s.isLive()) {
                count++;
            }
        }
        return count;
    }

    /** @return the number of handles in the list, those not yet swept included (tests) */
    synchronized int linked() {
        int linked = 0;
        for (SessionLifecycle s = head; s != null; s = s.nextLive) {
            linked++;
        }
        return linked;
    }

    // Unlinks handles that are no longer live; the head stays, even if not live, to the next sweep
    // (adders compare-and-set it).
    private synchronized void sweep() {
        int left = 0;
        SessionLifecycle previous = head;
        if (previous == null) {
            return;
        }
        SessionLifecycle next;
        for (SessionLifecycle s = previous.nextLive; s != null; s = next) {
            next = s.nextLive;
            if (s.isLive()) {
                previous = s;
                left++;
            } else {
                previous.nextLive = next;
                s.nextLive = null; // a handle the caller keeps must not keep the rest of the list alive
            }
        }
        addedSinceSweep = 0;
        sweepAfter = Math.max(SWEEP_MIN, left);
    }
}
