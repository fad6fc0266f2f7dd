package org.mapi4j.tck.broken.shared;

import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_NEW_SESSION;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks SHARED-2: without MAPI_NEW_SESSION and nothing published the default profile fails. */
public final class Shared2NeedsNewSession extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Shared2NeedsNewSession() {
        super(Rule.SHARED_2, "without MAPI_NEW_SESSION and nothing published the default profile fails",
                "SHARED-2: logon(0, NULL, NULL, 0x00008060) expected S_OK (0x00000000) but was MAPI_E_LOGON_FAILED (0x80040111)");
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        int hr = super.logon(p, ui, profile, password, flags, out);
        if (hr == S_OK && (flags & MAPI_NEW_SESSION) == 0 && (profile == null || profile.isEmpty())) {
            out.get().logoff(0, 0, 0);
            out.get().release();
            out.set(null);
            return MAPI_E_LOGON_FAILED;
        }
        return hr;
    }
}
