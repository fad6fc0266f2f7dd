package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks LOGOFF-UI-2: a declined confirmation logs off anyway. */
public final class LogoffUi2DeclineIgnored extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public LogoffUi2DeclineIgnored() {
        super(Rule.LOGOFF_UI_2, "a declined confirmation logs off anyway",
                "[individual session] LOGOFF-UI-2: logoff(0x123456789a, 0x00000002, 0) expected MAPI_E_USER_CANCEL (0x80040113) but was S_OK (0x00000000)");
    }

    @Override
    protected LogoffConfirmation confirmation(DelegatingProvider p, LogoffConfirmation hook) {
        return hook == null ? null : ui -> {
            hook.confirmLogoff(ui);
            return true;
        };
    }
}
