package org.mapi4j.tck.broken.init;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiInit;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks INIT-1: MAPIInitialize(NULL) is rejected as an invalid parameter. */
public final class Init1NullRejected extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init1NullRejected() {
        super(Rule.INIT_1, "MAPIInitialize(NULL) is rejected as an invalid parameter",
                "INIT-1: initialize(NULL) expected S_OK (0x00000000) but was MAPI_E_INVALID_PARAMETER (0x80070057)");
    }

    @Override
    protected int initialize(DelegatingProvider p, MapiInit init) {
        return p.counted(p.delegate.initialize(init == null ? new MapiInit(1, 0) : init));
    }
}
