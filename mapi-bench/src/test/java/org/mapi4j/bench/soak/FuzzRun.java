package org.mapi4j.bench.soak;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Assertions;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;

/**
 * The fuzz under one configuration (confirmation answer, SHARED-8 policy, individual or shared
 * session): random triples against a LOGGED_ON, a LOGGED_OFF and an INVALIDATED handle, each
 * outcome checked against {@link LogoffOracle}, and after every rejection proof that nothing
 * changed. Fails on the first wrong outcome, with everything needed to reproduce it.
 */
final class FuzzRun {

    /** The handles that are not LOGGED_ON, shared by every configuration of one provider. */
    record Dead(MapiSessionHandle loggedOff, long loggedOffConnection, MapiSessionHandle invalidated,
            long invalidatedConnection) {
    }

    private final Subject subject;
    private final long seed;
    private final MapiProvider live;
    private final MapiProvider deadProvider;
    private final Dead dead;
    private final ScriptedConfirmation confirmation;
    private final SharedLogoffPolicy policy;
    private final boolean sharedSession;
    private final boolean synchronous;
    private final boolean endOfSessionScode;
    private long calls;

    FuzzRun(Subject subject, long seed, MapiProvider live, MapiProvider deadProvider, Dead dead,
            ScriptedConfirmation confirmation, SharedLogoffPolicy policy, boolean sharedSession) {
        this.subject = subject;
        this.seed = seed;
        this.live = live;
        this.dead = dead;
        this.confirmation = confirmation;
        this.policy = policy;
        this.sharedSession = sharedSession;
        this.synchronous = live.capabilities().contains(ProviderCapability.SYNCHRONOUS_NOTIFICATIONS);
        this.endOfSessionScode = live.capabilities().contains(ProviderCapability.END_OF_SESSION_SCODE);
        this.deadProvider = deadProvider;
    }

    /**
     * Runs {@code count} triples.
     *
     * @param triples the triple source
     * @param states chooses the state of each call
     * @param count how many calls
     * @return the number of Logoffs the oracle accepted (epochs ended)
     */
    int run(TripleGenerator triples, RandomGenerator states, int count) {
        // The same hook and policy on the provider of the invalidated handle: it must not consult them either.
        for (MapiProvider provider : new MapiProvider[] {live, deadProvider}) {
            provider.setLogoffConfirmation(confirmation);
            provider.setSharedLogoffPolicy(policy);
        }
        int accepted = 0;
        Epoch epoch = Epoch.open(live, sharedSession);
        for (int i = 0; i < count; i++) {
            calls++;
            Triple triple = triples.next();
            double p = states.nextDouble();
            HandleState state = p < 0.7 ? HandleState.LOGGED_ON : p < 0.85 ? HandleState.LOGGED_OFF : HandleState.INVALIDATED;
            if (state == HandleState.LOGGED_ON) {
                if (onLive(epoch, triple)) {
                    accepted++;
                    epoch.close();
                    epoch = Epoch.open(live, sharedSession);
                }
            } else if (state == HandleState.LOGGED_OFF) {
                onDead(state, dead.loggedOff(), dead.loggedOffConnection(), triple);
            } else {
                onDead(state, dead.invalidated(), dead.invalidatedConnection(), triple);
            }
        }
        // The last epoch's registration survived every rejection too; then it ends normally.
        int unadvise = epoch.target.unadvise(epoch.connection);
        check(unadvise == S_OK, HandleState.LOGGED_ON, null,
                "Unadvise of the registration at the end returned " + HResult.describe(unadvise));
        check(epoch.target.logoff(0, 0, 0) == S_OK, HandleState.LOGGED_ON, null, "final Logoff(0,0,0) failed");
        epoch.close();
        return accepted;
    }

