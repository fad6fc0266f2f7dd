package org.mapi4j.tck.broken.init;

import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_INIT_VALID_MASK;

import org.mapi4j.spi.MapiInit;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks INIT-6: a failing nested MAPIInitialize still counts. */
public final class Init6FailedNestedCounts extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init6FailedNestedCounts() {
        super(Rule.INIT_6, "a failing nested MAPIInitialize still counts",
                "INIT-6: after initialize(), two failing nested initialize() and one uninitialize() MAPI must not be initialized, but logon(0, NULL, NULL, 0x00008062) returned S_OK (0x00000000) instead of MAPI_E_NOT_INITIALIZED (0x80040605)");
    }

    @Override
    protected int initialize(DelegatingProvider p, MapiInit init) {
        if (p.initCount > 0 && init != null && (init.flags() & ~MAPI_INIT_VALID_MASK) != 0) {
            p.delegate.initialize(new MapiInit(0, 0));
            return MAPI_E_UNKNOWN_FLAGS;
        }
        return super.initialize(p, init);
    }
}
