package org.mapi4j.tck.broken.notify;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;

import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;
import org.mapi4j.tck.broken.ForwardingSink;

/** Breaks NOTIFY-9: Unadvise after Logoff answers MAPI_E_NOT_FOUND for its cancelled numbers. */
public final class Notify9CancelledNotFound extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Notify9CancelledNotFound() {
        super(Rule.NOTIFY_9, "Unadvise after Logoff answers MAPI_E_NOT_FOUND for its cancelled numbers",
                "[after logoff(0, 0, 0)] NOTIFY-9: unadvise({n}) after logoff(0, 0, 0) expected MAPI_E_INVALID_OBJECT (0x80040108) but was MAPI_E_NOT_FOUND (0x8004010F)");
    }

    @Override
    protected int afterUnadvise(DelegatingSession s, ForwardingSink registration, int hr, long connection) {
        return hr == MAPI_E_INVALID_OBJECT && s.issued.contains(connection) ? MAPI_E_NOT_FOUND : hr;
    }
}
