package org.mapi4j.tck.broken.logon;

import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_ALLOW_OTHERS;

import java.lang.reflect.Proxy;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks LOGON-9: a failed MAPI_ALLOW_OTHERS logon leaves an object in the out-parameter. */
public final class Logon9FailedLogonLeavesHandle extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logon9FailedLogonLeavesHandle() {
        super(Rule.LOGON_9, "a failed MAPI_ALLOW_OTHERS logon leaves an object in the out-parameter",
                "LOGON-9: logon(0, \"mapi4j-tck-no-such-profile\", NULL, 0x0000806A) failed with MAPI_E_LOGON_FAILED (0x80040111) but left a handle in its out-parameter");
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        int hr = super.logon(p, ui, profile, password, flags, out);
        if (hr != S_OK && (flags & MAPI_ALLOW_OTHERS) != 0) {
            out.set((MapiSessionHandle) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {MapiSessionHandle.class}, (self, m, a) -> {
                        throw new UnsupportedOperationException("half-made handle");
                    }));
        }
        return hr;
    }
}
