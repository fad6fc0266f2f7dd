package org.mapi4j.tck.run;

import java.util.List;
import java.util.Set;
import org.mapi4j.spi.ProviderCapability;

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

    /** Copies the collections. */
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

    /** @return whether every applicable rule passed and nothing else failed */
    public boolean conforms() {
        return errors.isEmpty() && count(Outcome.FAILED) == 0 && !results.isEmpty();
    }
}
