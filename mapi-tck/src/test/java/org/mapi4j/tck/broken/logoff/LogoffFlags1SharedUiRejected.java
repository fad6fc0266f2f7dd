package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_UI;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGOFF-FLAGS-1: Logoff rejects MAPI_LOGOFF_SHARED | MAPI_LOGOFF_UI. */
public final class LogoffFlags1SharedUiRejected extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public LogoffFlags1SharedUiRejected() {
        super(Rule.LOGOFF_FLAGS_1, "Logoff rejects MAPI_LOGOFF_SHARED | MAPI_LOGOFF_UI",
                "[logoff(0, 0x00000003, 0)] LOGOFF-FLAGS-1: logoff(0, 0x00000003, 0) expected S_OK (0x00000000) but was MAPI_E_UNKNOWN_FLAGS (0x80040106)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int logoff(long ui, int flags, int reserved) {
                return flags == 3 && reserved == 0 && ui == 0 ? MAPI_E_UNKNOWN_FLAGS : super.logoff(ui, flags, reserved);
            }
        };
    }
}
