package org.mapi4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;

/**
 * Fuzz of {@code Logoff(ulUIParam, ulFlags, ulReserved)}, the call with the most argument checks: random, edge-biased
 * triples in every handle state (LOGGED_ON, LOGGED_OFF, INVALIDATED by the last
 * MAPIUninitialize) under every configuration (no hook or a hook that accepts, declines or
 * throws; SHARED-8 policy WARN, REJECT or ALLOW; individual or shared session), each outcome
 * against {@link LogoffOracle}. 20,000 triples per provider by default, 1,000,000 with
 * {@code -Dmapi4j.soak.full=true}.
 *
 * <p>A seeded {@code java.util.random} generator rather than jqwik: the edge bias and the exact
 * count are explicit here, and the seed printed on failure reproduces the run
 * ({@code -Dmapi4j.fuzz.seed=N}). The bounded run uses a fixed seed, the full run a fresh one.
 */
class LogoffFuzzTest {

    private static final long BOUNDED_SEED = 0x6d61_7069_346aL;

    @ParameterizedTest
    @MethodSource("org.mapi4j.bench.soak.Subject#all")
    void everyOutcomeMatchesTheOracle(Subject subject) {
        int total = Size.of(20_000, 1_000_000);
        long seed = Long.getLong("mapi4j.fuzz.seed", Size.full() ? System.nanoTime() : BOUNDED_SEED);
        TripleGenerator triples = new TripleGenerator(seed);
        RandomGenerator states = RandomGeneratorFactory.<RandomGenerator>of("L64X128MixRandom").create(~seed);
        try (Rig rig = Rig.open(subject)) {
            MapiProvider live = rig.provider();
            MapiProvider deadProvider = rig.add();
            FuzzRun.Dead dead = deadHandles(rig, live, deadProvider);
            List<FuzzRun> runs = configurations(subject, seed, live, deadProvider, dead);
            int perRun = (total + runs.size() - 1) / runs.size();
            int accepted = 0;
            for (FuzzRun run : runs) {
                accepted += run.run(triples, states, perRun);
            }
            // The fuzz is only worth something if many calls got past validation to the logoff itself.
            assertTrue(accepted > total / 20, "only " + accepted + " Logoffs were accepted");
            assertEquals(0, dead.loggedOff().release(), "final Release of the logged-off handle");
            assertEquals(0, dead.invalidated().release(), "final Release of the invalidated handle");
            System.out.printf("fuzz %s: %d triples, %d accepted Logoffs, seed %d%n", subject,
                    (long) perRun * runs.size(), accepted, seed);
        }
    }

    private static List<FuzzRun> configurations(Subject subject, long seed, MapiProvider live,
            MapiProvider deadProvider, FuzzRun.Dead dead) {
        List<FuzzRun> runs = new ArrayList<>();
        List<ScriptedConfirmation.Answer> answers = new ArrayList<>();
        answers.add(null);
        answers.addAll(List.of(ScriptedConfirmation.Answer.values()));
        for (ScriptedConfirmation.Answer answer : answers) {
            for (SharedLogoffPolicy policy : SharedLogoffPolicy.values()) {
                for (boolean shared : new boolean[] {false, true}) {
                    ScriptedConfirmation hook = answer == null ? null : new ScriptedConfirmation(answer);
                    runs.add(new FuzzRun(subject, seed, live, deadProvider, dead, hook, policy, shared));
                }
            }
        }
        return runs;
    }

    // A handle logged off by Logoff, and one invalidated by its provider's last MAPIUninitialize (INIT-8),
    // each with a registration it had while logged on.
    private static FuzzRun.Dead deadHandles(Rig rig, MapiProvider live, MapiProvider deadProvider) {
        MapiSessionHandle loggedOff = Rig.logon(live, Rig.NEW_SESSION);
        long loggedOffConnection = advise(loggedOff);
        assertEquals(HResult.S_OK, loggedOff.logoff(0, 0, 0));
        MapiSessionHandle invalidated = Rig.logon(deadProvider, Rig.NEW_SESSION);
        long invalidatedConnection = advise(invalidated);
        rig.uninitialize(deadProvider);
        return new FuzzRun.Dead(loggedOff, loggedOffConnection, invalidated, invalidatedConnection);
    }

    private static long advise(MapiSessionHandle handle) {
        LongOut connection = new LongOut();
        assertEquals(HResult.S_OK, handle.advise(null, MapiConstants.FNEV_CRITICAL_ERROR, new CountingSink(), connection));
        return connection.get();
    }
}
