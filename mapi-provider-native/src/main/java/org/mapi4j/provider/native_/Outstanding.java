package org.mapi4j.provider.native_;

import java.util.ArrayList;
import java.util.List;

/**
 * The native objects a provider holds a reference on and has not released yet: what the last
 * MAPIUninitialize gives up (INIT-8, D-SHUTPROV) and what leak checks count. An intrusive doubly
 * linked list through {@link ComObject}'s own fields under this object's monitor: adding and
 * removing allocate nothing and cost one uncontended lock each, where a concurrent set made a node
 * per logon and hashed twice (issue 6). Thread-safe.
 */
final class Outstanding {

    private ComObject head;
    private int size;

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
    }

    /** @return the objects tracked now, a copy */
    synchronized List<ComObject> snapshot() {
        List<ComObject> all = new ArrayList<>(size);
        for (ComObject o = head; o != null; o = o.outstandingNext) {
            all.add(o);
        }
        return all;
    }

    /** @return the number of objects tracked */
    synchronized int size() {
        return size;
    }
}
