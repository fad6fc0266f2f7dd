package org.mapi4j.tck.broken.logon;

import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks LOGON-10: MAPILogonEx rejects a ulUIParam with the top bit set. */
public final class Logon10NegativeUiParamRejected extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logon10NegativeUiParamRejected() {
        super(Rule.LOGON_10, "MAPILogonEx rejects a ulUIParam with the top bit set",
                "[ulUIParam ffffffffffffffff] LOGON-10: logon(0xffffffffffffffff, NULL, NULL, 0x00008062) expected S_OK (0x00000000) but was MAPI_E_LOGON_FAILED (0x80040111)");
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        return ui < 0 ? MAPI_E_LOGON_FAILED : super.logon(p, ui, profile, password, flags, out);
    }
}
