package org.mapi4j.tck;

import java.time.Duration;
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
import org.mapi4j.tck.rules.TckFixture;
import org.mapi4j.tck.rules.TckSettings;
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
@ExtendWith(TckConfigurationResolver.class)
public abstract class MapiProviderTck implements GeneralRules, InitRules, LogonRules, LogoffArgumentRules,
        LogoffConfirmationRules, LogoffEffectRules, PostLogoffRules, ChildRules, ReleaseRules, SharedSessionRules,
        NotificationRules, FastShutdownRules {

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

    /** @return the default profile's name; default {@code "Default"} */
    protected String defaultProfileName() {
        return "Default";
    }

    /**
     * @return the display names of the default profile's message stores, in table order; an empty list
     *     skips the check; default {@code ["Personal Folders"]}
     */
    protected List<String> defaultProfileStores() {
        return List.of("Personal Folders");
    }

    /** @return another existing profile, not the default one; default {@code "Work"} */
    protected String otherProfileName() {
        return "Work";
    }

    /** @return a profile name that does not exist (at most 64 characters) */
    protected String unknownProfileName() {
        return "mapi4j-tck-no-such-profile";
    }

    /**
     * @return the longest wait for an asynchronous notification or a racing thread; a correct provider
     *     never makes the TCK wait this long; default 10 seconds
     */
    protected Duration notificationTimeout() {
        return Duration.ofSeconds(10);
    }

    /** @return how many threads race in LOGOFF-5; default 16 */
    protected int raceThreads() {
        return 16;
    }

    /** @return how many rounds LOGOFF-5 races; default 50 */
    protected int raceRounds() {
        return 50;
    }

    /** @return how many handles share a session in SHARED-5; default 8 */
    protected int sharedParticipants() {
        return 8;
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
            throw new NotApplicableException(rule, "provider " + provider.name() + " does not declare " + missing);
        }
        boolean destructiveAllowed = !capabilities.contains(ProviderCapability.AFFECTS_OTHER_PROCESSES)
                || configuration.includeDestructive();
        if (rule.kind() == RuleKind.DESTRUCTIVE && !destructiveAllowed) {
            throw new DestructiveSkippedException(rule);
        }
        TckSettings settings = new TckSettings(defaultProfileName(), defaultProfileStores(), otherProfileName(),
                unknownProfileName(), notificationTimeout(), raceThreads(), raceRounds(), sharedParticipants());
        fixture = new TckFixture(rule, provider, settings, this::createProvider,
                registryValue -> createProvider(FastShutdownPolicy.values()[registryValue]),
                this::disposeProvider, destructiveAllowed);
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
