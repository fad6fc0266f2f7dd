package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGOFF-FLAGS-2: Logoff ignores flag bit 0x00010000. */
public final class LogoffFlags2Bit16Ignored extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public LogoffFlags2Bit16Ignored() {
        super(Rule.LOGOFF_FLAGS_2, "Logoff ignores flag bit 0x00010000",
                "[logoff(0, 0x00010000, 0)] LOGOFF-FLAGS-2: logoff(0, 0x00010000, 0) expected MAPI_E_UNKNOWN_FLAGS (0x80040106) but was S_OK (0x00000000)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int logoff(long ui, int flags, int reserved) {
                return super.logoff(ui, flags & ~0x00010000, reserved);
            }
        };
    }
}
