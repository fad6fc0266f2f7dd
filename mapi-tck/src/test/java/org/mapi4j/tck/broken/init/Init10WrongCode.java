package org.mapi4j.tck.broken.init;

import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGON_VALID_MASK;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks INIT-10: MAPILogonEx before MAPIInitialize returns MAPI_E_LOGON_FAILED. */
public final class Init10WrongCode extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init10WrongCode() {
        super(Rule.INIT_10, "MAPILogonEx before MAPIInitialize returns MAPI_E_LOGON_FAILED",
                "INIT-10: logon(0, NULL, NULL, 0x00008062) after nothing (a fresh provider) expected MAPI_E_NOT_INITIALIZED (0x80040605) but was MAPI_E_LOGON_FAILED (0x80040111)");
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        int hr = super.logon(p, ui, profile, password, flags, out);
        return hr == MAPI_E_NOT_INITIALIZED && password == null && p.initCount == 0
                && (flags & ~MAPI_LOGON_VALID_MASK) == 0 ? MAPI_E_LOGON_FAILED : hr;
    }
}
