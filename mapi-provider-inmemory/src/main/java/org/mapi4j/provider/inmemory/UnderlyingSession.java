package org.mapi4j.provider.inmemory;

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
    // The instance generation it was created in (AbstractMapiProvider): the last MAPIUninitialize
    // of that generation clears it from the shared slot.
    final long generation;
    // Most sessions have one handle: the set exists only once a second handle joins.
    private InMemorySessionHandle only;
    private Set<InMemorySessionHandle> handles;
    private State state = State.ACTIVE;
    private boolean shared;

    UnderlyingSession(Profile profile, long generation) {
        this.profile = profile;
        this.generation = generation;
    }

    synchronized boolean join(InMemorySessionHandle handle) {
        if (state != State.ACTIVE) {
            return false;
        }
        if (only == null && handles == null) {
            only = handle;
        } else {
            if (handles == null) {
                handles = new LinkedHashSet<>();
                handles.add(only);
                only = null;
            }
            handles.add(handle);
        }
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
        List<InMemorySessionHandle> others = new ArrayList<>();
        if (handles != null) {
            others.addAll(handles);
        } else if (only != null) {
            others.add(only);
        }
        others.remove(caller);
        return others;
    }

    /**
     * A handle left LOGGED_ON.
     *
     * @return whether the session has now ENDED and was shared, so the provider unpublishes it (SHARED-3)
     */
    synchronized boolean leaveEndsSharedSession(InMemorySessionHandle handle) {
        if (only == handle) {
            only = null;
        } else if (handles != null) {
            handles.remove(handle);
        }
        boolean empty = only == null && (handles == null || handles.isEmpty());
        if (empty && state != State.ENDED) {
            state = State.ENDED;
            return shared;
        }
        return false;
    }
}
