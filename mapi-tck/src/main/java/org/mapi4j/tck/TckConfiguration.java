package org.mapi4j.tck;

import java.util.Optional;
import java.util.function.Function;

/**
 * The TCK's configuration: JUnit Platform configuration parameters (launcher request, then JVM system
 * properties, then {@code junit-platform.properties}), as the test instance sees them.
 */
public final class TckConfiguration {

    /**
     * {@code true} runs {@link RuleKind#DESTRUCTIVE} rules also against a provider that declares
     * {@link org.mapi4j.spi.ProviderCapability#AFFECTS_OTHER_PROCESSES}. Default {@code false}.
     */
    public static final String INCLUDE_DESTRUCTIVE = "mapi4j.tck.includeDestructive";

    private final Function<String, Optional<String>> parameters;

    /**
     * @param parameters looks a configuration parameter up by key, never {@code null}
     */
    public TckConfiguration(Function<String, Optional<String>> parameters) {
        this.parameters = parameters;
    }

    /**
     * @param key the configuration parameter's key
     * @return its value, if set
     */
    public Optional<String> get(String key) {
        return parameters.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** @return whether destructive rules were asked for */
    public boolean includeDestructive() {
        return get(INCLUDE_DESTRUCTIVE).map(Boolean::parseBoolean).orElse(false);
    }
}
