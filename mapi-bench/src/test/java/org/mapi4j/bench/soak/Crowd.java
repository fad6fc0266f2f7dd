package org.mapi4j.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * A fixed crowd of threads that start each round together at a {@link CyclicBarrier} (with a
 * timeout, so a deadlock fails the test instead of hanging it) and report what they saw. Threads
 * are made once and reused across rounds: on 2 cores, making 64 threads per round would measure
 * thread start-up rather than the race.
 */
final class Crowd implements AutoCloseable {

    /** A deadlock guard only: no round waits on time for anything but a broken run. */
    private static final long TIMEOUT_SECONDS = 60;

    private final int size;
    private final ExecutorService threads;

    Crowd(int size) {
        this.size = size;
        this.threads = Executors.newFixedThreadPool(size, runnable -> {
            Thread thread = new Thread(runnable, "crowd");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs one round: thread {@code i} waits at the start line with the others, then runs
     * {@code work.apply(i)}.
     *
     * @param <T> what a thread reports
     * @param work the work of thread {@code i}
     * @return the reports, in thread order
     */
    <T> List<T> round(IntFunction<Callable<T>> work) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(size);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Callable<T> task = work.apply(i);
            futures.add(threads.submit(() -> {
                start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<T> reports = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                reports.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof BrokenBarrierException || cause instanceof TimeoutException) {
                    throw new AssertionError("a thread never reached the start line (deadlock?)", cause);
                }
                throw new AssertionError("a thread of the crowd failed", cause);
            } catch (TimeoutException e) {
                throw new AssertionError("a thread did not finish within " + TIMEOUT_SECONDS + " s (deadlock?)", e);
            }
        }
        return reports;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
