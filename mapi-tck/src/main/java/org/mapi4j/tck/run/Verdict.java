package org.mapi4j.tck.run;

/**
 * What certifying a provider concluded (spec decision 12). Only {@link #CONFORMS} means conformance:
 * a provider conforms when every mandatory rule ran and passed.
 */
public enum Verdict {
    /** Every mandatory rule ran and passed, and nothing outside the rules failed. */
    CONFORMS("CONFORMS"),
    /**
     * No rule failed, but at least one mandatory rule (or case) did not run: skipped as destructive, not
     * applicable because a needed capability was not declared, or not selected. Not a conformance.
     */
    NOT_VERIFIED("NOT VERIFIED"),
    /** A rule failed, or something outside the rules failed. */
    DOES_NOT_CONFORM("DOES NOT CONFORM");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** @return the verdict as the table prints it, for example {@code NOT VERIFIED} */
    public String text() {
        return text;
    }
}
