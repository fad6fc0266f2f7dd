package org.mapi4j.tck.broken.release;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks REL-1: the final Release without Logoff does not release the advise sinks. */
public final class Rel1SinksNotReleased extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Rel1SinksNotReleased() {
        super(Rule.REL_1, "the final Release without Logoff does not release the advise sinks",
                "[individual session] REL-1: the final release() of a logged-on handle must release its advise sink once (implicit logoff) but released it 0 time(s)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int release() {
                if (loggedOff) {
                    return super.release();
                }
                swallowReleases = true;
                int n = delegate.release();
                if (n != 0) {
                    swallowReleases = false;
                }
                heldReleases.clear();
                return n;
            }
        };
    }
}
