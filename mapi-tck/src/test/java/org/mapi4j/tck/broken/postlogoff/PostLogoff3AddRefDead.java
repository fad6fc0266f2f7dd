package org.mapi4j.tck.broken.postlogoff;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks POSTLOGOFF-3: AddRef after Logoff returns 0. */
public final class PostLogoff3AddRefDead extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public PostLogoff3AddRefDead() {
        super(Rule.POSTLOGOFF_3, "AddRef after Logoff returns 0",
                "[after logoff(0, 0, 0)] POSTLOGOFF-3: addRef() after logoff(0, 0, 0) with 1 reference(s) expected 2 but was 0");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int addRef() {
                return loggedOff ? 0 : super.addRef();
            }

            @Override
            public int release() {
                return super.release();
            }
        };
    }
}
