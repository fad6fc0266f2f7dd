package org.mapi4j.tck.broken.shared;

import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;

import java.util.List;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks SHARED-5: every critical-error notification reaches a sink twice. */
public final class Shared5NotifiedTwice extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Shared5NotifiedTwice() {
        super(Rule.SHARED_5, "every critical-error notification reaches a sink twice",
                "[the publisher logs off shared] SHARED-5: after logoff(0, MAPI_LOGOFF_SHARED, 0) by the publisher sink 0 of participant 1 expected exactly 1 notification(s) but got 2 [ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL], ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL]]");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int forward(org.mapi4j.spi.AdviseSink target, List<org.mapi4j.spi.Notification> notifications) {
                int r = super.forward(target, notifications);
                if (notifications.stream().anyMatch(n -> n instanceof ErrorNotification)) {
                    r = super.forward(target, notifications);
                }
                return r;
            }
        };
    }
}
