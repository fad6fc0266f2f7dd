package org.mapi4j.tck.broken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.run.Outcome;
import org.mapi4j.tck.run.RuleResult;
import org.mapi4j.tck.run.TckRunner;

/**
 * The TCK proves it can fail: the whole TCK, run through the Launcher against each deliberately broken
 * provider, fails exactly the rule that provider breaks, and names it in the failure.
 */
class BrokenProvidersTest {

    private static TckRunner.Run run(Breakage breakage) {
        return new TckRunner(BrokenCandidate.class, Map.of(BrokenCandidate.BREAKAGE, breakage.name()), List.of(),
                List.of(), null).run();
    }

    private static String describe(TckRunner.Run run) {
        return run.results().stream().filter(r -> r.outcome() != Outcome.PASSED && !knownGap(r))
                .map(r -> r.rule().id() + " " + r.outcome() + ": " + r.message())
                .collect(Collectors.joining("\n  ", "\n  ", "")) + (run.errors().isEmpty() ? "" : "\n  errors " + run.errors());
    }

    /**
     * Rules whose statement includes another rule's, so that a provider that breaks the one fails the
     * other too: LOGOFF-UI-1 says that an accepted confirmation has every effect of LOGOFF-1 and
     * SHARED-5; the CALLBACK rules make the same calls from inside confirmations and sinks, so a broken
     * Logoff (racing, asking the confirmation itself, notifying twice) shows there as well.
     */
    private static final Map<Rule, Set<Rule>> INCLUDED_BY = Map.of(
            Rule.LOGOFF_1, Set.of(Rule.LOGOFF_UI_1),
            // Notifying every session on an individual Logoff reaches CALLBACK-1's sink from the churning
            // threads too, whenever one of them logs off before the shared logoff: a race, so sometimes.
            Rule.LOGOFF_2, Set.of(Rule.CALLBACK_1),
            // The callback rules count the notifications of the shared logoff and the destroyed state they reach.
            Rule.SHARED_5, Set.of(Rule.LOGOFF_UI_1, Rule.CALLBACK_1, Rule.CALLBACK_2, Rule.CALLBACK_3),
            Rule.POSTLOGOFF_6, Set.of(Rule.CALLBACK_1),
            // Asking the confirmation on every Logoff recurses when the confirmation logs off: a StackOverflowError.
            Rule.LOGOFF_UIPARAM_1, Set.of(Rule.CALLBACK_1, Rule.GEN_5),
            // That broken Logoff asks the confirmation outside the provider's Logoff protocol, so a Logoff
            // from inside the confirmation is not seen as the second one (CALLBACK-1).
            Rule.LOGOFF_UI_1, Set.of(Rule.CALLBACK_1),
            Rule.LOGOFF_4, Set.of(Rule.CALLBACK_1, Rule.CALLBACK_2, Rule.CALLBACK_3),
            Rule.LOGOFF_5, Set.of(Rule.CALLBACK_1));

    /** A failure of the wrapped in-memory provider's own known gaps, not of the breakage. */
    static boolean knownGap(RuleResult result) {
        return result.outcome() == Outcome.FAILED && result.message().contains("known provider gap [");
    }

    private static boolean conformsBeyondKnownGaps(TckRunner.Run run) {
        return run.errors().isEmpty()
                && run.results().stream().allMatch(r -> r.outcome() != Outcome.FAILED || knownGap(r));
    }

