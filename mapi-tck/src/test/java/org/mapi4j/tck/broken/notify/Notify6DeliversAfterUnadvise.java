package org.mapi4j.tck.broken.notify;

import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.LongOut;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;
import org.mapi4j.tck.broken.ForwardingSink;

/** Breaks NOTIFY-6: Unadvise releases the sink but keeps delivering to it. */
public final class Notify6DeliversAfterUnadvise extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Notify6DeliversAfterUnadvise() {
        super(Rule.NOTIFY_6, "Unadvise releases the sink but keeps delivering to it",
                "[a shared logoff after unadvise does not reach the sink] NOTIFY-6: after unadvise and another participant's shared logoff sink unadvised expected no notification but got 1 [ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL]]");
    }

    @Override
    protected int afterUnadvise(DelegatingSession s, ForwardingSink registration, int hr, long connection) {
        if (hr == S_OK && registration != null) {
            // A ghost registration that keeps delivering to the caller's sink.
            org.mapi4j.spi.AdviseSink target = registration.target;
            s.delegate.advise(null, registration.mask, notifications -> target.onNotify(notifications), new LongOut());
        }
        return hr;
    }
}
