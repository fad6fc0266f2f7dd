package org.mapi4j.tck.broken.logoff;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGOFF-1: Logoff releases the advise sinks only at the final Release. */
public final class Logoff1SinksReleasedLate extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logoff1SinksReleasedLate() {
        super(Rule.LOGOFF_1, "Logoff releases the advise sinks only at the final Release",
                "LOGOFF-1: before logoff(0, 0, 0) returns, sink mask 0 must be released once, but was released 0 time(s)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int logoff(long ui, int flags, int reserved) {
                swallowReleases = true;
                try {
                    return super.logoff(ui, flags, reserved);
                } finally {
                    swallowReleases = false;
                }
            }
        };
    }
}
