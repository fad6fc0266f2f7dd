package org.mapi4j.tck.broken.fast;

import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingClientShutdown;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks FAST-2: QueryFastShutdown under policy 2 returns S_OK. */
public final class Fast2Policy2AllowsQuery extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Fast2Policy2AllowsQuery() {
        super(Rule.FAST_2, "QueryFastShutdown under policy 2 returns S_OK",
                "[policy 2] FAST-2: queryFastShutdown() under policy 2 expected MAPI_E_NO_SUPPORT (0x80040102) but was S_OK (0x00000000)");
    }

    @Override
    protected ClientShutdown shutdown(DelegatingProvider p, ClientShutdown cs) {
        return new DelegatingClientShutdown(p, cs) {
            @Override
            public int queryFastShutdown() {
                int hr = super.queryFastShutdown();
                return p.policy == 2 ? S_OK : hr;
            }
        };
    }
}
