package org.mapi4j.examples.thirdparty;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An underlying session (spec B.0): one profile and the handles logged on to it. It is shared when
 * it was published at logon (MAPI_ALLOW_OTHERS), individual otherwise. Not thread-safe on its own:
 * the provider calls it under its lock.
 */
final class SampleSession {

    private final SampleProfiles.Profile profile;
    private final boolean shared;
    private final Set<SampleSessionHandle> participants = new LinkedHashSet<>();
    private boolean ending;

    SampleSession(SampleProfiles.Profile profile, boolean shared) {
        this.profile = profile;
        this.shared = shared;
    }

    SampleProfiles.Profile profile() {
        return profile;
    }

    /** @return whether the session was published, so MAPI_LOGOFF_SHARED ends it (SHARED-4 otherwise) */
    boolean isShared() {
        return shared;
    }

    /** @return true the first time only: a shared logoff ends the session once (SHARED-5, decision 11) */
    boolean beginEnding() {
        if (ending) {
            return false;
        }
        ending = true;
        return true;
    }

    void add(SampleSessionHandle handle) {
        participants.add(handle);
    }

    void remove(SampleSessionHandle handle) {
        participants.remove(handle);
    }

    boolean isEmpty() {
        return participants.isEmpty();
    }

    /** @return a copy of the handles still logged on, for delivering outside the lock */
    List<SampleSessionHandle> participants() {
        return new ArrayList<>(participants);
    }
}
