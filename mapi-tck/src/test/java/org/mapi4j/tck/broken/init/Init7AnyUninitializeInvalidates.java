package org.mapi4j.tck.broken.init;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;

import org.mapi4j.spi.MapiInit;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks INIT-7: every MAPIUninitialize invalidates live sessions. */
public final class Init7AnyUninitializeInvalidates extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init7AnyUninitializeInvalidates() {
        super(Rule.INIT_7, "every MAPIUninitialize invalidates live sessions",
                "INIT-7: after a MAPIUninitialize that left the count at 1 the handle must still be logged on, but advise(NULL, 0, sink) returned MAPI_E_INVALID_OBJECT (0x80040108)");
    }

    @Override
    protected void uninitialize(DelegatingProvider p) {
        int n = p.initCount;
        if (n > 1) {
            for (int i = 0; i < n; i++) {
                p.delegate.uninitialize();
            }
            for (int i = 0; i < n - 1; i++) {
                p.delegate.initialize(new MapiInit(0, 0));
            }
            p.initCount = n - 1;
            return;
        }
        super.uninitialize(p);
    }
}
