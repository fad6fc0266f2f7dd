package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGOFF-RESERVED-1: Logoff ignores a negative ulReserved. */
public final class LogoffReserved1NegativeIgnored extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public LogoffReserved1NegativeIgnored() {
        super(Rule.LOGOFF_RESERVED_1, "Logoff ignores a negative ulReserved",
                "[logoff(0, 0, -1)] LOGOFF-RESERVED-1: logoff(0, 0x00000000, -1) expected MAPI_E_INVALID_PARAMETER (0x80070057) but was S_OK (0x00000000)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int logoff(long ui, int flags, int reserved) {
                return super.logoff(ui, flags, reserved < 0 && (flags & ~3) == 0 ? 0 : reserved);
            }
        };
    }
}
