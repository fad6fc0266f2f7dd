package org.mapi4j.tck.internal;

import java.util.Optional;
import java.util.Set;
import org.mapi4j.tck.KnownGapException;
import org.mapi4j.tck.Rule;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Matches a failure against the known provider gaps of a TCK subclass. An entry is a rule ID
 * ({@code GEN-5}: every case of the rule) or a rule ID, a space and the start of a case's name
 * ({@code CHILD-1 queryInterface}: the cases whose name starts so).
 */
public final class KnownGaps {

    private KnownGaps() {
    }

    /**
     * @param gaps the entries
     * @param rule the running rule
     * @param caseName the case's display name, or {@code null} for a rule without cases
     * @return the matching entry, if any
     */
    public static Optional<String> match(Set<String> gaps, Rule rule, String caseName) {
        String full = caseName == null ? rule.id() : rule.id() + " " + caseName;
        for (String gap : gaps) {
            if (gap.equals(rule.id()) || (gap.startsWith(rule.id() + " ") && full.startsWith(gap))) {
                return Optional.of(gap);
            }
        }
        return Optional.empty();
    }

    /**
     * @param gaps the entries
     * @param rule the running rule
     * @param caseName the case's display name, or {@code null}
     * @param failure what the case threw (after GEN-5 translation)
     * @return a {@link KnownGapException} if the failure is a listed gap, else {@code failure}
     */
    public static Throwable apply(Set<String> gaps, Rule rule, String caseName, Throwable failure) {
        if (failure instanceof TestAbortedException || !(failure instanceof AssertionError)) {
            return failure;
        }
        Optional<String> key = match(gaps, rule, caseName);
        return key.<Throwable>map(k -> new KnownGapException(k, failure)).orElse(failure);
    }

    /**
     * A case listed by name that passed: the list is stale.
     *
     * @param gaps the entries
     * @param rule the running rule
     * @param caseName the case's display name
     */
    public static void checkStale(Set<String> gaps, Rule rule, String caseName) {
        String full = rule.id() + " " + caseName;
        for (String gap : gaps) {
            if (gap.startsWith(rule.id() + " ") && full.startsWith(gap)) {
                throw new AssertionFailedError(rule.id() + ": case '" + caseName + "' passed although knownProviderGaps()"
                        + " lists it as '" + gap + "'; remove the entry");
            }
        }
    }
}
