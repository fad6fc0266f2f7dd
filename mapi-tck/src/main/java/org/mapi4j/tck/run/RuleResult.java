package org.mapi4j.tck.run;

import java.util.Objects;
import org.mapi4j.tck.Rule;

/**
 * One rule's result for one provider.
 *
 * @param rule the rule
 * @param outcome the result
 * @param message the first failure or the reason it did not apply; empty when it passed cleanly
 * @param cases how many test cases of the rule ran (a rule with dynamic cases has several)
 */
public record RuleResult(Rule rule, Outcome outcome, String message, int cases) {

    /** Checks the values. */
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }
}
