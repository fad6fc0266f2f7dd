package org.mapi4j.tck.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.mapi4j.tck.DestructiveSkippedException;
import org.mapi4j.tck.KnownGapException;
import org.mapi4j.tck.NotApplicableException;
import org.mapi4j.tck.Rule;

/**
 * Turns JUnit Platform events into one {@link RuleResult} per rule. A rule's test is the node tagged
 * with its ID; its dynamic or parameterized cases are the nodes below it. A rule fails if any of its
 * nodes fails; it passes if a case passed (or it has no separate cases) and none failed; otherwise it
 * is not applicable or skipped, by the reason its cases were aborted with.
 */
public final class RuleResultCollector implements TestExecutionListener {

    private final Consumer<RuleResult> onRuleFinished;
    private final Map<Rule, Tally> tallies = new EnumMap<>(Rule.class);
    private final Map<Rule, RuleResult> results = new EnumMap<>(Rule.class);
    private final List<String> errors = new ArrayList<>();
    private TestPlan plan;

    /**
     * @param onRuleFinished called once per rule when its test finished (progress), may be {@code null}
     */
    public RuleResultCollector(Consumer<RuleResult> onRuleFinished) {
        this.onRuleFinished = onRuleFinished == null ? r -> { } : onRuleFinished;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public synchronized void dynamicTestRegistered(TestIdentifier testIdentifier) {
        // nothing to do: the dynamic case's rule is found through its parent when it finishes
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        Optional<Rule> rule = ruleOf(id);
        if (rule.isPresent() && isRoot(id, rule.get())) {
            finish(rule.get(), new RuleResult(rule.get(), Outcome.SKIPPED, "disabled: " + reason, 0));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Optional<Rule> found = ruleOf(id);
        if (found.isEmpty()) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                errors.add(id.getDisplayName() + ": " + message(result));
            }
            return;
        }
        Rule rule = found.get();
        Tally tally = tallies.computeIfAbsent(rule, r -> new Tally());
        boolean root = isRoot(id, rule);
        switch (result.getStatus()) {
            case FAILED -> {
                tally.failed++;
                if (tally.firstFailure == null) {
                    String prefix = root ? "" : "[" + id.getDisplayName() + "] ";
                    tally.firstFailure = prefix + message(result);
                }
            }
            case ABORTED -> {
                Throwable t = result.getThrowable().orElse(null);
                if (t instanceof KnownGapException) {
                    tally.failed++;
                    if (tally.firstGap == null) {
                        String prefix = root ? "" : "[" + id.getDisplayName() + "] ";
                        tally.firstGap = prefix + t.getMessage();
                    }
                } else if (t instanceof DestructiveSkippedException) {
                    tally.skipped++;
                    tally.firstSkip = tally.firstSkip == null ? t.getMessage() : tally.firstSkip;
                    tally.unverified = tally.unverified == null ? t.getMessage() : tally.unverified;
                } else {
                    if (t instanceof NotApplicableException na && na.leavesRuleUnverified()
                            && tally.unverified == null) {
                        tally.unverified = t.getMessage();
                    }
                    tally.notApplicable++;
                    if (tally.firstNotApplicable == null) {
                        tally.firstNotApplicable = t instanceof NotApplicableException || t == null
                                ? message(result) : "aborted: " + message(result);
                    }
                }
            }
            default -> {
                if (!root || id.isTest()) {
                    tally.passed++;
                }
            }
        }
        if (root) {
            finish(rule, tally.result(rule, result.getStatus()));
        }
    }

    private void finish(Rule rule, RuleResult result) {
        results.put(rule, result);
        onRuleFinished.accept(result);
    }

    /**
     * The result of every rule that ran, in catalogue order. An exception that escaped the provider in
     * any rule is also a failure of GEN-5 (spec decision 7), reported there with the first such message.
     *
     * @return the results
     */
    public synchronized List<RuleResult> results() {
        Map<Rule, RuleResult> all = new EnumMap<>(results);
        String marker = Rule.GEN_5.id() + ": ";
        for (RuleResult r : results.values()) {
            int at = r.message().indexOf(marker);
            RuleResult gen5 = all.get(Rule.GEN_5);
            if (r.rule() != Rule.GEN_5 && r.outcome() == Outcome.FAILED && at >= 0
                    && (gen5 == null || gen5.outcome() != Outcome.FAILED
                            || gen5.message().contains("known provider gap ["))) {
                all.put(Rule.GEN_5, new RuleResult(Rule.GEN_5, Outcome.FAILED, r.message().substring(at),
                        gen5 == null ? 0 : gen5.cases(), gen5 == null ? "" : gen5.notVerified()));
            }
        }
        return List.copyOf(all.values());
    }

    /** @return failures outside any rule (for example a class that could not be instantiated) */
    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    private Optional<Rule> ruleOf(TestIdentifier id) {
        for (TestIdentifier node = id; node != null; node = parent(node)) {
            for (TestTag tag : node.getTags()) {
                Optional<Rule> rule = Rule.byId(tag.getName());
                if (rule.isPresent()) {
                    return rule;
                }
            }
        }
        return Optional.empty();
    }

    private boolean isRoot(TestIdentifier id, Rule rule) {
        TestIdentifier parent = parent(id);
        return parent == null || ruleOf(parent).filter(rule::equals).isEmpty();
    }

    private TestIdentifier parent(TestIdentifier id) {
        if (plan == null) {
            return null;
        }
        return id.getParentIdObject().map(plan::getTestIdentifier).orElse(null);
    }

    private static String message(TestExecutionResult result) {
        return result.getThrowable().map(t -> {
            String m = t.getMessage();
            return m == null || m.isBlank() ? t.toString() : m;
        }).orElse("");
    }

    private static final class Tally {
        int passed;
        int failed;
        int notApplicable;
        int skipped;
        String firstFailure;
        String firstGap;
        String firstNotApplicable;
        String firstSkip;
        String unverified;

        RuleResult result(Rule rule, TestExecutionResult.Status rootStatus) {
            int cases = passed + failed + notApplicable + skipped;
            if (failed > 0) {
                return new RuleResult(rule, Outcome.FAILED, firstFailure != null ? firstFailure : firstGap, cases);
            }
            if (passed > 0 || (rootStatus == TestExecutionResult.Status.SUCCESSFUL && cases == 0)) {
                String note = notApplicable + skipped == 0 ? "" : (passed + " case(s) passed; "
                        + (notApplicable > 0 ? notApplicable + " not applicable (" + firstNotApplicable + ")" : "")
                        + (notApplicable > 0 && skipped > 0 ? "; " : "")
                        + (skipped > 0 ? skipped + " skipped (" + firstSkip + ")" : ""));
                return new RuleResult(rule, Outcome.PASSED, note, cases, unverified);
            }
            if (notApplicable > 0) {
                return new RuleResult(rule, Outcome.NOT_APPLICABLE, firstNotApplicable, cases, unverified);
            }
            return new RuleResult(rule, Outcome.SKIPPED, firstSkip, cases, unverified);
        }
    }
}
