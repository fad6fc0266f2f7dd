package org.mapi4j.tck;

import org.opentest4j.TestAbortedException;

/**
 * Aborts a {@link RuleKind#DESTRUCTIVE} rule's test against a provider that declares
 * {@link org.mapi4j.spi.ProviderCapability#AFFECTS_OTHER_PROCESSES} when destructive rules were not
 * asked for. Reported as skipped, never as passed.
 */
public class DestructiveSkippedException extends TestAbortedException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /**
     * @param rule the rule
     */
    public DestructiveSkippedException(Rule rule) {
        this(rule, "the rule");
    }

    /**
     * @param rule the rule
     * @param what the destructive part that was skipped
     */
    public DestructiveSkippedException(Rule rule, String what) {
        super(rule.id() + " skipped: " + what + " is destructive against a provider that affects other processes;"
                + " run with --include-destructive (or -D" + TckConfiguration.INCLUDE_DESTRUCTIVE + "=true)");
    }
}
