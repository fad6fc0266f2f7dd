package org.mapi4j.tck;

import org.opentest4j.TestAbortedException;

/**
 * Aborts a rule's test, or one case of it, because the provider lacks what it needs. Reported as "not
 * applicable" with the reason, never as passed.
 *
 * <p>Two kinds (spec decision 12): the provider lacks an <em>optional feature</em> (fast shutdown,
 * an optional notification), so the statement does not apply to it; or the TCK cannot
 * <em>observe</em> a mandatory behaviour (no scripted logoff confirmation), so the rule is not
 * verified and the provider cannot be reported as conforming.
 */
public class NotApplicableException extends TestAbortedException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** Whether a mandatory behaviour went unobserved (part of the serialized form). */
    private final boolean leavesRuleUnverified;

    /**
     * A missing optional feature: the rule does not apply.
     *
     * @param rule the rule
     * @param reason why it does not apply, naming the capability or behaviour
     */
    public NotApplicableException(Rule rule, String reason) {
        this(rule, reason, false);
    }

    /**
     * @param rule the rule
     * @param reason why it does not apply, naming the capability or behaviour
     * @param leavesRuleUnverified whether a mandatory behaviour went unobserved, so that the verdict
     *     cannot be "conforms"
     */
    public NotApplicableException(Rule rule, String reason, boolean leavesRuleUnverified) {
        super(rule.id() + " not applicable: " + reason);
        this.leavesRuleUnverified = leavesRuleUnverified;
    }

    /** @return whether a mandatory behaviour went unobserved (the verdict is then at best "not verified") */
    public boolean leavesRuleUnverified() {
        return leavesRuleUnverified;
    }
}
