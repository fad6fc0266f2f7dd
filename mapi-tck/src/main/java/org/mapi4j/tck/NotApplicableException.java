package org.mapi4j.tck;

import org.opentest4j.TestAbortedException;

/**
 * Aborts a rule's test because the provider legitimately lacks what it needs (a capability, or an
 * optional behaviour it does not show). Reported as "not applicable" with the reason, never as passed.
 */
public class NotApplicableException extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param rule the rule
     * @param reason why it does not apply, naming the capability or behaviour
     */
    public NotApplicableException(Rule rule, String reason) {
        super(rule.id() + " not applicable: " + reason);
    }
}
