package org.mapi4j.tck;

/**
 * How a rule of the catalogue is run and what its result means (spec B.11).
 */
public enum RuleKind {
    /** Every provider must pass it. */
    MANDATORY,
    /**
     * The provider may leave the behaviour out (for example LOGOFF-4's extended notification); if it
     * shows the behaviour, the behaviour must be right. Not shown is reported as not applicable.
     */
    OPTIONAL,
    /**
     * Answers a dialog. Runs only when the provider declares
     * {@link org.mapi4j.spi.ProviderCapability#SCRIPTED_LOGOFF_CONFIRMATION}; otherwise not applicable,
     * never passed (spec decision 3).
     */
    INTERACTIVE,
    /**
     * Uses {@code MAPI_LOGOFF_SHARED}, the published shared session or fast shutdown. Against a provider
     * that declares {@link org.mapi4j.spi.ProviderCapability#AFFECTS_OTHER_PROCESSES} it runs only when
     * asked for ({@code --include-destructive}, or the configuration parameter
     * {@value TckConfiguration#INCLUDE_DESTRUCTIVE}); against every other provider it always runs
     * (spec decision 5, SHARED-6, FAST-6).
     */
    DESTRUCTIVE
}
