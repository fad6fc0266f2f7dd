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
 * @param notVerified why a part of the rule that the verdict needs did not run (a destructive case
 *     skipped, a case that needs a scripted confirmation); empty when every such part ran
 */
public record RuleResult(Rule rule, Outcome outcome, String message, int cases, String notVerified) {

    /**
     * Checks the values.
     *
     * @param rule the record component of that name
     * @param outcome the record component of that name
     * @param message the record component of that name
     * @param cases the record component of that name
     * @param notVerified the record component of that name
     */
    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
        notVerified = notVerified == null ? "" : notVerified;
    }

    /**
     * A result whose every part the verdict needs ran.
     *
     * @param rule the rule
     * @param outcome the result
     * @param message the first failure or the reason it did not apply
     * @param cases how many cases ran
     */
    public RuleResult(Rule rule, Outcome outcome, String message, int cases) {
        this(rule, outcome, message, cases, "");
    }
}
