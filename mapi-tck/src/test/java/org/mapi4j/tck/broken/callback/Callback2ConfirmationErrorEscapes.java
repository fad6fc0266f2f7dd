package org.mapi4j.tck.broken.callback;

import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks CALLBACK-2: an Error thrown by the confirmation escapes Logoff. */
public final class Callback2ConfirmationErrorEscapes extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Callback2ConfirmationErrorEscapes() {
        super(Rule.CALLBACK_2, "an Error thrown by the confirmation escapes Logoff",
                "[the confirmation throws an Error] CALLBACK-2: logoff(0x4d415049, 0x00000002, 0) let the Error thrown"
                        + " by user code escape: TCK: the confirmation fails with an Error");
    }

    @Override
    protected int afterLogoff(DelegatingSession s, int hr, int flags, int reserved) {
        Error e = s.provider.confirmationError.getAndSet(null);
        if (e != null) {
            throw e;
        }
        return hr;
    }

    @Override
    protected LogoffConfirmation confirmation(DelegatingProvider p, LogoffConfirmation hook) {
        return hook == null ? null : new LogoffConfirmation() {
            @Override
            public boolean confirmLogoff(long ui) {
                try {
                    return hook.confirmLogoff(ui);
                } catch (Error e) {
                    p.confirmationError.set(e);
                    throw e;
                }
            }
        };
    }
}
