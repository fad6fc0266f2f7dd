package org.mapi4j.tck.broken.logon;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGON-6: AddRef on a logged-on handle always returns 1. */
public final class Logon6AddRefConstant extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logon6AddRefConstant() {
        super(Rule.LOGON_6, "AddRef on a logged-on handle always returns 1",
                "LOGON-6: addRef() on a new handle expected 2 (reference count 1 + 1) but was 1");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int addRef() {
                int n = super.addRef();
                return live() ? 1 : n;
            }
        };
    }
}
