package org.mapi4j.tck.broken.logon;

import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks LOGON-1: MAPILogonEx accepts the undefined flag 0x80. */
public final class Logon1Flag0x80Accepted extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logon1Flag0x80Accepted() {
        super(Rule.LOGON_1, "MAPILogonEx accepts the undefined flag 0x80",
                "[flag 0x00000080] LOGON-1: logon(0, NULL, NULL, 0x000080E2) expected MAPI_E_UNKNOWN_FLAGS (0x80040106) but was S_OK (0x00000000)");
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        return super.logon(p, ui, profile, password, flags & ~0x80, out);
    }
}
