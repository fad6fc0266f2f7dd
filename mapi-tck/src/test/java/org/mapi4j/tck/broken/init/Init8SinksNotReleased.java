package org.mapi4j.tck.broken.init;

import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks INIT-8: the last MAPIUninitialize does not release the advise sinks. */
public final class Init8SinksNotReleased extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init8SinksNotReleased() {
        super(Rule.INIT_8, "the last MAPIUninitialize does not release the advise sinks",
                "INIT-8: after the last uninitialize() the sink of a live session must be released (AddRef 1, Release 0)");
    }

    @Override
    protected void uninitialize(DelegatingProvider p) {
        if (p.initCount == 1) {
            for (DelegatingSession s : p.sessions) {
                s.swallowReleases = true;
            }
        }
        super.uninitialize(p);
    }
}
