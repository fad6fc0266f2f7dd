package org.mapi4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;

/**
 * A shared logoff with 64 participants (SHARED-3, SHARED-5, OQ-9), raced: 64 threads join the
 * published session together and register a sink, then keep calling QueryIdentity on their own
 * handles while the owner's {@code Logoff(MAPI_LOGOFF_SHARED)} runs. Every participant is notified
 * exactly once (critical error, {@code MAPI_E_END_OF_SESSION} where the provider declares it), the
 * owner's own sink never, every participant's call returns {@code S_OK} (their handles stay
 * LOGGED_ON), and their later plain Logoffs notify nobody. 10 rounds by default, 200 with
 * {@code -Dmapi4j.soak.full=true}.
 */
class SharedFanOutRaceTest {

    private static final int PARTICIPANTS = 64;
    private static final int CALLS_DURING_LOGOFF = 50;

    /** A participant's handle and sink, as its thread reports them after the join. */
    record Participant(MapiSessionHandle handle, CountingSink sink) {
    }

    @ParameterizedTest
    @MethodSource("org.mapi4j.bench.soak.Subject#all")
    void everyParticipantIsNotifiedExactlyOnce(Subject subject) throws InterruptedException {
        int rounds = Size.of(10, 200);
        try (Rig rig = Rig.open(subject); Crowd joiners = new Crowd(PARTICIPANTS); Crowd racers = new Crowd(PARTICIPANTS + 1)) {
            MapiProvider provider = rig.provider();
            boolean synchronous = provider.capabilities().contains(ProviderCapability.SYNCHRONOUS_NOTIFICATIONS);
            boolean endOfSession = provider.capabilities().contains(ProviderCapability.END_OF_SESSION_SCODE);
            for (int round = 0; round < rounds; round++) {
                MapiSessionHandle owner = Rig.logon(provider, Rig.SHARE);
                CountingSink ownerSink = new CountingSink();
                assertEquals(S_OK, owner.advise(null, MapiConstants.FNEV_CRITICAL_ERROR, ownerSink, new LongOut()));
                List<Participant> participants = joiners.round(i -> join(provider));
                AtomicInteger ownerLogoff = new AtomicInteger(Integer.MIN_VALUE);
                List<Integer> failed = racers.round(i -> i == PARTICIPANTS
                        ? () -> {
                            ownerLogoff.set(owner.logoff(0, MapiConstants.MAPI_LOGOFF_SHARED, 0));
                            return 0;
                        }
                        : callAway(participants.get(i).handle()));
                String where = subject + " round " + round;
                assertEquals(HResult.describe(S_OK), HResult.describe(ownerLogoff.get()), where + ": shared Logoff");
                for (int i = 0; i < PARTICIPANTS; i++) {
                    assertEquals(0, failed.get(i), where + ": participant " + i + "'s calls during the shared logoff failed");
                    CountingSink sink = participants.get(i).sink();
                    if (!synchronous) {
                        // SHARED-7: asynchronous delivery is allowed; a deadlock guard, not a timing check.
                        assertTrue(sink.awaitFirst(60), where + ": participant " + i + " never notified");
                    }
                    assertEquals(1, sink.count(), where + ": notifications of participant " + i);
                    if (endOfSession) {
                        assertTrue(sink.last() instanceof ErrorNotification e && e.scode() == HResult.MAPI_E_END_OF_SESSION,
                                where + ": participant " + i + " got " + sink.last());
                    }
                }
                assertEquals(0, ownerSink.count(), where + ": the owner's own sink (SHARED-5: others only)");
                assertEquals(0, owner.release(), where + ": owner's final Release");
                for (Participant participant : participants) {
                    assertEquals(S_OK, participant.handle().logoff(0, 0, 0), where + ": participant's plain Logoff");
                    assertEquals(0, participant.handle().release(), where + ": participant's final Release");
                }
                for (int i = 0; i < PARTICIPANTS; i++) {
                    assertEquals(1, participants.get(i).sink().count(), where + ": participant " + i
                            + " was notified again by the plain logoffs (SHARED-3)");
                }
                rig.assertNothingAlive("after " + where);
            }
        }
    }

    private static Callable<Participant> join(MapiProvider provider) {
        return () -> {
            MapiSessionHandle handle = Rig.logon(provider, Rig.JOIN);
            CountingSink sink = new CountingSink();
            int hr = handle.advise(null, MapiConstants.FNEV_CRITICAL_ERROR, sink, new LongOut());
            assertEquals(S_OK, hr, "participant's Advise");
            return new Participant(handle, sink);
        };
    }

    // A participant keeps using its handle while the owner ends the shared session (OQ-9: it stays usable).
    private static Callable<Integer> callAway(MapiSessionHandle handle) {
        return () -> {
            int failed = 0;
            for (int call = 0; call < CALLS_DURING_LOGOFF; call++) {
                if (handle.queryIdentity(new Out<>()) != S_OK) {
                    failed++;
                }
            }
            return failed;
        };
    }
}
