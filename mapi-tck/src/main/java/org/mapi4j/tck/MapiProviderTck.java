package org.mapi4j.tck;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.FastShutdownPolicy;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.tck.internal.EscapedExceptionHandler;
import org.mapi4j.tck.internal.TckConfigurationResolver;
import org.mapi4j.tck.rules.CallbackRules;
import org.mapi4j.tck.rules.ChildRules;
import org.mapi4j.tck.rules.FastShutdownRules;
import org.mapi4j.tck.rules.GeneralRules;
import org.mapi4j.tck.rules.InitRules;
import org.mapi4j.tck.rules.LogoffArgumentRules;
import org.mapi4j.tck.rules.LogoffConfirmationRules;
import org.mapi4j.tck.rules.LogoffEffectRules;
import org.mapi4j.tck.rules.LogonRules;
import org.mapi4j.tck.rules.NotificationRules;
import org.mapi4j.tck.rules.PostLogoffRules;
import org.mapi4j.tck.rules.ReleaseRules;
import org.mapi4j.tck.rules.SharedSessionRules;
import org.mapi4j.tck.fixture.TckFixture;
import org.mapi4j.tck.fixture.TckSettings;
import org.opentest4j.AssertionFailedError;

/**
 * The TCK as one JUnit Jupiter test class to extend (the Reactive Streams
 * {@code PublisherVerification} model): every rule of {@link Rule} is one test, inherited from the
 * rule interfaces in {@code org.mapi4j.tck.rules}, named after its ID and tagged with it.
 *
 * <pre>{@code
 * class MyProviderTckTest extends MapiProviderTck {
 *     @Override
 *     protected MapiProvider createProvider() {
 *         return new MyProvider();
 *     }
 * }
 * }</pre>
 *
 * <h2>The provider's life in a test</h2>
 * Before each test the TCK calls {@link #createProvider()} and drives only that object, only
 * through the SPI ({@link MapiProvider}, {@link org.mapi4j.spi.MapiSessionHandle} ...). After the
 * test it releases every object the test still holds, calls MAPIUninitialize as often as the test's
 * successful MAPIInitialize calls require, and then calls {@link #disposeProvider(MapiProvider)}.
 *
 * <h2>Rule results</h2>
 * A rule whose {@linkplain Rule#capabilities() capability} the provider lacks ends with
 * {@link NotApplicableException} (JUnit: aborted, shown as skipped with the reason); a
 * {@link RuleKind#DESTRUCTIVE} rule against a provider that declares
 * {@link ProviderCapability#AFFECTS_OTHER_PROCESSES} ends with {@link DestructiveSkippedException}
 * unless {@value TckConfiguration#INCLUDE_DESTRUCTIVE} is {@code true}. Neither is ever "passed".
 */
