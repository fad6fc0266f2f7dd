package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_UI;

import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGOFF-UI-1: an accepted confirmation returns S_OK but leaves the handle logged on. */
public final class LogoffUi1AcceptedStaysLoggedOn extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public LogoffUi1AcceptedStaysLoggedOn() {
        super(Rule.LOGOFF_UI_1, "an accepted confirmation returns S_OK but leaves the handle logged on",
                "[individual session] LOGOFF-UI-1: before logoff(0x123456789a, 0x00000002, 0) accepted by the"
                        + " confirmation returns, sink of the session must be released once (LOGOFF-1), but was released 0"
                        + " time(s)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int logoff(long ui, int flags, int reserved) {
                LogoffConfirmation hook = provider.confirmation;
                if ((flags & MAPI_LOGOFF_UI) != 0 && (flags & ~3) == 0 && reserved == 0 && hook != null
                        && !loggedOff) {
                    try {
                        return hook.confirmLogoff(ui) ? S_OK : org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
                    } catch (RuntimeException | Error e) {
                        return MAPI_E_CALL_FAILED; // decision 10: what the hook throws never escapes
                    }
                }
                return super.logoff(ui, flags, reserved);
            }
        };
    }
}
