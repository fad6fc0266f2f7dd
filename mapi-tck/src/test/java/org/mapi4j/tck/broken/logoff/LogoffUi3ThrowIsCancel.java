package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;

import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks LOGOFF-UI-3: a throwing confirmation is taken as a user cancel. */
public final class LogoffUi3ThrowIsCancel extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public LogoffUi3ThrowIsCancel() {
        super(Rule.LOGOFF_UI_3, "a throwing confirmation is taken as a user cancel",
                "[individual session] LOGOFF-UI-3: logoff(0x123456789a, 0x00000002, 0) expected MAPI_E_CALL_FAILED (0x80004005) but was MAPI_E_USER_CANCEL (0x80040113)");
    }

    @Override
    protected LogoffConfirmation confirmation(DelegatingProvider p, LogoffConfirmation hook) {
        return hook == null ? null : ui -> {
            try {
                return hook.confirmLogoff(ui);
            } catch (RuntimeException e) {
                return false;
            }
        };
    }
}
