package org.mapi4j.spi.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Advise registration of a session handle: the sink, the events it covers, and the rules of
 * delivery (NOTIFY-5, NOTIFY-6). Once {@link #cancel()} has run no new {@code onNotify} starts; an
 * {@code onNotify} already running (on any thread, also the canceller's own) may finish, and the
 * sink is released exactly once, by whichever of the canceller and the last running delivery comes
 * last. Nothing here waits: a sink that logs off or unadvises from inside {@code onNotify}, on any
 * thread, can never deadlock with the cancellation.
 */
public final class AdviseRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(AdviseRegistration.class);
    // Process-wide, so that a number handed out by one handle is never valid on another (NOTIFY-4, NOTIFY-7).
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    private final long sessionId;
    private final int eventMask;
    private final boolean sessionLevel;
    private final AdviseSink sink;
    private volatile long connection;
    // Guarded by this.
    private boolean cancelled;
    private int delivering;
    private boolean sinkReleased;

    AdviseRegistration(long sessionId, int eventMask, boolean sessionLevel, AdviseSink sink) {
        this.sessionId = sessionId;
        this.eventMask = eventMask;
        this.sessionLevel = sessionLevel;
        this.sink = sink;
    }

    /** {@return a new connection number, unique in this process and never 0 (NOTIFY-4)} */
    public static long nextConnectionNumber() {
        return CONNECTIONS.incrementAndGet();
    }

    /**
     * Sets the connection number this registration is known by; a provider's
     * {@link AbstractSessionHandle#doAdvise} calls it once, before it returns {@code S_OK}.
     *
     * @param number the connection number, not 0
     */
    public void bind(long number) {
        if (number == 0) {
            throw new IllegalArgumentException("a connection number is never 0 (NOTIFY-4)");
        }
        this.connection = number;
    }

    /** {@return the connection number, 0 until {@link #bind}} */
    public long connection() {
        return connection;
    }

    /** {@return whether the registration was made with a {@code null} entry identifier} */
    public boolean isSessionLevel() {
        return sessionLevel;
    }

    /**
     * Whether this registration receives an event type.
     *
     * @param eventType an {@code FNEV_*} event type
     * @return whether this registration receives it (NOTIFY-1: critical errors always)
     */
    public boolean covers(int eventType) {
        return eventType == MapiConstants.FNEV_CRITICAL_ERROR || (eventMask & eventType) != 0;
    }

    /**
     * Calls the sink with the notifications unless the registration was cancelled. What the sink
     * throws is logged (spec decision 10); a {@link VirtualMachineError} is rethrown after the
     * bookkeeping, for the caller to rethrow once its operation is complete.
     *
     * @param notifications the notifications, in order
     * @return whether the sink was called
     */
    public boolean deliver(List<Notification> notifications) {
        synchronized (this) {
            if (cancelled) {
                return false; // NOTIFY-6: late deliveries are dropped
            }
            delivering++;
        }
        VirtualMachineError fatal = null;
        try {
            sink.onNotify(notifications);
        } catch (Throwable t) {
            fatal = UserCode.thrown(LOG, "Session " + sessionId + ": advise sink of connection " + connection
                    + " (onNotify)", t, null);
        } finally {
            boolean release;
            synchronized (this) {
                delivering--;
                release = takeRelease();
            }
            if (release) {
                VirtualMachineError releaseFatal = releaseSink();
                fatal = fatal != null ? fatal : releaseFatal;
            }
        }
        UserCode.rethrow(fatal);
        return true;
    }

    /** Takes the sink's reference for this registration (NOTIFY-5): called once Advise succeeded. */
    void addSinkReference() {
        try {
            sink.addRef();
        } catch (Throwable t) {
            UserCode.rethrow(UserCode.thrown(LOG, "Session " + sessionId + ": advise sink (addRef)", t, null));
        }
    }

    /**
     * Ends the registration: no new delivery starts; the sink is released now, or by the last
     * delivery still running. Idempotent.
     *
     * @return a {@link VirtualMachineError} the sink's release threw, to rethrow once the caller's
     *     operation is complete, or {@code null}
     */
    VirtualMachineError cancel() {
        boolean release;
        synchronized (this) {
            if (cancelled) {
                return null;
            }
            cancelled = true;
            release = takeRelease();
        }
        return release ? releaseSink() : null;
    }

    // Guarded by this: whether the caller is the one that releases the sink.
    private boolean takeRelease() {
        if (cancelled && delivering == 0 && !sinkReleased) {
            sinkReleased = true;
            return true;
        }
        return false;
    }

    private VirtualMachineError releaseSink() {
        try {
            sink.release();
            return null;
        } catch (Throwable t) {
            return UserCode.thrown(LOG, "Session " + sessionId + ": advise sink of connection " + connection
                    + " (release)", t, null);
        }
    }
}
