package org.mapi4j.tck.broken.shared;

import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;

import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks SHARED-4: MAPI_LOGOFF_SHARED on an individual session notifies every other session. */
public final class Shared4IndividualSharedLogoffNotifies extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Shared4IndividualSharedLogoffNotifies() {
        super(Rule.SHARED_4, "MAPI_LOGOFF_SHARED on an individual session notifies every other session",
                "SHARED-4: after logoff(0, MAPI_LOGOFF_SHARED, 0) on an individual session sink of another individual session expected no notification but got 1 [ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL]]");
    }

    @Override
    protected int afterLogoff(DelegatingSession s, int hr, int flags, int reserved) {
        if (hr == S_OK && (flags & MAPI_LOGOFF_SHARED) != 0 && s.individual()) {
            s.broadcast(ErrorNotification.END_OF_SESSION, true);
        }
        return hr;
    }
}
