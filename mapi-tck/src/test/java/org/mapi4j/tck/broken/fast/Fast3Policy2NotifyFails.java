package org.mapi4j.tck.broken.fast;

import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingClientShutdown;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks FAST-3: NotifyProcessShutdown under policy 2 returns MAPI_E_NO_SUPPORT. */
public final class Fast3Policy2NotifyFails extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Fast3Policy2NotifyFails() {
        super(Rule.FAST_3, "NotifyProcessShutdown under policy 2 returns MAPI_E_NO_SUPPORT",
                "[policy 2] FAST-3: notifyProcessShutdown() expected S_OK (0x00000000) but was MAPI_E_NO_SUPPORT (0x80040102)");
    }

    @Override
    protected ClientShutdown shutdown(DelegatingProvider p, ClientShutdown cs) {
        return new DelegatingClientShutdown(p, cs) {
            @Override
            public int notifyProcessShutdown() {
                int hr = super.notifyProcessShutdown();
                return p.policy == 2 ? MAPI_E_NO_SUPPORT : hr;
            }
        };
    }
}
