package org.mapi4j.tck.broken.notify;

import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;
import org.mapi4j.tck.broken.ForwardingSink;

/** Breaks NOTIFY-7: Unadvise(0) returns S_OK. */
public final class Notify7UnadviseZeroOk extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Notify7UnadviseZeroOk() {
        super(Rule.NOTIFY_7, "Unadvise(0) returns S_OK",
                "NOTIFY-7: unadvise(0) expected MAPI_E_NOT_FOUND (0x8004010F) but was S_OK (0x00000000)");
    }

    @Override
    protected int afterUnadvise(DelegatingSession s, ForwardingSink registration, int hr, long connection) {
        return connection == 0 && hr == MAPI_E_NOT_FOUND ? S_OK : hr;
    }
}
