package org.mapi4j.tck.broken.fast;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.UUID;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks FAST-1: declares FAST_SHUTDOWN but QueryInterface(IID_IMAPIClientShutdown) fails. */
public final class Fast1NoClientShutdown extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Fast1NoClientShutdown() {
        super(Rule.FAST_1, "declares FAST_SHUTDOWN but QueryInterface(IID_IMAPIClientShutdown) fails",
                "FAST-1: queryInterface(IID_IMAPIClientShutdown) on a provider with FAST_SHUTDOWN expected S_OK (0x00000000) but was MAPI_E_INTERFACE_NOT_SUPPORTED (0x80004002)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int queryInterface(UUID iid, Out<Object> ppv) {
                if (Iids.IID_IMAPICLIENTSHUTDOWN.equals(iid)) {
                    int hr = delegate.queryInterface(iid, ppv);
                    if (hr == S_OK && ppv.get() instanceof org.mapi4j.spi.MapiUnknown unknown) {
                        unknown.release();
                    }
                    ppv.set(null);
                    return hr == MAPI_E_INVALID_OBJECT ? hr : MAPI_E_INTERFACE_NOT_SUPPORTED;
                }
                return super.queryInterface(iid, ppv);
            }
        };
    }
}
