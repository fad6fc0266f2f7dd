package org.mapi4j.bench.soak;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Used heap after a full collection: a memory check for soaks (never a timing check). */
final class HeapProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapProbe() {
    }

    /** @return bytes of heap in use after collecting, the lowest of three tries (a GC may be cut short) */
    static long usedAfterGc() {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            lowest = Math.min(lowest, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }
}
