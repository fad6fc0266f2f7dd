package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.S_OK;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Notification;
import org.slf4j.LoggerFactory;

/** Java advise sinks behind native Advise: delivery, NOTIFY-6, faulty sinks, reference counts. */
class AdviseTest extends ReferenceLibraryFixture {

    private static final int SHARED = MapiConstants.MAPI_EXTENDED | MapiConstants.MAPI_NEW_SESSION
            | MapiConstants.MAPI_ALLOW_OTHERS | MapiConstants.MAPI_USE_DEFAULT;
    private static final int JOIN = MapiConstants.MAPI_EXTENDED;

    private static long advise(MapiSessionHandle session, int mask, RecordingSink sink) {
        LongOut connection = new LongOut();
        assertHr(S_OK, session.advise(null, mask, sink, connection));
        return connection.get();
    }

    /**
     * On JNA, its direct callback dispatch, the cheap upcall for OnNotify and Release, is reachable on
     * the class path; the FFM binding's upcalls are stubs, with nothing to fall back to.
     */
    @Test
    void callbacksUseDirectDispatch() {
        if ("JNA".equals(Abi.B.name())) {
            assertTrue(Callbacks.direct(), "JNA's direct callback dispatch is not used");
        } else {
            assertEquals("FFM", Abi.B.name());
        }
    }

    @Test
    void shared5SharedLogoffReachesEveryOtherParticipantsJavaSinksExactlyOnce() {
        initialize();
        provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        MapiSessionHandle owner = logon(SHARED);
        MapiSessionHandle joiner = logon(JOIN);
        RecordingSink ownSink = new RecordingSink();
        RecordingSink otherSink = new RecordingSink();
        RecordingSink secondOtherSink = new RecordingSink();
        advise(owner, 0, ownSink);
        advise(joiner, 0, otherSink);
        advise(joiner, MapiConstants.FNEV_CRITICAL_ERROR, secondOtherSink);

        assertHr(S_OK, owner.logoff(0, MapiConstants.MAPI_LOGOFF_SHARED, 0));

        assertEquals(List.<Notification>of(ErrorNotification.END_OF_SESSION), otherSink.received);
        assertEquals(List.<Notification>of(ErrorNotification.END_OF_SESSION), secondOtherSink.received);
        assertEquals(0, ownSink.criticalErrors(), "the caller's own handle is not told (SHARED-5b)");
        assertEquals(0, ownSink.held(), "Logoff ended the caller's registration (LOGOFF-1a)");
        assertEquals(1, otherSink.held(), "the other handle stays logged on with its registration");

        assertHr(S_OK, joiner.logoff(0, 0, 0));
        assertEquals(0, otherSink.held());
        assertEquals(1L, otherSink.criticalErrors(), "still exactly once");
        owner.release();
        joiner.release();
        provider.uninitialize();
    }

    @Test
    void notify6AnUnadvisedJavaSinkReceivesNothingMore() {
        initialize();
        provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        MapiSessionHandle owner = logon(SHARED);
        MapiSessionHandle joiner = logon(JOIN);
        RecordingSink unadvised = new RecordingSink();
        RecordingSink kept = new RecordingSink();
        long connection = advise(joiner, 0, unadvised);
        advise(joiner, 0, kept);
        assertHr(S_OK, joiner.unadvise(connection));
        assertEquals(1, unadvised.addRefs.get());
        assertEquals(1, unadvised.releases.get());

        assertHr(S_OK, owner.logoff(0, MapiConstants.MAPI_LOGOFF_SHARED, 0));

        assertTrue(unadvised.received.isEmpty());
        assertEquals(1L, kept.criticalErrors());
        owner.release();
        joiner.release();
        provider.uninitialize();
    }

    @Test
    void aThrowingJavaSinkIsLoggedAndTheOthersStillReceive() {
        Logger log = (Logger) LoggerFactory.getLogger(org.mapi4j.spi.support.AdviseRegistration.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            initialize();
            provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
            MapiSessionHandle owner = logon(SHARED);
            MapiSessionHandle joiner = logon(JOIN);
            RecordingSink throwing = new RecordingSink() {
                @Override
                public int onNotify(List<Notification> notifications) {
                    super.onNotify(notifications);
                    throw new IllegalStateException("sink failure for the test");
                }
            };
            RecordingSink after = new RecordingSink();
            advise(joiner, 0, throwing);
            advise(joiner, 0, after);

            assertHr(S_OK, owner.logoff(0, MapiConstants.MAPI_LOGOFF_SHARED, 0));

            assertEquals(1L, throwing.criticalErrors());
            assertEquals(1L, after.criticalErrors(), "delivery went on after the faulty sink");
            assertTrue(appender.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                    && e.getThrowableProxy() != null
                    && e.getThrowableProxy().getMessage().equals("sink failure for the test")), "logged");
            owner.release();
            joiner.release();
            provider.uninitialize();
        } finally {
            log.detachAppender(appender);
        }
    }

    @Test
    void logoff4TheOwnSinksMayHearTheExtendedLogoffNotification() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        RecordingSink sink = new RecordingSink();
        advise(session, MapiConstants.FNEV_EXTENDED, sink);
        assertHr(S_OK, session.logoff(0, 0, 0));
        assertEquals(List.<Notification>of(ExtendedNotification.LOGOFF), sink.received);
        assertEquals(0, sink.held());
        session.release();
        provider.uninitialize();
    }

    @Test
    void notify2And7AreAnsweredInFrontOfNativeCode() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        assertHr(MAPI_E_INVALID_PARAMETER, session.advise(null, 0, null, new LongOut()));
        assertHr(MAPI_E_INVALID_PARAMETER, session.advise(new byte[0], 0, new RecordingSink(), new LongOut()));
        assertHr(MAPI_E_NOT_FOUND, session.unadvise(0));
        assertHr(MAPI_E_NOT_FOUND, session.unadvise(12345));
        session.logoff(0, 0, 0);
        assertHr(MAPI_E_INVALID_OBJECT, session.advise(null, 0, new RecordingSink(), new LongOut())); // NOTIFY-9
        session.release();
        provider.uninitialize();
    }

    @Test
    void releaseWithoutLogoffEndsRegistrations() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        RecordingSink sink = new RecordingSink();
        advise(session, 0, sink);
        assertEquals(0, session.release()); // REL-1
        assertEquals(0, sink.held());
        provider.uninitialize();
    }
}
