package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.HandleState;

/** REL-1: the final Release of a logged-on handle is an implicit Logoff(0, 0, 0). */
class ReleaseTest {

    private final Fx fx = new Fx();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    @DisplayName("REL-1: final Release while LOGGED_ON logs off (sinks released, session ended) and destroys")
    void REL_1_finalReleaseLogsOff() {
        InMemorySessionHandle handle = fx.individual();
        RecordingSink sink = new RecordingSink();
        Fx.advise(handle, sink);
        assertEquals(2, handle.addRef());
        assertEquals(1, handle.release());
        assertEquals(HandleState.LOGGED_ON, handle.handleState(), "not the final Release");
        assertEquals(0, handle.release());
        assertEquals(HandleState.DESTROYED, handle.handleState());
        assertEquals(0, sink.held());
        assertEquals(UnderlyingSession.State.ENDED, handle.session().state());
        assertEquals(0, fx.provider.liveSessionCount());
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, handle.logoff(0, 0, 0));
        assertEquals(0, handle.release(), "Release after destruction stays at 0");
    }

    @Test
    @DisplayName("REL-1: the implicit logoff never sends the shared-logoff notification and never asks the hook")
    void REL_1_noSharedNotificationNoHook() {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        AtomicInteger asked = new AtomicInteger();
        fx.provider.setLogoffConfirmation(ui -> asked.incrementAndGet() > 0);
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        RecordingSink joinerSink = new RecordingSink();
        Fx.advise(joiner, joinerSink);
        assertEquals(0, owner.release());
        assertEquals(0, joinerSink.calls.get());
        assertEquals(0, asked.get());
        assertEquals(HandleState.LOGGED_ON, joiner.handleState());
        assertEquals(joiner.session(), fx.join().session(), "the session stays published (SHARED-3)");
    }

    @Test
    @DisplayName("REL-1: releasing the last participant of a shared session ends and unpublishes it")
    void REL_1_lastParticipantEndsSharedSession() {
        InMemorySessionHandle owner = fx.publish();
        assertEquals(0, owner.release());
        assertEquals(UnderlyingSession.State.ENDED, owner.session().state());
        InMemorySessionHandle next = fx.publish();
        assertEquals(next.session(), fx.join().session());
    }
}
