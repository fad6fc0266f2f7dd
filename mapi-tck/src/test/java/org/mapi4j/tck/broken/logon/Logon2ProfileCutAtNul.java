package org.mapi4j.tck.broken.logon;

import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks LOGON-2: MAPILogonEx cuts the profile name at U+0000. */
public final class Logon2ProfileCutAtNul extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logon2ProfileCutAtNul() {
        super(Rule.LOGON_2, "MAPILogonEx cuts the profile name at U+0000",
                "[profile name with U+0000 is not cut at the NUL] LOGON-2: logon(0, \"Default\\0tck\", NULL, 0x00008022)"
                        + " expected MAPI_E_LOGON_FAILED (0x80040111) but was S_OK (0x00000000)");
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        String cut = profile == null || profile.indexOf('\u0000') < 0 ? profile
                : profile.substring(0, profile.indexOf('\u0000'));
        return super.logon(p, ui, cut, password, flags, out);
    }
}