    /**
     * @param expected the exact text, where {@code {n}} stands for a number the provider chose (a
     *     connection number) and {@code {stacks}} for the watchdog's dump of every thread's stack
     * @param actual the message
     * @return whether they match
     */
    static boolean exactly(String expected, String actual) {
        String[] parts = expected.split("\\{stacks}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : "(?s:.*\"mapi4j-tck-watched-[0-9]+\".*)")
                    .append(java.util.Arrays.stream(parts[i].split("\\{n}", -1)).map(java.util.regex.Pattern::quote)
                            .collect(Collectors.joining("[0-9]+")));
        }
        return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL).matcher(actual)
                .matches();
    }

    /** As many breakages as the list had when each became a class of its own; it may grow, never shrink. */
    private static final int BREAKAGES_AT_LEAST = 66;

    @Test
    void everyRuleHasABrokenProvider() {
        Set<Rule> missing = EnumSet.allOf(Rule.class);
        missing.removeAll(Breakages.covered());
        assertEquals(Set.of(), missing, "rules without a broken provider that proves the TCK can fail them");
    }

    @Test
    void everyMandatoryRuleHasABrokenProvider() {
        List<Rule> missing = Arrays.stream(Rule.values()).filter(Rule::mandatory)
                .filter(r -> !Breakages.covered().contains(r)).toList();
        assertEquals(List.of(), missing, "mandatory rules without a broken provider");
    }

    @Test
    void theBreakagesAreDistinctAndNoneWasLost() {
        Set<String> names = new HashSet<>();
        Set<Class<?>> classes = new HashSet<>();
        Set<String> failures = new HashSet<>();
        Breakages.all().forEach(b -> {
            assertTrue(names.add(b.name()), () -> "two breakages named " + b.name());
            assertTrue(classes.add(b.getClass()), () -> "breakage " + b + " listed twice");
            assertTrue(b.rule() == null || failures.add(b.expectedFailure()), () -> "two breakages expect the failure "
                    + b.expectedFailure());
            assertEquals(b, Breakages.byName(b.name()), () -> b + " must be selectable by its name");
        });
        assertTrue(Breakages.RULE_BREAKAGES.size() >= BREAKAGES_AT_LEAST, () -> "only "
                + Breakages.RULE_BREAKAGES.size() + " breakages are listed; there were " + BREAKAGES_AT_LEAST);
    }

    @Test
    void theDelegatingWrapperAloneConforms() {
        TckRunner.Run run = run(Breakages.UNBROKEN);
        assertTrue(conformsBeyondKnownGaps(run), () -> "the unbroken wrapper failed:" + describe(run));
        assertEquals(Rule.values().length, run.results().size(), () -> "every rule must report a result:"
                + describe(run));
    }

    @Test
    void aProviderWithoutSharedSessionsFailsOnlyTheSharedSessionRules() {
        TckRunner.Run run = run(Breakages.NO_SHARED_SESSIONS);
        Set<Rule> shared = EnumSet.of(Rule.LOGON_3, Rule.LOGON_5, Rule.SHARED_2, Rule.SHARED_3, Rule.SHARED_4,
                Rule.SHARED_5, Rule.SHARED_8);
        List<Rule> failed = run.results().stream().filter(r -> r.outcome() == Outcome.FAILED && !knownGap(r))
                .map(RuleResult::rule).toList();
        assertTrue(!failed.isEmpty() && shared.containsAll(failed), () -> "a provider without shared sessions"
                + " must fail shared-session rules only; results:" + describe(run));
        assertTrue(failed.contains(Rule.LOGON_3), () -> "LOGON-3 must report the missing shared session:"
                + describe(run));
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenProviderFailsExactlyItsRule() {
        return Breakages.RULE_BREAKAGES.stream().map(b -> DynamicTest.dynamicTest(
                b.rule().id() + ": " + b.description(), () -> {
                    TckRunner.Run run = run(b);
                    // An exception that escapes during another rule fails that rule too, under GEN-5's name.
                    List<Rule> failed = run.results().stream().filter(r -> r.outcome() == Outcome.FAILED && !knownGap(r))
                            .filter(r -> b.rule() != Rule.GEN_5 || r.rule() == Rule.GEN_5
                                    || !r.message().contains(Rule.GEN_5.id() + ": "))
                            .filter(r -> !INCLUDED_BY.getOrDefault(b.rule(), Set.of()).contains(r.rule()))
                            .map(RuleResult::rule).toList();
                    assertEquals(List.of(b.rule()), failed, () -> "broken provider " + b + " must fail exactly "
                            + b.rule() + "; results:" + describe(run));
                    RuleResult result = run.results().stream().filter(r -> r.rule() == b.rule()).findFirst().orElseThrow();
                    assertTrue(exactly(b.expectedFailure(), result.message()), () -> "the exact failure of " + b
                            + "\n  expected: " + b.expectedFailure() + "\n  but was:  " + result.message());
                    assertTrue(run.errors().isEmpty(), () -> "errors outside the rules: " + run.errors());
                }));
    }
}
