package org.mapi4j.tck.broken.logon;

import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks LOGON-2: MAPILogonEx counts the terminator, so a profile name of 64 characters is too long. */
public final class Logon2SixtyFourCharactersRefused extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logon2SixtyFourCharactersRefused() {
        super(Rule.LOGON_2, "MAPILogonEx refuses a profile name of exactly 64 characters",
                "[profile name of exactly 64 characters is no parameter error: it joins] LOGON-2: logon(0, a profile"
                        + " name of 64 characters, NULL, 0x00008020) while a shared session is published expected S_OK"
                        + " (0x00000000) but was MAPI_E_LOGON_FAILED (0x80040111)");
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags,
            Out<MapiSessionHandle> out) {
        if (profile != null && profile.length() == 64) {
            out.set(null);
            return MAPI_E_LOGON_FAILED;
        }
        return super.logon(p, ui, profile, password, flags, out);
    }
}
