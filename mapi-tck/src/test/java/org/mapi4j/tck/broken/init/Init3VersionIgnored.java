package org.mapi4j.tck.broken.init;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_INIT_VALID_MASK;

import org.mapi4j.spi.MapiInit;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks INIT-3: MAPIInitialize ignores ulVersion. */
public final class Init3VersionIgnored extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init3VersionIgnored() {
        super(Rule.INIT_3, "MAPIInitialize ignores ulVersion",
                "[initialize({1, 0})] INIT-3: initialize({1, 0}) expected MAPI_E_INVALID_PARAMETER (0x80070057) but was S_OK (0x00000000)");
    }

    @Override
    protected int initialize(DelegatingProvider p, MapiInit init) {
        if (init != null && init.version() != 0 && (init.flags() & ~MAPI_INIT_VALID_MASK) == 0) {
            init = new MapiInit(0, init.flags());
        }
        return super.initialize(p, init);
    }
}
