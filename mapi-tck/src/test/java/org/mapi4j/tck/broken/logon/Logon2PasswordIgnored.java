package org.mapi4j.tck.broken.logon;

import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks LOGON-2: MAPILogonEx ignores a non-null password. */
public final class Logon2PasswordIgnored extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logon2PasswordIgnored() {
        super(Rule.LOGON_2, "MAPILogonEx ignores a non-null password",
                "[non-null password] LOGON-2: logon(0, NULL, <password>, 0x00008062) expected MAPI_E_LOGON_FAILED (0x80040111) but was S_OK (0x00000000)");
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        return super.logon(p, ui, profile, null, flags, out);
    }
}
