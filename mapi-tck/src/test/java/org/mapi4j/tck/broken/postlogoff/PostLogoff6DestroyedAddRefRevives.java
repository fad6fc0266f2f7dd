package org.mapi4j.tck.broken.postlogoff;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks POSTLOGOFF-6: AddRef on a destroyed handle returns 1. */
public final class PostLogoff6DestroyedAddRefRevives extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public PostLogoff6DestroyedAddRefRevives() {
        super(Rule.POSTLOGOFF_6, "AddRef on a destroyed handle returns 1",
                "[addRef() and release() after logoff(0, 0, 0) and the final release()] POSTLOGOFF-6: addRef() after logoff(0, 0, 0) and the final release() expected 0 but was 1");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int addRef() {
                return destroyed ? 1 : super.addRef();
            }
        };
    }
}
