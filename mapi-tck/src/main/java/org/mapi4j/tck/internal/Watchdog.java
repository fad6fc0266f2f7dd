package org.mapi4j.tck.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an action that may hang (a callback that calls back into MAPI, spec decision 9) on a daemon
 * thread and waits for it at most a bounded time. A hang becomes a {@link HangException} whose message
 * holds every thread's stack, with the monitors and locks each holds and waits for, so that the
 * deadlock can be read from the report; the hung thread is left behind (a daemon, so it never keeps
 * the JVM alive).
 */
public final class Watchdog {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private Watchdog() {
    }

    /** An action that did not end in time; its message holds every thread's stack. */
    public static final class HangException extends RuntimeException {
        /** The serialized form's version. */
        private static final long serialVersionUID = 1L;

        HangException(String message) {
            super(message);
        }
    }

    /**
     * @param what what the action does, for the message
     * @param timeout how long it may take
     * @param action the action
     * @param <T> its result
     * @return its result
     * @throws HangException if it did not end within {@code timeout}
     * @throws Exception what the action threw
     */
    public static <T> T run(String what, Duration timeout, Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread worker = new Thread(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "mapi4j-tck-watched-" + THREADS.incrementAndGet());
        worker.setDaemon(true);
        worker.setContextClassLoader(loader);
        worker.start();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HangException(what + " did not end within " + timeout + " (a hang; spec decision 9);"
                    + " every thread's stack:\n" + allStacks());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception x) {
                throw x;
            }
            if (cause instanceof Error x) {
                throw x;
            }
            throw e;
        }
    }

    /** @return every live thread's stack, with the locks it holds and waits for */
    public static String allStacks() {
        StringBuilder out = new StringBuilder();
        ThreadInfo[] infos = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        for (ThreadInfo info : infos) {
            out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                out.append(" waiting for ").append(info.getLockName());
                if (info.getLockOwnerName() != null) {
                    out.append(" held by \"").append(info.getLockOwnerName()).append('"');
                }
            }
            out.append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                out.append("    at ").append(frame).append('\n');
            }
            for (java.lang.management.MonitorInfo monitor : info.getLockedMonitors()) {
                out.append("    holds monitor ").append(monitor).append('\n');
            }
            for (java.lang.management.LockInfo lock : info.getLockedSynchronizers()) {
                out.append("    holds lock ").append(lock).append('\n');
            }
        }
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (deadlocked != null) {
            out.append("deadlocked thread ids: ").append(java.util.Arrays.toString(deadlocked)).append('\n');
        }
        return out.toString();
    }
}
