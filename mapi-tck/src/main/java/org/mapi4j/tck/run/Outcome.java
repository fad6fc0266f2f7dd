package org.mapi4j.tck.run;

/** The result of one rule for one provider. */
public enum Outcome {
    /** Every case of the rule ran and passed. */
    PASSED,
    /** At least one case failed: the provider does not conform. */
    FAILED,
    /** The provider lacks a capability the rule needs, or does not show an optional behaviour. */
    NOT_APPLICABLE,
    /** A destructive rule that was not asked for ({@code --include-destructive}). */
    SKIPPED
}
