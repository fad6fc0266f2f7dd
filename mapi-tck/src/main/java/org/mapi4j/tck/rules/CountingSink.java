package org.mapi4j.tck.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.Notification;

/**
 * An advise sink that counts: OnNotify calls and notifications by event type, AddRef and Release.
 * Waiting for notifications is bounded and event-driven (no sleeping). Thread-safe.
 */
public class CountingSink implements AdviseSink {

    private final String name;
    private final List<Notification> received = new ArrayList<>();
    private final AtomicInteger addRefs = new AtomicInteger();
    private final AtomicInteger releases = new AtomicInteger();
    private final AtomicInteger inNotify = new AtomicInteger();
    private final AtomicInteger releasesDuringNotify = new AtomicInteger();
    private volatile RuntimeException throwFromNotify;
    private volatile RuntimeException throwFromRelease;
    private volatile Runnable duringNotify;

    /**
     * @param name a name for failure messages
     */
    public CountingSink(String name) {
        this.name = name;
    }

    @Override
    public int onNotify(List<Notification> notifications) {
        inNotify.incrementAndGet();
        try {
            synchronized (this) {
                received.addAll(notifications);
                notifyAll();
            }
            Runnable action = duringNotify;
            if (action != null) {
                action.run();
            }
            RuntimeException e = throwFromNotify;
            if (e != null) {
                throw e;
            }
            return 0;
        } finally {
            inNotify.decrementAndGet();
        }
    }

    @Override
    public int addRef() {
        return addRefs.incrementAndGet() - releases.get() + 1;
    }

    @Override
    public int release() {
        if (inNotify.get() > 0) {
            releasesDuringNotify.incrementAndGet();
        }
        int n = releases.incrementAndGet();
        synchronized (this) {
            notifyAll();
        }
        RuntimeException e = throwFromRelease;
        if (e != null) {
            throw e;
        }
        return addRefs.get() - n + 1;
    }

    /** @param e thrown from every OnNotify after recording, or {@code null} */
    public void throwFromNotify(RuntimeException e) {
        this.throwFromNotify = e;
    }

    /** @param e thrown from every Release after counting, or {@code null} */
    public void throwFromRelease(RuntimeException e) {
        this.throwFromRelease = e;
    }

    /** @param action run inside OnNotify after recording, or {@code null} */
    public void duringNotify(Runnable action) {
        this.duringNotify = action;
    }

    /** @return a copy of every notification received, in order */
    public synchronized List<Notification> received() {
        return List.copyOf(received);
    }

    /** @return how many notifications arrived */
    public synchronized int count() {
        return received.size();
    }

    /**
     * @param eventType an {@code FNEV_*} value
     * @return how many notifications of that type arrived
     */
    public synchronized int count(int eventType) {
        return (int) received.stream().filter(n -> n.eventType() == eventType).count();
    }

    /** @return how many critical-error notifications arrived */
    public int criticalErrors() {
        return count(MapiConstants.FNEV_CRITICAL_ERROR);
    }

    /** @return how many times a provider called AddRef */
    public int addRefs() {
        return addRefs.get();
    }

    /** @return how many times a provider called Release */
    public int releases() {
        return releases.get();
    }

    /** @return how many Release calls came while an OnNotify was running (NOTIFY-5) */
    public int releasesDuringNotify() {
        return releasesDuringNotify.get();
    }

    /**
     * Waits until at least {@code n} notifications arrived.
     *
     * @param n how many
     * @param timeout the longest wait
     * @return whether they arrived in time
     * @throws InterruptedException if interrupted
     */
    public synchronized boolean awaitCount(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * Waits until at least {@code n} Release calls arrived.
     *
     * @param n how many
     * @param timeout the longest wait
     * @return whether they arrived in time
     * @throws InterruptedException if interrupted
     */
    public synchronized boolean awaitReleases(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (releases.get() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public String toString() {
        return "sink " + name;
    }
}
