package org.mapi4j.tck.broken.init;

import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks INIT-9: an unbalanced MAPIUninitialize throws. */
public final class Init9UnbalancedThrows extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init9UnbalancedThrows() {
        super(Rule.INIT_9, "an unbalanced MAPIUninitialize throws",
                "INIT-9: an unbalanced uninitialize() must not throw, but threw java.lang.IllegalStateException: MAPIUninitialize without MAPIInitialize");
    }

    @Override
    protected void uninitialize(DelegatingProvider p) {
        if (p.initCount == 0) {
            throw new IllegalStateException("MAPIUninitialize without MAPIInitialize");
        }
        super.uninitialize(p);
    }
}
