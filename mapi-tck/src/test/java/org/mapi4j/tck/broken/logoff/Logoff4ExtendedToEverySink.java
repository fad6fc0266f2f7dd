package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.FNEV_EXTENDED;

import java.util.List;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;
import org.mapi4j.tck.broken.ForwardingSink;

/** Breaks LOGOFF-4: Logoff sends the extended notification also to sinks that did not ask. */
public final class Logoff4ExtendedToEverySink extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logoff4ExtendedToEverySink() {
        super(Rule.LOGOFF_4, "Logoff sends the extended notification also to sinks that did not ask",
                "[logoff(0, 0, 0)] LOGOFF-4: logoff(0, 0, 0) must not send sink mask 0 (not registered for fnevExtended) a"
                        + " notification, but it received [ExtendedNotification[event=0, 0 bytes]]");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int logoff(long ui, int flags, int reserved) {
                List<ForwardingSink> sinks = List.copyOf(registrations.values());
                int hr = super.logoff(ui, flags, reserved);
                if (hr == S_OK) {
                    for (ForwardingSink sink : sinks) {
                        if ((sink.mask & FNEV_EXTENDED) == 0) {
                            notifyQuietly(sink.target, ExtendedNotification.LOGOFF);
                        }
                    }
                }
                return hr;
            }
        };
    }
}
