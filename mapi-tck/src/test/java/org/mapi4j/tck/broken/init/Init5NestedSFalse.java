package org.mapi4j.tck.broken.init;

import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiInit;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks INIT-5: a nested MAPIInitialize returns S_FALSE. */
public final class Init5NestedSFalse extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init5NestedSFalse() {
        super(Rule.INIT_5, "a nested MAPIInitialize returns S_FALSE",
                "INIT-5: nested initialize({0, 0}) expected S_OK (0x00000000) but was S_FALSE (0x00000001)");
    }

    @Override
    protected int initialize(DelegatingProvider p, MapiInit init) {
        boolean nested = p.initCount > 0;
        int hr = super.initialize(p, init);
        return nested && hr == S_OK ? 1 : hr;
    }
}
