package org.mapi4j.bench.soak;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a round's tasks on threads of their own, started together, and fails the test with every
 * thread's stack (and the monitors and locks each holds and waits for) if they have not all
 * finished in time: a deadlock becomes a readable failure instead of a hung build. The timeout is
 * a bound on a hang, never a speed check.
 */
final class Watchdog {

    /** Generous: a round takes milliseconds; only a hang comes near this. */
    static final Duration HANG = Duration.ofSeconds(30);

    private Watchdog() {
    }

    /**
     * Runs the tasks concurrently and waits for all of them.
     *
     * @param what the round, for the failure message
     * @param tasks the tasks; what one throws fails the test
     */
    static void race(String what, Runnable... tasks) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(tasks.length);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(tasks.length);
        for (int i = 0; i < tasks.length; i++) {
            Runnable task = tasks[i];
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    task.run();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }, "watchdog-task-" + i);
            thread.setDaemon(true); // a hung task must not keep the test JVM alive
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        if (!done.await(HANG.toMillis(), TimeUnit.MILLISECONDS)) {
            fail(what + ": hung for " + HANG.toSeconds() + " s. Threads:\n" + allStacks());
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(what + ": " + failure.get(), failure.get());
        }
    }

    /** @return every live thread's state and stack, with the locks it holds and waits for */
    static String allStacks() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                out.append(" on ").append(info.getLockName());
            }
            if (info.getLockOwnerName() != null) {
                out.append(" owned by \"").append(info.getLockOwnerName()).append('"');
            }
            out.append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                out.append("    at ").append(frame).append('\n');
            }
        }
        return out.toString();
    }
}
