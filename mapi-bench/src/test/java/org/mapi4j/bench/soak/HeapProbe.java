package org.mapi4j.bench.soak;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * Used heap after full collections, once freeing has caught up: a memory check for soaks (never a
 * timing check).
 *
 * <p>Why more than one {@code System.gc()}: the native provider's JNA {@code Memory} blocks are
 * freed by JNA's single "JNA Cleaner" thread, and until it gets to a block, the block's cleanup
 * record stays reachable. Under load (2 shared cores) that thread falls far behind a
 * million-cycle loop: its backlog, tens of MB, is heap that no collection can reclaim although
 * nothing leaked. So each round collects, waits until the collection's references were handed to
 * their queues, then waits (yielding, no sleep) until the cleaner thread is idle, i.e. has nothing
 * left to free; the reading is taken after the last round.
 */
final class HeapProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final int ROUNDS = 4;
    // A bound on the wait, so a cleaner that never goes idle costs a wrong reading, not a hang.
    private static final long MAX_SPINS = 50_000_000L;
    private static final int IDLE_CHECKS_IN_A_ROW = 3;
    private static final long ENQUEUE_WAIT_MILLIS = 60_000;

    private HeapProbe() {
    }

    /** @return the used heap after a full collection, with JNA's pending cleanups done */
    static long usedAfterGc() {
        for (int i = 0; i < ROUNDS; i++) {
            collectAndAwaitEnqueueing();
            awaitCleanerIdle();
        }
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    // A sentinel that only this collection makes unreachable: once the JDK's Reference Handler has
    // put it on its queue, it has been handing this collection's references to their queues, JNA's too.
    private static void collectAndAwaitEnqueueing() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        System.gc();
        try {
            // A deadlock guard only: a collection that did not clear the sentinel costs a wrong reading.
            queue.remove(ENQUEUE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sentinel.clear();
    }

    private static void awaitCleanerIdle() {
        Thread cleaner = cleanerThread();
        int idleInARow = 0;
        for (long spin = 0; cleaner != null && spin < MAX_SPINS && idleInARow < IDLE_CHECKS_IN_A_ROW; spin++) {
            // The cleaner blocks in ReferenceQueue.remove(timeout) only when it has nothing left to free.
            boolean idle = !cleaner.isAlive() || cleaner.getState() == Thread.State.TIMED_WAITING;
            idleInARow = idle ? idleInARow + 1 : 0;
            Thread.yield();
        }
    }

    private static Thread cleanerThread() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("JNA Cleaner")) {
                return thread;
            }
        }
        return null;
    }
}
