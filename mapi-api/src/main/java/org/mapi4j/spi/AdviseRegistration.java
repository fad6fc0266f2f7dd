package org.mapi4j.spi;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Advise registration of a {@link SessionGuard}. It makes NOTIFY-5/6 hold under races: once
 * {@link #cancel()} returns, no new {@code onNotify} starts, and every {@code onNotify} that was
 * running on another thread has returned, so the sink can be released.
 */
final class AdviseRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(AdviseRegistration.class);

    final long connection;
    final int eventMask;
    final boolean sessionLevel;
    final AdviseSink sink;

    private boolean cancelled;
    // Threads inside onNotify; a sink that unadvises from inside onNotify must not wait for itself.
    private final List<Thread> delivering = new ArrayList<>(2);

    AdviseRegistration(long connection, int eventMask, boolean sessionLevel, AdviseSink sink) {
        this.connection = connection;
        this.eventMask = eventMask;
        this.sessionLevel = sessionLevel;
        this.sink = sink;
    }

    /** Whether this registration receives an event of this type (NOTIFY-1: critical errors always). */
    boolean covers(int eventType) {
        return eventType == org.mapi4j.spi.MapiConstants.FNEV_CRITICAL_ERROR || (eventMask & eventType) != 0;
    }

    /**
     * Calls the sink unless the registration was cancelled.
     *
     * @return whether the sink was called
     */
    boolean deliver(List<Notification> notifications, long sessionId) {
        Thread self = Thread.currentThread();
        synchronized (this) {
            if (cancelled) {
                return false;
            }
            delivering.add(self);
        }
        try {
            sink.onNotify(notifications);
        } catch (RuntimeException e) {
            // One faulty sink must not keep the notification from the others (SHARED-5).
            LOG.warn("Session {}: advise sink of connection {} threw from onNotify; delivery goes on",
                    sessionId, connection, e);
        } finally {
            synchronized (this) {
                delivering.remove(self);
                notifyAll();
            }
        }
        return true;
    }

    /**
     * Stops delivery and waits until deliveries running on other threads have returned.
     *
     * @return whether this call cancelled it (false if it was cancelled already)
     */
    boolean cancel() {
        Thread self = Thread.currentThread();
        boolean interrupted = false;
        synchronized (this) {
            if (cancelled) {
                return false;
            }
            cancelled = true;
            while (othersDelivering(self)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private boolean othersDelivering(Thread self) {
        for (Thread thread : delivering) {
            if (thread != self) {
                return true;
            }
        }
        return false;
    }
}
