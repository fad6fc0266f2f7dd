package org.mapi4j.tck.broken.logon;

import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_EXPLICIT_PROFILE;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks LOGON-4: MAPI_EXPLICIT_PROFILE defeats MAPI_USE_DEFAULT. */
public final class Logon4ExplicitProfileWins extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logon4ExplicitProfileWins() {
        super(Rule.LOGON_4, "MAPI_EXPLICIT_PROFILE defeats MAPI_USE_DEFAULT",
                "[NULL name, flags 0x00008072 uses the default profile] LOGON-4: logon(0, NULL, NULL, 0x00008072) expected S_OK (0x00000000) but was MAPI_E_LOGON_FAILED (0x80040111)");
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        return (profile == null || profile.isEmpty()) && (flags & MAPI_EXPLICIT_PROFILE) != 0
                ? MAPI_E_LOGON_FAILED : super.logon(p, ui, profile, password, flags, out);
    }
}
