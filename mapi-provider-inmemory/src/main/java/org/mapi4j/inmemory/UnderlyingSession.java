package org.mapi4j.inmemory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The session behind one or more handles (spec B.0): {@code ACTIVE} (published as the shared
 * session or not), {@code ENDING} after a shared logoff, {@code ENDED} when no handle is logged on.
 * Thread-safe; membership changes are synchronized on this object.
 */
final class UnderlyingSession {

    enum State { ACTIVE, ENDING, ENDED }

    final Profile profile;
    private final Set<InMemorySessionHandle> handles = new LinkedHashSet<>();
    private State state = State.ACTIVE;
    private boolean shared;

    UnderlyingSession(Profile profile) {
        this.profile = profile;
    }

    synchronized boolean join(InMemorySessionHandle handle) {
        if (state != State.ACTIVE) {
            return false;
        }
        handles.add(handle);
        return true;
    }

    synchronized void markShared() {
        shared = true;
    }

    synchronized boolean isShared() {
        return shared;
    }

    synchronized State state() {
        return state;
    }

    /**
     * Starts a shared logoff (SHARED-5a): ACTIVE to ENDING, once.
     *
     * @return the other handles to notify, or an empty list if the session is not shared or is
     *     already ending (a second shared logoff notifies nobody again)
     */
    synchronized List<InMemorySessionHandle> beginSharedLogoff(InMemorySessionHandle caller) {
        if (!shared || state != State.ACTIVE) {
            return List.of();
        }
        state = State.ENDING;
        List<InMemorySessionHandle> others = new ArrayList<>(handles);
        others.remove(caller);
        return others;
    }

    /**
     * A handle left LOGGED_ON.
     *
     * @return whether the session has now ENDED
     */
    synchronized boolean leave(InMemorySessionHandle handle) {
        handles.remove(handle);
        if (handles.isEmpty() && state != State.ENDED) {
            state = State.ENDED;
            return true;
        }
        return false;
    }
}
