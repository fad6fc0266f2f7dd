package org.mapi4j.tck.broken.fast;

import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiInit;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks FAST-5: MAPIInitialize after DoFastShutdown returns S_OK. */
public final class Fast5ReinitializeAfterShutdown extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Fast5ReinitializeAfterShutdown() {
        super(Rule.FAST_5, "MAPIInitialize after DoFastShutdown returns S_OK",
                "FAST-5: initialize(NULL) after doFastShutdown() expected MAPI_E_NOT_INITIALIZED (0x80040605) but was S_OK (0x00000000)");
    }

    @Override
    protected int initialize(DelegatingProvider p, MapiInit init) {
        return p.terminated ? S_OK : super.initialize(p, init);
    }
}
