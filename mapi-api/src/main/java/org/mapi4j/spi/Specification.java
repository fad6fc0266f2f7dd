package org.mapi4j.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the rules live: the mapi4j behavioural specification, published with the project as
 * {@code docs/specification.md}. Every rule ID (for example {@code LOGOFF-FLAGS-2}) has an entry
 * there whose anchor is the ID in lower case; error messages and TCK reports link to it.
 */
public final class Specification {

    /** The version of the specification this release implements. */
    public static final String VERSION = "2";

    /** The published specification; a rule's entry is this plus {@code #} and the lower-case rule ID. */
    public static final String LOCATION = "https://github.com/mapi4j/mapi4j/blob/main/docs/specification.md";

    private Specification() {
    }

    /**
     * The link to a rule's entry.
     *
     * @param ruleId a rule ID such as {@code LOGOFF-FLAGS-2}, not {@code null}
     * @return the address of its entry in the published specification
     */
    public static String link(String ruleId) {
        Objects.requireNonNull(ruleId, "ruleId");
        return LOCATION + "#" + ruleId.toLowerCase(Locale.ROOT);
    }
}
