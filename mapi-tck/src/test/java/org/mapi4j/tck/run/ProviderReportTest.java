package org.mapi4j.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.RuleKind;

/** The verdict (spec decision 12): "conforms" only when every mandatory rule ran and passed. */
class ProviderReportTest {

    private static ProviderReport report(Set<ProviderCapability> capabilities, List<RuleResult> results) {
        return new ProviderReport("p", "org.example.P", capabilities, results, List.of());
    }

    @Test
    void destructiveRulesSkippedForAProviderThatAffectsOtherProcessesAreNotVerified() {
        List<RuleResult> results = new ArrayList<>();
        int skipped = 0;
        for (Rule rule : Rule.values()) {
            if (rule.kind() == RuleKind.DESTRUCTIVE) {
                skipped++;
                results.add(new RuleResult(rule, Outcome.SKIPPED, rule.id() + " skipped: the rule is destructive", 0));
            } else {
                results.add(new RuleResult(rule, Outcome.PASSED, "", 1));
            }
        }
        ProviderReport report = report(Set.of(ProviderCapability.AFFECTS_OTHER_PROCESSES), results);
        assertEquals(Verdict.NOT_VERIFIED, report.verdict());
        assertEquals(skipped, report.notVerified().size());
        assertEquals("p: " + (Rule.values().length - skipped) + " passed, 0 failed, 0 not applicable, " + skipped
                + " skipped -> NOT VERIFIED: no failures, " + skipped + " mandatory rule(s) not verified",
                TableReport.summary(report));
    }

    @Test
    void everyRulePassedConforms() {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            results.add(new RuleResult(rule, Outcome.PASSED, "", 1));
        }
        assertEquals(Verdict.CONFORMS, report(Set.of(), results).verdict());
    }

    @Test
    void anOptionalFeatureThatIsAbsentDoesNotApplyButAMissingObservationIsNotVerified() {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            if (rule == Rule.FAST_2 || rule.kind() == RuleKind.OPTIONAL) {
                results.add(new RuleResult(rule, Outcome.NOT_APPLICABLE, "no FAST_SHUTDOWN", 0));
            } else if (rule == Rule.LOGOFF_UI_2) {
                results.add(new RuleResult(rule, Outcome.NOT_APPLICABLE, "no scripted confirmation", 0,
                        "no scripted confirmation"));
            } else if (rule == Rule.LOGOFF_FLAGS_1) {
                results.add(new RuleResult(rule, Outcome.PASSED, "3 case(s) passed; 1 skipped", 4,
                        "LOGOFF-FLAGS-1 skipped: MAPI_LOGOFF_SHARED is destructive"));
            } else {
                results.add(new RuleResult(rule, Outcome.PASSED, "", 1));
            }
        }
        ProviderReport report = report(Set.of(), results);
        assertEquals(Verdict.NOT_VERIFIED, report.verdict());
        assertEquals(List.of(Rule.LOGOFF_FLAGS_1, Rule.LOGOFF_UI_2), List.copyOf(report.notVerified().keySet()));
    }

    @Test
    void aFailureWinsOverEverything() {
        List<RuleResult> results = List.of(new RuleResult(Rule.GEN_3, Outcome.FAILED, "GEN-3: x", 1),
                new RuleResult(Rule.GEN_4, Outcome.SKIPPED, "skipped", 0));
        assertEquals(Verdict.DOES_NOT_CONFORM, report(Set.of(), results).verdict());
    }
}
