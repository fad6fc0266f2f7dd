package org.mapi4j.provider.native_;

import java.util.ArrayList;
import java.util.List;

/**
 * The native objects a provider holds a reference on and has not released yet: what the last
 * MAPIUninitialize gives up (INIT-8, D-SHUTPROV) and what leak checks count. An intrusive doubly
 * linked list through {@link ComObject}'s own fields under this object's monitor: adding and
 * removing allocate nothing and cost one uncontended lock each. Thread-safe.
 */
final class Outstanding {

    private ComObject head;
    private int size;
    private int waiters;

    /** Tracks an object from its creation until its native Release. */
    synchronized void add(ComObject object) {
        object.outstandingNext = head;
        object.outstandingPrev = null;
        if (head != null) {
            head.outstandingPrev = object;
        }
        head = object;
        object.outstandingLinked = true;
        size++;
    }

    /** Forgets an object; a second call for the same object does nothing. */
    synchronized void remove(ComObject object) {
        if (!object.outstandingLinked) {
            return;
        }
        ComObject prev = object.outstandingPrev;
        ComObject next = object.outstandingNext;
        if (prev == null) {
            head = next;
        } else {
            prev.outstandingNext = next;
        }
        if (next != null) {
            next.outstandingPrev = prev;
        }
        object.outstandingPrev = null;
        object.outstandingNext = null;
        object.outstandingLinked = false;
        size--;
        if (waiters > 0) {
            notifyAll();
        }
    }

    /** @return the objects tracked now, a copy */
    synchronized List<ComObject> snapshot() {
        List<ComObject> all = new ArrayList<>(size);
        for (ComObject o = head; o != null; o = o.outstandingNext) {
            all.add(o);
        }
        return all;
    }

    /**
     * @param maxGeneration the last generation wanted
     * @return the objects of that generation or before tracked now, a copy
     */
    synchronized List<ComObject> snapshot(long maxGeneration) {
        List<ComObject> all = new ArrayList<>(size);
        for (ComObject o = head; o != null; o = o.outstandingNext) {
            if (o.generation <= maxGeneration) {
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
            if (o.generation <= maxGeneration) {
                return true;
            }
        }
        return false;
    }

    /** @return the number of objects tracked */
    synchronized int size() {
        return size;
    }
}
