package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/** Spec B.7: shared sessions (SHARED-1 to SHARED-5). SHARED-8 is in {@link SharedLogoffPolicyTest}. */
class SharedSessionTest {

    private final Fx fx = new Fx();

    SharedSessionTest() {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    @DisplayName("SHARED-1: the shared session is published per provider instance")
    void SHARED_1_perInstanceScope() {
        InMemorySessionHandle owner = fx.publish();
        try (Fx second = new Fx()) {
            Out<MapiSessionHandle> out = new Out<>();
            assertEquals(0x80040111, second.provider.logon(0, null, null, Hr.EXTENDED, out),
                    "nothing is published on the other instance");
            assertNull(out.get());
            InMemorySessionHandle other = second.publish();
            assertNotSame(owner.session(), other.session());
            assertEquals(other.session(), second.join().session());
        }
        assertEquals(owner.session(), fx.join().session());
    }

    @Test
    @DisplayName("SHARED-2: with nothing published, a logon without NEW_SESSION is a new-session logon")
    void SHARED_2_noSharedSession() {
        InMemorySessionHandle individual = fx.individual();
        InMemorySessionHandle handle = fx.logon(null, Hr.USE_DEFAULT | Hr.EXTENDED);
        assertNotSame(individual.session(), handle.session());
        assertEquals(Hr.MAPI_E_LOGON_FAILED, fx.provider.logon(0, null, null, Hr.EXTENDED, new Out<>()));
        InMemorySessionHandle published = fx.logon(null, Hr.USE_DEFAULT | Hr.ALLOW_OTHERS);
        assertEquals(published.session(), fx.join().session(), "ALLOW_OTHERS without NEW_SESSION published it");
    }

    @Test
    @DisplayName("SHARED-3: a plain logoff of a participant affects only its handle; the last one ends the session")
    void SHARED_3_plainLogoffOfParticipant() {
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        RecordingSink joinerSink = new RecordingSink();
        Fx.advise(joiner, joinerSink);
        assertEquals(Hr.S_OK, owner.logoff(0, 0, 0));
        assertEquals(HandleState.LOGGED_OFF, owner.handleState());
        assertEquals(HandleState.LOGGED_ON, joiner.handleState());
        assertEquals(0, joinerSink.calls.get());
        assertEquals(UnderlyingSession.State.ACTIVE, joiner.session().state());
        InMemorySessionHandle late = fx.join();
        assertEquals(joiner.session(), late.session(), "still published");
        assertEquals(Hr.S_OK, joiner.logoff(0, 0, 0));
        assertEquals(UnderlyingSession.State.ACTIVE, late.session().state());
        assertEquals(Hr.S_OK, late.logoff(0, 0, 0));
        assertEquals(UnderlyingSession.State.ENDED, late.session().state());
        assertEquals(Hr.MAPI_E_LOGON_FAILED, fx.provider.logon(0, null, null, Hr.EXTENDED, new Out<>()),
                "unpublished");
    }

    @Test
    @DisplayName("SHARED-4: MAPI_LOGOFF_SHARED on an individual session is a plain logoff")
    void SHARED_4_flagOnIndividualSession() {
        InMemorySessionHandle individual = fx.individual();
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        RecordingSink ownSink = new RecordingSink();
        RecordingSink ownerSink = new RecordingSink();
        RecordingSink joinerSink = new RecordingSink();
        Fx.advise(individual, ownSink);
        Fx.advise(owner, ownerSink);
        Fx.advise(joiner, joinerSink);
        assertEquals(0x00000000, individual.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(HandleState.LOGGED_OFF, individual.handleState());
        assertEquals(UnderlyingSession.State.ENDED, individual.session().state());
        assertEquals(0, ownSink.criticalErrors() + ownerSink.calls.get() + joinerSink.calls.get());
        assertEquals(owner.session(), fx.join().session(), "the published session is untouched");
    }

    @Test
    @DisplayName("SHARED-5: shared logoff unpublishes, notifies each other session-level sink exactly once, then logs off")
    void SHARED_5_sharedLogoff() {
        InMemorySessionHandle owner = fx.publish();
        List<InMemorySessionHandle> joiners = new ArrayList<>();
        List<RecordingSink> sinks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            InMemorySessionHandle joiner = fx.join();
            joiners.add(joiner);
            for (int mask : new int[] {Hr.FNEV_CRITICAL_ERROR, 0, 0x2 | 0x100}) {
                RecordingSink sink = new RecordingSink();
                assertEquals(Hr.S_OK, joiner.advise(null, mask, sink, new LongOut()));
                sinks.add(sink);
            }
        }
        InMemorySessionHandle loggedOff = fx.join();
        RecordingSink loggedOffSink = new RecordingSink();
        Fx.advise(loggedOff, loggedOffSink);
        assertEquals(Hr.S_OK, loggedOff.logoff(0, 0, 0));
        RecordingSink ownSink = new RecordingSink();
        Fx.advise(owner, ownSink);

        assertEquals(0x00000000, owner.logoff(0, Hr.LOGOFF_SHARED, 0));

        for (RecordingSink sink : sinks) {
            assertEquals(List.of(new ErrorNotification(null, 0x80040200, 0, null)), sink.received);
            assertEquals(0x1, sink.received.get(0).eventType());
        }
        assertEquals(0, ownSink.criticalErrors(), "the caller's own sinks get no critical error");
        assertEquals(0, loggedOffSink.criticalErrors(), "logged-off participants are not notified");
        assertEquals(HandleState.LOGGED_OFF, owner.handleState());
        assertEquals(UnderlyingSession.State.ENDING, owner.session().state());
        InMemorySessionHandle fresh = fx.logon(null, Hr.USE_DEFAULT | Hr.EXTENDED);
        assertNotSame(owner.session(), fresh.session(), "later logons do not join an ending session");
        for (InMemorySessionHandle joiner : joiners) {
            assertEquals(HandleState.LOGGED_ON, joiner.handleState());
            assertEquals(Hr.S_OK, joiner.queryIdentity(new Out<>()), "still functional");
        }
        for (InMemorySessionHandle joiner : joiners) {
            assertEquals(Hr.S_OK, joiner.logoff(0, 0, 0));
        }
        assertEquals(UnderlyingSession.State.ENDED, owner.session().state());
    }

    @Test
    @DisplayName("SHARED-5: any participant may set MAPI_LOGOFF_SHARED; a second shared logoff notifies nobody again")
    void SHARED_5_anyParticipantOnce() {
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle a = fx.join();
        InMemorySessionHandle b = fx.join();
        RecordingSink ownerSink = new RecordingSink();
        RecordingSink aSink = new RecordingSink();
        RecordingSink bSink = new RecordingSink();
        Fx.advise(owner, ownerSink);
        Fx.advise(a, aSink);
        Fx.advise(b, bSink);
        assertEquals(Hr.S_OK, a.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(1, ownerSink.criticalErrors());
        assertEquals(1, bSink.criticalErrors());
        assertEquals(0, aSink.criticalErrors());
        assertEquals(Hr.S_OK, b.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(1, ownerSink.criticalErrors(), "notified exactly once");
        assertEquals(HandleState.LOGGED_ON, owner.handleState());
        assertEquals(Hr.S_OK, owner.logoff(0, Hr.LOGOFF_SHARED | Hr.LOGOFF_UI, 0));
        assertEquals(UnderlyingSession.State.ENDED, owner.session().state());
    }
}