@ExtendWith({TckConfigurationResolver.class, EscapedExceptionHandler.class})
public abstract class MapiProviderTck implements GeneralRules, InitRules, LogonRules, LogoffArgumentRules,
        LogoffConfirmationRules, LogoffEffectRules, PostLogoffRules, ChildRules, ReleaseRules, SharedSessionRules,
        NotificationRules, FastShutdownRules, CallbackRules {

    /**
     * The capabilities without which the TCK cannot observe a mandatory behaviour: a rule or case not
     * applicable for want of one of them leaves the provider "not verified", never "conforms" (spec
     * decisions 3 and 12). Every other capability names an optional feature whose rules simply do not
     * apply when it is absent.
     */
    public static final Set<ProviderCapability> OBSERVATION_CAPABILITIES =
            Set.of(ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION);

    private TckFixture fixture;
    private MapiProvider provider;
    private TckConfiguration configuration = new TckConfiguration(key -> Optional.empty());

    /** For subclasses. */
    protected MapiProviderTck() {
    }

    /**
     * Creates the provider for one test. Called once before every test (and again when a test needs a
     * second independent instance).
     *
     * <p>Contract: the returned provider is <em>fresh</em>: available, not initialized
     * (MAPIInitialize count 0), no shared session published, no logoff confirmation installed,
     * {@link org.mapi4j.spi.SharedLogoffPolicy#WARN}, default fast-shutdown policy, and independent of every
     * provider returned before. For a per-instance provider (the in-memory one) that is simply
     * {@code new MyProvider()}. For a process-wide provider (one MAPI per process, like the native
     * provider) it means "reset": return the provider after bringing the process's MAPI back to that
     * state, and undo what the test left in {@link #disposeProvider(MapiProvider)}. A process-wide
     * provider that cannot recover from a fast shutdown (FAST-4, FAST-5 terminate the instance) should
     * run those rules in their own JVM.
     *
     * @return a fresh provider, never {@code null}
     */
    protected abstract MapiProvider createProvider();

    /**
     * Creates a fresh provider (see {@link #createProvider()}) whose fast-shutdown policy (spec A.11) is
     * {@code policy}. Used only when the provider declares
     * {@link ProviderCapability#CONFIGURABLE_FAST_SHUTDOWN_POLICY}; the default returns {@code null},
     * which makes the policy cases of FAST-2 to FAST-5 not applicable.
     *
     * @param policy the policy, not {@code null}
     * @return a fresh provider with that policy, or {@code null} if this TCK subclass cannot make one
     */
    protected MapiProvider createProvider(FastShutdownPolicy policy) {
        return null;
    }

    /**
     * Called after every test with each provider the test used, after the TCK released what the test
     * held and balanced MAPIInitialize. The default does nothing; a process-wide provider resets here.
     *
     * @param provider a provider returned by {@link #createProvider()} or {@link #createProvider(FastShutdownPolicy)}
     */
    protected void disposeProvider(MapiProvider provider) {
    }

    /**
     * @return the default profile's name; default the configuration parameter
     *     {@value TckConfiguration#DEFAULT_PROFILE}, else {@code "Default"}
     */
    protected String defaultProfileName() {
        return configuration.get(TckConfiguration.DEFAULT_PROFILE).orElse("Default");
    }

    /**
     * @return the display names of the default profile's message stores, in table order; an empty list
     *     skips the check; default the comma-separated configuration parameter
     *     {@value TckConfiguration#DEFAULT_STORES}, else {@code ["Personal Folders"]}
     */
    protected List<String> defaultProfileStores() {
        return configuration.getRaw(TckConfiguration.DEFAULT_STORES)
                .map(v -> v.isEmpty() ? List.<String>of() : Arrays.stream(v.split(",")).map(String::trim).toList())
                .orElse(List.of("Personal Folders"));
    }

    /**
     * @return another existing profile, not the default one; default the configuration parameter
     *     {@value TckConfiguration#OTHER_PROFILE}, else {@code "Work"}
     */
    protected String otherProfileName() {
        return configuration.get(TckConfiguration.OTHER_PROFILE).orElse("Work");
    }

    /**
     * @return a profile name that does not exist (at most 64 characters); default the configuration
     *     parameter {@value TckConfiguration#UNKNOWN_PROFILE}, else {@code "mapi4j-tck-no-such-profile"}
     */
    protected String unknownProfileName() {
        return configuration.get(TckConfiguration.UNKNOWN_PROFILE).orElse("mapi4j-tck-no-such-profile");
    }

    /**
     * @return the longest wait for an asynchronous notification or a racing thread; a correct provider
     *     never makes the TCK wait this long; default the configuration parameter
     *     {@value TckConfiguration#NOTIFICATION_TIMEOUT}, else 10 seconds
     */
    protected Duration notificationTimeout() {
        return configuration.get(TckConfiguration.NOTIFICATION_TIMEOUT).map(TckConfiguration::parseDuration)
                .orElse(Duration.ofSeconds(10));
    }

    /**
     * @return how long the watchdog lets one call, a callback that calls back included, run before it
     *     fails the rule as hung, with every thread's stack; default the configuration parameter
     *     {@value TckConfiguration#CALLBACK_TIMEOUT}, else 30 seconds
     */
    protected Duration callbackTimeout() {
        return configuration.get(TckConfiguration.CALLBACK_TIMEOUT).map(TckConfiguration::parseDuration)
                .orElse(Duration.ofSeconds(30));
    }

    /** @return how many threads race in LOGOFF-5; default {@value TckConfiguration#RACE_THREADS}, else 16 */
    protected int raceThreads() {
        return configuration.get(TckConfiguration.RACE_THREADS).map(Integer::parseInt).orElse(16);
    }

    /** @return how many rounds LOGOFF-5 races; default {@value TckConfiguration#RACE_ROUNDS}, else 50 */
    protected int raceRounds() {
        return configuration.get(TckConfiguration.RACE_ROUNDS).map(Integer::parseInt).orElse(50);
    }

    /**
     * @return how many handles share a session in SHARED-5; default
     *     {@value TckConfiguration#SHARED_PARTICIPANTS}, else 8
     */
    protected int sharedParticipants() {
        return configuration.get(TckConfiguration.SHARED_PARTICIPANTS).map(Integer::parseInt).orElse(8);
    }

    /**
     * The provider's known gaps: rules, or cases of rules, that the provider is known to fail while a fix
     * is under way. A failure of a listed rule or case ends the test as aborted (JUnit: skipped) with
     * the full failure text ({@link KnownGapException}), so that a build stays green; the command-line
     * runner and the reports still count it as a failure, never as a pass. A case listed by name that
     * passes fails the test, so that the list cannot go stale.
     *
     * <p>An entry is a rule ID ({@code "GEN-5"}: every case of the rule) or a rule ID, a space and the
     * start of a case's display name ({@code "CHILD-1 queryInterface"}). The default reads the
     * configuration parameter {@value TckConfiguration#KNOWN_GAPS} (one entry per line; a line
     * {@code NAME: ENTRY} only for the provider named {@code NAME}), else none.
     *
     * @return the entries, never {@code null}
     */
    public Set<String> knownProviderGaps() {
        String name = provider == null ? "" : provider.name();
        return configuration.getRaw(TckConfiguration.KNOWN_GAPS).map(text -> text.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.startsWith(name + ": ") ? line.substring(name.length() + 2) : line)
                .filter(line -> !line.matches("^[a-z][a-z0-9._-]*: .*"))
                .collect(java.util.stream.Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    /**
     * A configuration parameter of the running launcher (or a system property), for subclasses whose
     * {@link #createProvider()} is configured from outside, like the command-line runner's.
     *
     * @param key the key
     * @return the value, if set
     */
    protected final Optional<String> configurationParameter(String key) {
        return configuration.get(key);
    }

    /** @return the fixture of the running test */
    @Override
    public final TckFixture fx() {
        if (fixture == null) {
            throw new IllegalStateException("no TCK test is running");
        }
        return fixture;
    }

    /**
     * Creates the provider and decides whether the rule applies. Not for subclasses.
     *
     * @param info the running test
     * @param configuration the launcher's configuration
     */
    @BeforeEach
    protected final void setUpTck(TestInfo info, TckConfiguration configuration) {
        this.configuration = configuration;
        Rule rule = info.getTags().stream().map(Rule::byId).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException("TCK test " + info.getDisplayName()
                        + " has no rule tag"));
        provider = createProvider();
        if (provider == null) {
            throw new AssertionFailedError(rule.id() + ": createProvider() returned null");
        }
        Availability availability = provider.availability();
        if (!availability.available()) {
            throw new AssertionFailedError(rule.id() + ": provider " + provider.name() + " is unavailable: "
                    + availability.reason());
        }
        Set<ProviderCapability> capabilities = provider.capabilities();
        Set<ProviderCapability> missing = EnumSet.noneOf(ProviderCapability.class);
        missing.addAll(rule.capabilities());
        missing.removeAll(capabilities);
        if (!missing.isEmpty()) {
            throw new NotApplicableException(rule, "provider " + provider.name() + " does not declare " + missing,
                    missing.stream().anyMatch(OBSERVATION_CAPABILITIES::contains));
        }
        boolean destructiveAllowed = !capabilities.contains(ProviderCapability.AFFECTS_OTHER_PROCESSES)
                || configuration.includeDestructive();
        if (rule.kind() == RuleKind.DESTRUCTIVE && !destructiveAllowed) {
            throw new DestructiveSkippedException(rule);
        }
        TckSettings settings = new TckSettings(defaultProfileName(), defaultProfileStores(), otherProfileName(),
                unknownProfileName(), notificationTimeout(), callbackTimeout(), raceThreads(), raceRounds(),
                sharedParticipants());
        fixture = new TckFixture(rule, provider, settings, this::createProvider,
                registryValue -> createProvider(FastShutdownPolicy.values()[registryValue]),
                this::disposeProvider, destructiveAllowed);
        fixture.knownGaps(knownProviderGaps());
    }

    /** Releases what the test left, balances MAPIInitialize, disposes of the provider. Not for subclasses. */
    @AfterEach
    protected final void tearDownTck() {
        try {
            if (fixture != null) {
                fixture.cleanup();
            }
        } finally {
            fixture = null;
            MapiProvider used = provider;
            provider = null;
            if (used != null) {
                disposeProvider(used);
            }
        }
    }
}
