package org.mapi4j.tck;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The TCK's configuration: JUnit Platform configuration parameters (launcher request, then JVM system
 * properties, then {@code junit-platform.properties}), as the test instance sees them. The environment
 * keys are the defaults of the matching hooks of {@link MapiProviderTck}, so that the command-line
 * runner (which sets them from its options) and a build (which may set them with {@code -D}) run the
 * same TCK.
 */
public final class TckConfiguration {

    /**
     * {@code true} runs {@link RuleKind#DESTRUCTIVE} rules also against a provider that declares
     * {@link org.mapi4j.spi.ProviderCapability#AFFECTS_OTHER_PROCESSES}. Default {@code false}.
     */
    public static final String INCLUDE_DESTRUCTIVE = "mapi4j.tck.includeDestructive";
    /** Default of {@link MapiProviderTck#defaultProfileName()}. */
    public static final String DEFAULT_PROFILE = "mapi4j.tck.defaultProfile";
    /** Default of {@link MapiProviderTck#defaultProfileStores()}: comma-separated, empty for none. */
    public static final String DEFAULT_STORES = "mapi4j.tck.defaultStores";
    /** Default of {@link MapiProviderTck#otherProfileName()}. */
    public static final String OTHER_PROFILE = "mapi4j.tck.otherProfile";
    /** Default of {@link MapiProviderTck#unknownProfileName()}. */
    public static final String UNKNOWN_PROFILE = "mapi4j.tck.unknownProfile";
    /** Default of {@link MapiProviderTck#notificationTimeout()}: ISO-8601 or seconds. */
    public static final String NOTIFICATION_TIMEOUT = "mapi4j.tck.notificationTimeout";
    /** Default of {@link MapiProviderTck#callbackTimeout()}: ISO-8601 or seconds. */
    public static final String CALLBACK_TIMEOUT = "mapi4j.tck.callbackTimeout";
    /** Default of {@link MapiProviderTck#raceThreads()}. */
    public static final String RACE_THREADS = "mapi4j.tck.raceThreads";
    /** Default of {@link MapiProviderTck#raceRounds()}. */
    public static final String RACE_ROUNDS = "mapi4j.tck.raceRounds";
    /** Default of {@link MapiProviderTck#sharedParticipants()}. */
    public static final String SHARED_PARTICIPANTS = "mapi4j.tck.sharedParticipants";

    /**
     * Default of {@link MapiProviderTck#knownProviderGaps()}: one entry per line; a line
     * {@code NAME: ENTRY} applies only to the provider named {@code NAME} (command line runner).
     */
    public static final String KNOWN_GAPS = "mapi4j.tck.knownGaps";

    private final Function<String, Optional<String>> parameters;

    /**
     * @param parameters looks a configuration parameter up by key, never {@code null}
     */
    public TckConfiguration(Function<String, Optional<String>> parameters) {
        this.parameters = parameters;
    }

    /**
     * @param key the configuration parameter's key
     * @return its value, if set and not blank
     */
    public Optional<String> get(String key) {
        return parameters.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /**
     * @param key the configuration parameter's key
     * @return its value as given, blank included (an empty store list is a value), if set
     */
    public Optional<String> getRaw(String key) {
        return parameters.apply(key).map(String::trim);
    }

    /** @return whether destructive rules were asked for */
    public boolean includeDestructive() {
        return get(INCLUDE_DESTRUCTIVE).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * @param text an ISO-8601 duration ({@code PT10S}) or a number of seconds ({@code 10})
     * @return the duration
     * @throws java.time.format.DateTimeParseException if it is neither
     */
    public static Duration parseDuration(String text) {
        String t = text.trim();
        return t.chars().allMatch(Character::isDigit) && !t.isEmpty() ? Duration.ofSeconds(Long.parseLong(t))
                : Duration.parse(t);
    }
}
