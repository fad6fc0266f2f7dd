package org.mapi4j.tck.broken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
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
        return run.results().stream().filter(r -> r.outcome() != Outcome.PASSED)
                .map(r -> r.rule().id() + " " + r.outcome() + ": " + r.message())
                .collect(Collectors.joining("\n  ", "\n  ", "")) + (run.errors().isEmpty() ? "" : "\n  errors " + run.errors());
    }

    @Test
    void everyRuleHasABrokenProvider() {
        Set<Rule> missing = EnumSet.allOf(Rule.class);
        missing.removeAll(Breakage.covered());
        assertEquals(Set.of(), missing, "rules without a broken provider that proves the TCK can fail them");
    }

    @Test
    void theDelegatingWrapperAloneConforms() {
        TckRunner.Run run = run(Breakage.NONE);
        assertTrue(run.conforms(), () -> "the unbroken wrapper failed:" + describe(run));
        assertEquals(Rule.values().length, run.results().size(), () -> "every rule must report a result:"
                + describe(run));
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenProviderFailsExactlyItsRule() {
        return Arrays.stream(Breakage.values()).filter(b -> b.rule() != null).map(b -> DynamicTest.dynamicTest(
                b.rule().id() + ": " + b.description(), () -> {
                    TckRunner.Run run = run(b);
                    List<Rule> failed = run.results().stream().filter(r -> r.outcome() == Outcome.FAILED)
                            .map(RuleResult::rule).toList();
                    assertEquals(List.of(b.rule()), failed, () -> "broken provider " + b + " must fail exactly "
                            + b.rule() + "; results:" + describe(run));
                    RuleResult result = run.results().stream().filter(r -> r.rule() == b.rule()).findFirst().orElseThrow();
                    assertTrue(result.message().contains(b.rule().id() + ":"), () -> "the failure must name the rule: "
                            + result.message());
                    assertTrue(run.errors().isEmpty(), () -> "errors outside the rules: " + run.errors());
                }));
    }
}