    /** @return whether the oracle accepted the Logoff (the epoch is over) */
    private boolean onLive(Epoch epoch, Triple triple) {
        LogoffOracle.Situation situation = situation(HandleState.LOGGED_ON);
        int expected = LogoffOracle.expected(situation, triple);
        if (expected == S_OK) {
            // Before the accepted Logoff: the registration made at logon survived every rejection.
            int hr = epoch.target.unadvise(epoch.connection);
            check(hr == S_OK, HandleState.LOGGED_ON, triple, "Unadvise of the registration after the rejections: "
                    + HResult.describe(hr));
            epoch.readvise();
        }
        resetConfirmation();
        int actual = epoch.target.logoff(triple.uiParam(), triple.flags(), triple.reserved());
        checkOutcome(situation, triple, expected, actual);
        checkConfirmation(situation, triple);
        Out<byte[]> identity = new Out<>();
        int identityHr = epoch.target.queryIdentity(identity);
        if (expected != S_OK) {
            check(identityHr == S_OK && identity.get() != null, HandleState.LOGGED_ON, triple,
                    "after the rejection QueryIdentity returned " + HResult.describe(identityHr) + ": the state changed");
            check(epoch.targetSink.count() == 0 && epoch.peerSink.count() == 0, HandleState.LOGGED_ON, triple,
                    "a rejected Logoff notified: target " + epoch.targetSink.count() + ", peer " + epoch.peerSink.count());
            return false;
        }
        check(identityHr == MAPI_E_INVALID_OBJECT, HandleState.LOGGED_ON, triple,
                "after Logoff S_OK QueryIdentity returned " + HResult.describe(identityHr));
        int unadvise = epoch.target.unadvise(epoch.connection);
        check(unadvise == MAPI_E_INVALID_OBJECT, HandleState.LOGGED_ON, triple,
                "after Logoff S_OK Unadvise returned " + HResult.describe(unadvise));
        checkPeer(epoch, situation, triple);
        return true;
    }

    private void checkPeer(Epoch epoch, LogoffOracle.Situation situation, Triple triple) {
        int expectedPeer = LogoffOracle.peerNotifications(situation, triple);
        if (expectedPeer > 0 && !synchronous) {
            try {
                // SHARED-7: a provider may deliver asynchronously; a generous deadlock guard, not a timing check.
                check(epoch.peerSink.awaitFirst(30), HandleState.LOGGED_ON, triple, "the peer was never notified");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        check(epoch.peerSink.count() == expectedPeer, HandleState.LOGGED_ON, triple,
                "the other participant received " + epoch.peerSink.count() + " notifications, expected " + expectedPeer);
        check(epoch.targetSink.count() == 0, HandleState.LOGGED_ON, triple,
                "the caller's own sink received " + epoch.targetSink.count() + " notifications (SHARED-5: others only)");
        if (expectedPeer > 0 && endOfSessionScode) {
            check(epoch.peerSink.last() instanceof ErrorNotification e && e.scode() == HResult.MAPI_E_END_OF_SESSION,
                    HandleState.LOGGED_ON, triple, "the shared-logoff notification was " + epoch.peerSink.last());
        }
    }

    private void onDead(HandleState state, MapiSessionHandle handle, long connection, Triple triple) {
        LogoffOracle.Situation situation = situation(state);
        resetConfirmation();
        int actual = handle.logoff(triple.uiParam(), triple.flags(), triple.reserved());
        checkOutcome(situation, triple, LogoffOracle.expected(situation, triple), actual);
        checkConfirmation(situation, triple);
        int identity = handle.queryIdentity(new Out<>());
        check(identity == MAPI_E_INVALID_OBJECT, state, triple, "QueryIdentity returned " + HResult.describe(identity));
        int unadvise = handle.unadvise(connection);
        check(unadvise == MAPI_E_INVALID_OBJECT, state, triple, "Unadvise returned " + HResult.describe(unadvise));
    }

    private void checkOutcome(LogoffOracle.Situation situation, Triple triple, int expected, int actual) {
        check(expected == actual, situation.state(), triple,
                "expected " + HResult.describe(expected) + ", got " + HResult.describe(actual));
    }

    private void checkConfirmation(LogoffOracle.Situation situation, Triple triple) {
        if (confirmation == null) {
            return;
        }
        boolean asked = LogoffOracle.asksConfirmation(situation, triple);
        check(confirmation.asked() == (asked ? 1 : 0), situation.state(), triple,
                "the confirmation was asked " + confirmation.asked() + " times, expected " + (asked ? 1 : 0));
        if (asked) {
            check(confirmation.lastParentWindow() == triple.uiParam(), situation.state(), triple,
                    String.format("the confirmation got parent window 0x%x", confirmation.lastParentWindow()));
        }
    }

    private LogoffOracle.Situation situation(HandleState state) {
        return new LogoffOracle.Situation(state, confirmation == null ? null : confirmation.answer(), policy, sharedSession);
    }

    private void resetConfirmation() {
        if (confirmation != null) {
            confirmation.reset();
        }
    }

    private void check(boolean ok, HandleState state, Triple triple, String what) {
        if (!ok) {
            Assertions.fail(String.format("%s provider, call #%d of configuration [confirmation %s, policy %s, %s session],"
                    + " handle %s, %s: %s. Reproduce with -Dmapi4j.fuzz.seed=%d", subject, calls,
                    confirmation == null ? "none" : confirmation.answer(), policy, sharedSession ? "shared" : "individual",
                    state, triple, what, seed));
        }
    }
}
