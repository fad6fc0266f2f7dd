package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a pool of daemon threads that start together at a barrier. The time-outs only keep
 * a deadlocked test from hanging the build; they are not assertions about speed.
 */
final class Concurrently implements AutoCloseable {

    /** One task; {@code index} is its position. */
    @FunctionalInterface
    interface Task<T> {
        T run(int index) throws Exception;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private final ExecutorService pool;
    private final int size;

    Concurrently(int size) {
        this.size = size;
        this.pool = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "race-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code size} copies of the task, released together, and returns their results in order. */
    <T> List<T> run(Task<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(size);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int index = i;
            Callable<T> callable = () -> {
                start.await(30, TimeUnit.SECONDS);
                return task.run(index);
            };
            futures.add(pool.submit(callable));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    /** Submits one task without a barrier. */
    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "race threads did not stop");
    }
}
