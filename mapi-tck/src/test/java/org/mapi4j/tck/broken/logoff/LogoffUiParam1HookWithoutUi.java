package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_UI;

import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGOFF-UIPARAM-1: Logoff asks the confirmation even without MAPI_LOGOFF_UI. */
public final class LogoffUiParam1HookWithoutUi extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public LogoffUiParam1HookWithoutUi() {
        super(Rule.LOGOFF_UIPARAM_1, "Logoff asks the confirmation even without MAPI_LOGOFF_UI",
                "[the confirmation sees exactly 0x0] LOGOFF-UIPARAM-1: logoff without MAPI_LOGOFF_UI called the confirmation hook 1 time(s)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int logoff(long ui, int flags, int reserved) {
                LogoffConfirmation hook = provider.confirmation;
                if ((flags & MAPI_LOGOFF_UI) == 0 && hook != null) {
                    hook.confirmLogoff(ui);
                }
                return super.logoff(ui, flags, reserved);
            }
        };
    }
}
