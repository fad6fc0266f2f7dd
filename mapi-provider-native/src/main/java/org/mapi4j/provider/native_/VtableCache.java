package org.mapi4j.provider.native_;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The slot function handles (see {@link Binding#function}) of the vtables a provider has called, by vtable address, shared by
 * every object with that vtable.
 *
 * <p>Why: a COM object's vtable is a static table of its library, the same for every session or
 * table it hands out, so building a handle per slot per object would cost a session its
 * slot lookups and allocations again on every logon.
 *
 * <p>Why per provider and cleared at its last MAPIUninitialize ({@link #clear()}): a vtable address
 * only names the same code while the module that holds it stays loaded, and MAPI unloads its
 * service providers after the last MAPIUninitialize (D-SHUTPROV); a module loaded later at the same
 * address may have other functions there. No object survives that point either: the provider
 * releases every native object it still holds at its last MAPIUninitialize.
 *
 * <p>Lookups read one volatile array and scan it (a library has a few dozen vtables); additions
 * copy it under a lock. At most {@link #CAPACITY} vtables are kept; beyond that an object gets slots
 * of its own, so a process that sees ever new vtables cannot grow this without bound.
 */
final class VtableCache {

    static final int CAPACITY = 64;

    private static final class Entry {
        final long vtbl;
        final AtomicReferenceArray<Object> slots;

        Entry(long vtbl, AtomicReferenceArray<Object> slots) {
            this.vtbl = vtbl;
            this.slots = slots;
        }
    }

    private volatile Entry[] entries = new Entry[0];

    /**
     * @param vtbl the vtable's address
     * @param slotCount the number of slots the caller will call (the interface's)
     * @return the shared slot table of that vtable, with at least {@code slotCount} slots; slot
     *     handles are filled in lazily by whoever calls them first
     */
    AtomicReferenceArray<Object> slots(long vtbl, int slotCount) {
        AtomicReferenceArray<Object> found = find(entries, vtbl, slotCount);
        return found != null ? found : add(vtbl, slotCount);
    }

    /** Forgets every vtable: their modules may be unloaded from now on. */
    synchronized void clear() {
        entries = new Entry[0];
    }

    private static AtomicReferenceArray<Object> find(Entry[] in, long vtbl, int slotCount) {
        for (Entry e : in) {
            if (e.vtbl == vtbl && e.slots.length() >= slotCount) {
                return e.slots;
            }
        }
        return null;
    }

    private synchronized AtomicReferenceArray<Object> add(long vtbl, int slotCount) {
        Entry[] current = entries;
        AtomicReferenceArray<Object> found = find(current, vtbl, slotCount);
        if (found != null) {
            return found;
        }
        // The same vtable seen through an interface with more slots (IUnknown first, say): a longer
        // table that keeps the handles made so far.
        int index = -1;
        for (int i = 0; i < current.length; i++) {
            if (current[i].vtbl == vtbl) {
                index = i;
            }
        }
        AtomicReferenceArray<Object> slots = new AtomicReferenceArray<>(slotCount);
        if (index >= 0) {
            AtomicReferenceArray<Object> shorter = current[index].slots;
            for (int i = 0; i < shorter.length(); i++) {
                slots.set(i, shorter.get(i));
            }
            Entry[] next = current.clone();
            next[index] = new Entry(vtbl, slots);
            entries = next;
        } else if (current.length < CAPACITY) {
            Entry[] next = Arrays.copyOf(current, current.length + 1);
            next[current.length] = new Entry(vtbl, slots);
            entries = next;
        }
        return slots;
    }
}
