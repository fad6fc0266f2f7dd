package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGOFF-2: Logoff of an individual session notifies every other session. */
public final class Logoff2EndsOtherSessions extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logoff2EndsOtherSessions() {
        super(Rule.LOGOFF_2, "Logoff of an individual session notifies every other session",
                "LOGOFF-2: logoff(0, 0, 0) of one individual session touched the sink of another: notified [ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL]], released 0 time(s)");
    }

    @Override
    protected int afterLogoff(DelegatingSession s, int hr, int flags, int reserved) {
        if (hr == S_OK && flags == 0 && s.individual()) {
            s.broadcast(ErrorNotification.END_OF_SESSION, true);
        }
        return hr;
    }
}
