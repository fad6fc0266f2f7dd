package org.mapi4j.tck.run;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.tck.Rule;

/**
 * What certifying one provider found.
 *
 * @param provider the provider's name
 * @param providerClass the provider's class name
 * @param capabilities what it declares
 * @param results one result per rule that ran, in catalogue order
 * @param errors failures outside any rule
 */
public record ProviderReport(String provider, String providerClass, Set<ProviderCapability> capabilities,
        List<RuleResult> results, List<String> errors) {

    /**
     * Copies the collections.
     *
     * @param provider the record component of that name
     * @param providerClass the record component of that name
     * @param capabilities the record component of that name
     * @param results the record component of that name
     * @param errors the record component of that name
     */
    public ProviderReport {
        capabilities = Set.copyOf(capabilities);
        results = List.copyOf(results);
        errors = List.copyOf(errors);
    }

    /**
     * @param outcome an outcome
     * @return how many rules had it
     */
    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /**
     * The mandatory rules that did not run in full, with the reason: not selected, skipped as
     * destructive, not applicable for want of a capability the verdict cannot do without, or a case
     * of the rule that did not run for such a reason. A rule that is not applicable because the
     * provider lacks an optional feature (fast shutdown, FAST-1) is not listed: its statement does not
     * apply to the provider.
     *
     * @return rule to reason, in catalogue order; empty when every mandatory rule ran in full
     */
    public Map<Rule, String> notVerified() {
        Map<Rule, RuleResult> byRule = new EnumMap<>(Rule.class);
        for (RuleResult result : results) {
            byRule.put(result.rule(), result);
        }
        Map<Rule, String> missing = new LinkedHashMap<>();
        for (Rule rule : Rule.values()) {
            if (!rule.mandatory()) {
                continue;
            }
            RuleResult result = byRule.get(rule);
            if (result == null) {
                missing.put(rule, "not run");
            } else if (result.outcome() == Outcome.SKIPPED) {
                missing.put(rule, result.message());
            } else if (!result.notVerified().isEmpty()) {
                missing.put(rule, result.notVerified());
            }
        }
        return missing;
    }

    /** @return the verdict: conforms only when every mandatory rule ran and passed (spec decision 12) */
    public Verdict verdict() {
        if (!errors.isEmpty() || count(Outcome.FAILED) > 0 || results.isEmpty()) {
            return Verdict.DOES_NOT_CONFORM;
        }
        return notVerified().isEmpty() ? Verdict.CONFORMS : Verdict.NOT_VERIFIED;
    }

    /** @return whether the verdict is {@link Verdict#CONFORMS} */
    public boolean conforms() {
        return verdict() == Verdict.CONFORMS;
    }
}
