package org.mapi4j.tck.broken.postlogoff;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks POSTLOGOFF-2: Release after Logoff returns one more than the count. */
public final class PostLogoff2ReleaseCountWrong extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public PostLogoff2ReleaseCountWrong() {
        super(Rule.POSTLOGOFF_2, "Release after Logoff returns one more than the count",
                "[after logoff(0, 0, 0)] POSTLOGOFF-2: release() after logoff(0, 0, 0) with 3 reference(s) expected 2 but was 3");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int release() {
                int n = super.release();
                return loggedOff && n > 0 ? n + 1 : n;
            }
        };
    }
}
