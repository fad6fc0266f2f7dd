package org.mapi4j.bench.soak;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Used heap after full collections, once it has settled: a memory check for soaks (never a timing
 * check).
 *
 * <p>Why settle: the native provider's JNA {@code Memory} blocks are freed by JNA's single cleaner
 * thread. Under load (2 shared cores) that thread lags behind a million-cycle loop, and its backlog
 * of pending cleanups is heap that one {@code System.gc()} cannot reclaim, but that drains without
 * any leak. So this collects until two readings in a row differ by less than {@value #SETTLED_BYTES}
 * bytes (at most {@value #MAX_COLLECTIONS} times) and reports the lowest reading.
 */
final class HeapProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final long SETTLED_BYTES = 512 * 1024;
    private static final int MAX_COLLECTIONS = 30;

    private HeapProbe() {
    }

    /** @return the lowest used heap after a full collection, once readings have settled */
    static long usedAfterGc() {
        long lowest = Long.MAX_VALUE;
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            lowest = Math.min(lowest, used);
            if (i >= 2 && Math.abs(previous - used) < SETTLED_BYTES) {
                break;
            }
            previous = used;
        }
        return lowest;
    }
}
