package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGOFF-5: two racing Logoff calls both return S_OK. */
public final class Logoff5RacingLogoffsBothWin extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logoff5RacingLogoffsBothWin() {
        super(Rule.LOGOFF_5, "two racing Logoff calls both return S_OK",
                "LOGOFF-5: round 1: 16 concurrent logoff(0, 0, 0) on one handle expected exactly 1 S_OK and 15 MAPI_E_INVALID_OBJECT (0x80040108) but got 2 S_OK, 14 MAPI_E_INVALID_OBJECT, others []");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            private final AtomicInteger arrivals = new AtomicInteger();
            private final CountDownLatch second = new CountDownLatch(1);

            @Override
            public int logoff(long ui, int flags, int reserved) {
                if (Thread.currentThread() == creator || flags != 0) {
                    return super.logoff(ui, flags, reserved);
                }
                int arrival = arrivals.incrementAndGet();
                if (arrival == 1) {
                    try {
                        second.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else if (arrival == 2) {
                    second.countDown();
                }
                int hr = super.logoff(ui, flags, reserved);
                return arrival <= 2 && hr == MAPI_E_INVALID_OBJECT ? S_OK : hr;
            }
        };
    }
}
