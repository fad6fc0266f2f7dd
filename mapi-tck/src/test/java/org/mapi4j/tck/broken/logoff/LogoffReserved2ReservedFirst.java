package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;

import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGOFF-RESERVED-2: Logoff checks ulReserved before the flags. */
public final class LogoffReserved2ReservedFirst extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public LogoffReserved2ReservedFirst() {
        super(Rule.LOGOFF_RESERVED_2, "Logoff checks ulReserved before the flags",
                "[logoff(0, 0x00000004, 1)] LOGOFF-RESERVED-2: logoff(0, 0x00000004, 1) expected MAPI_E_UNKNOWN_FLAGS (0x80040106) but was MAPI_E_INVALID_PARAMETER (0x80070057)");
    }

    @Override
    protected int afterLogoff(DelegatingSession s, int hr, int flags, int reserved) {
        return hr == MAPI_E_UNKNOWN_FLAGS && reserved != 0 ? MAPI_E_INVALID_PARAMETER : hr;
    }
}
