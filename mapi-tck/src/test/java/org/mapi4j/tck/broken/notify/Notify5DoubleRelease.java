package org.mapi4j.tck.broken.notify;

import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;
import org.mapi4j.tck.broken.ForwardingSink;

/** Breaks NOTIFY-5: Unadvise releases the sink twice. */
public final class Notify5DoubleRelease extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Notify5DoubleRelease() {
        super(Rule.NOTIFY_5, "Unadvise releases the sink twice",
                "[AddRef on Advise, Release on Unadvise and Logoff] NOTIFY-5: unadvise must Release the sink exactly once before it returns: Release 2");
    }

    @Override
    protected int afterUnadvise(DelegatingSession s, ForwardingSink registration, int hr, long connection) {
        if (hr == S_OK && registration != null) {
            registration.target.release();
        }
        return hr;
    }
}
