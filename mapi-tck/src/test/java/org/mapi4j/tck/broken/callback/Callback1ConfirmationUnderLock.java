package org.mapi4j.tck.broken.callback;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/**
 * Breaks CALLBACK-1: Logoff runs the confirmation while it holds a non-reentrant lock of the handle that Logoff takes.
 */
public final class Callback1ConfirmationUnderLock extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Callback1ConfirmationUnderLock() {
        super(Rule.CALLBACK_1, "Logoff runs the confirmation while it holds a non-reentrant lock of the handle that Logoff takes",
                "[the confirmation calls Logoff on its own session] CALLBACK-1: the confirmation calls Logoff on its"
                        + " own session did not end within PT2S (a hang; spec decision 9); every thread's stack:\n{stacks}");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            private final java.util.concurrent.Semaphore lock = new java.util.concurrent.Semaphore(1);

            @Override
            public int logoff(long ui, int flags, int reserved) {
                lock.acquireUninterruptibly();
                try {
                    return super.logoff(ui, flags, reserved);
                } finally {
                    lock.release();
                }
            }
        };
    }
}
