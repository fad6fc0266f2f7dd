package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Notification;

/**
 * SHARED-5 with spec decision 11: a second MAPI_LOGOFF_SHARED, made by a participant from inside
 * its own notification of a shared logoff under way, logs that participant off and notifies nobody
 * again: each participant is told at most once per end of a session.
 */
class SharedLogoffOnceTest extends ReferenceLibraryFixture {

    private static final int SHARED = MapiConstants.MAPI_EXTENDED | MapiConstants.MAPI_NEW_SESSION
            | MapiConstants.MAPI_ALLOW_OTHERS | MapiConstants.MAPI_USE_DEFAULT;
    private static final int JOIN = MapiConstants.MAPI_EXTENDED;

    @Test
    void shared5ASecondSharedLogoffFromInsideTheNotificationNotifiesNobodyAgain() {
        initialize();
        provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        MapiSessionHandle owner = logon(SHARED);
        MapiSessionHandle b = logon(JOIN);
        MapiSessionHandle c = logon(JOIN);
        AtomicInteger nestedResult = new AtomicInteger(Integer.MIN_VALUE);
        RecordingSink sinkB = new RecordingSink() {
            @Override
            public int onNotify(List<Notification> notifications) {
                super.onNotify(notifications);
                nestedResult.set(b.logoff(0, MapiConstants.MAPI_LOGOFF_SHARED, 0));
                return 0;
            }
        };
        RecordingSink sinkC = new RecordingSink();
        assertHr(S_OK, b.advise(null, 0, sinkB, new LongOut()));
        assertHr(S_OK, c.advise(null, 0, sinkC, new LongOut()));

        assertHr(S_OK, owner.logoff(0, MapiConstants.MAPI_LOGOFF_SHARED, 0));

        assertHr(S_OK, nestedResult.get());
        assertEquals(List.<Notification>of(ErrorNotification.END_OF_SESSION), sinkB.received);
        assertEquals(List.<Notification>of(ErrorNotification.END_OF_SESSION), sinkC.received,
                "the other participant is told once per end of the session");
        assertHr(MAPI_E_INVALID_OBJECT, b.logoff(0, 0, 0)); // its own shared logoff logged it off
        assertHr(S_OK, c.logoff(0, MapiConstants.MAPI_LOGOFF_SHARED, 0));
        assertEquals(1, sinkC.received.size());
        assertEquals(1, sinkB.received.size());
        owner.release();
        b.release();
        c.release();
        provider.uninitialize();
    }
}
