package org.mapi4j.tck.broken.shared;

import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks SHARED-3: a plain Logoff of a participant notifies the others. */
public final class Shared3PlainLogoffNotifies extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Shared3PlainLogoffNotifies() {
        super(Rule.SHARED_3, "a plain Logoff of a participant notifies the others",
                "SHARED-3: after logoff(0, 0, 0) of another participant sink of the publisher expected no notification but got 1 [ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL]]");
    }

    @Override
    protected int afterLogoff(DelegatingSession s, int hr, int flags, int reserved) {
        if (hr == S_OK && flags == 0 && s.joined()) {
            s.broadcast(ErrorNotification.END_OF_SESSION, false);
        }
        return hr;
    }
}
