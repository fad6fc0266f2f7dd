package org.mapi4j.tck.broken.fast;

import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingClientShutdown;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks FAST-4: DoFastShutdown without QueryFastShutdown returns MAPI_E_NO_SUPPORT. */
public final class Fast4NeedsQueryFirst extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Fast4NeedsQueryFirst() {
        super(Rule.FAST_4, "DoFastShutdown without QueryFastShutdown returns MAPI_E_NO_SUPPORT",
                "[the provider as created] FAST-4: doFastShutdown() without queryFastShutdown() (the same policy answered S_OK (0x00000000)) expected S_OK (0x00000000) but was MAPI_E_NO_SUPPORT (0x80040102)");
    }

    @Override
    protected ClientShutdown shutdown(DelegatingProvider p, ClientShutdown cs) {
        return new DelegatingClientShutdown(p, cs) {
            @Override
            public int doFastShutdown() {
                return queried ? super.doFastShutdown() : MAPI_E_NO_SUPPORT;
            }
        };
    }
}
