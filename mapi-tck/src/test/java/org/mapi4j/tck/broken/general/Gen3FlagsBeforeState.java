package org.mapi4j.tck.broken.general;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;

import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks GEN-3: a logged-off handle answers bad Logoff flags with MAPI_E_UNKNOWN_FLAGS. */
public final class Gen3FlagsBeforeState extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Gen3FlagsBeforeState() {
        super(Rule.GEN_3, "a logged-off handle answers bad Logoff flags with MAPI_E_UNKNOWN_FLAGS",
                "[logged-off handle, bad flags, bad reserved: MAPI_E_INVALID_OBJECT] GEN-3: logoff(0, 0x4, 1) after logoff expected MAPI_E_INVALID_OBJECT (0x80040108) but was MAPI_E_UNKNOWN_FLAGS (0x80040106)");
    }

    @Override
    protected int afterLogoff(DelegatingSession s, int hr, int flags, int reserved) {
        return hr == MAPI_E_INVALID_OBJECT && (flags & ~3) != 0 ? MAPI_E_UNKNOWN_FLAGS : hr;
    }
}
