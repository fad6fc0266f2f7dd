package org.mapi4j.provider.native_;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The advise connections of one native session handle, by the connection number native Advise
 * returned: what Unadvise looks up (NOTIFY-7 is answered here, in front of native code) and what
 * Logoff cancels on the Java side (LOGOFF-1(a)). Once {@link #closeAll()} ran, nothing is added.
 * Thread-safe.
 */
final class AdviseConnections {

    /**
     * The connections of a handle that logged off before it ever advised: closed, empty, shared. So
     * that a logon and logoff without Advise allocate none (issue 6).
     */
    static final AdviseConnections CLOSED = new AdviseConnections(true);

    private final Map<Long, NativeAdviseSink> active;
    private boolean closed;

    AdviseConnections() {
        this(false);
    }

    private AdviseConnections(boolean closed) {
        this.closed = closed;
        this.active = closed ? Map.of() : new HashMap<>();
    }

    /** @return false if the handle already logged off; then the caller cancels the sink */
    synchronized boolean add(long connection, NativeAdviseSink sink) {
        if (closed) {
            return false;
        }
        active.put(connection, sink);
        return true;
    }

    /** @return the sink of an active connection, or {@code null} */
    synchronized NativeAdviseSink get(long connection) {
        return active.get(connection);
    }

    /** Forgets a connection that native Unadvise ended. */
    synchronized void remove(long connection, NativeAdviseSink sink) {
        active.remove(connection, sink);
    }

    /** @return every active connection's sink; no connection is added afterwards */
    synchronized List<NativeAdviseSink> closeAll() {
        if (closed) {
            return List.of(); // and CLOSED is never written
        }
        closed = true;
        List<NativeAdviseSink> all = new ArrayList<>(active.values());
        active.clear();
        return all;
    }

    /** @return the number of active connections */
    synchronized int size() {
        return active.size();
    }
}
