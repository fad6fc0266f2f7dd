package org.mapi4j.tck.broken.callback;

import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/**
 * Breaks CALLBACK-3: the last MAPIUninitialize returns at once while a Logoff is still running, and finishes later.
 */
public final class Callback3UninitializeDoesNotWait extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Callback3UninitializeDoesNotWait() {
        super(Rule.CALLBACK_3, "the last MAPIUninitialize returns at once while a Logoff is still running, and finishes later",
                "[the last MAPIUninitialize during a shared logoff's delivery waits for it] CALLBACK-3: the last"
                        + " uninitialize() returned while a shared logoff that started before it was still delivering"
                        + " its notification");
    }

    @Override
    protected void uninitialize(DelegatingProvider p) {
        if (p.logoffsInFlight.get() == 0) {
            super.uninitialize(p);
            return;
        }
        Thread later = new Thread(() -> super.uninitialize(p), "broken-uninitialize-later");
        later.setDaemon(true);
        later.start();
    }
}
