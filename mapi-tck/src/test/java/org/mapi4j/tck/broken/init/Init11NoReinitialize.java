package org.mapi4j.tck.broken.init;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiInit;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks INIT-11: MAPIInitialize fails once the count went back to 0. */
public final class Init11NoReinitialize extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init11NoReinitialize() {
        super(Rule.INIT_11, "MAPIInitialize fails once the count went back to 0",
                "INIT-11: initialize({0, 0}) after the count returned to 0 expected S_OK (0x00000000) but was MAPI_E_CALL_FAILED (0x80004005)");
    }

    @Override
    protected int initialize(DelegatingProvider p, MapiInit init) {
        return p.everInitialized && p.initCount == 0 ? MAPI_E_CALL_FAILED : super.initialize(p, init);
    }
}
