package org.mapi4j.tck.broken.init;

import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiInit;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks INIT-4: MAPIInitialize accepts the reserved flag 0x40000000. */
public final class Init4ReservedFlagAccepted extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init4ReservedFlagAccepted() {
        super(Rule.INIT_4, "MAPIInitialize accepts the reserved flag 0x40000000",
                "[initialize({0, 0x40000000})] INIT-4: initialize({0, 0x40000000}) expected MAPI_E_UNKNOWN_FLAGS (0x80040106) but was S_OK (0x00000000)");
    }

    @Override
    protected int initialize(DelegatingProvider p, MapiInit init) {
        if (init != null && (init.flags() & 0x40000000) != 0) {
            init = new MapiInit(init.version(), init.flags() & ~0x40000000);
        }
        return super.initialize(p, init);
    }
}
