package org.mapi4j.tck.broken;

import org.mapi4j.spi.FastShutdownPolicy;
import java.time.Duration;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.tck.MapiProviderTck;

/**
 * The TCK for a deliberately broken in-memory provider; which {@link Breakage} comes from the
 * configuration parameter {@value #BREAKAGE}, by {@linkplain Breakage#name() name} (see
 * {@link Breakages}). Not a test itself (no {@code Test} in the name): {@code BrokenProvidersTest} runs
 * it through the Launcher.
 */
public class BrokenCandidate extends MapiProviderTck {

    /** The configuration parameter naming the {@link Breakage}; without it, {@link Unbroken}. */
    static final String BREAKAGE = "mapi4j.tck.selftest.breakage";

    private Breakage breakage() {
        return configurationParameter(BREAKAGE).map(Breakages::byName).orElse(Breakages.UNBROKEN);
    }

    @Override
    protected MapiProvider createProvider() {
        return breakage().wrap(new InMemoryProvider(), -1);
    }

    @Override
    protected MapiProvider createProvider(FastShutdownPolicy policy) {
        return breakage().wrap(InMemoryProvider.builder()
                .profile("Default", "Personal Folders")
                .profile("Work", "Mailbox - Work", "Archive")
                .defaultProfile("Default")
                .fastShutdownPolicy(policy)
                .build(), policy.registryValue());
    }

    /** The wrapped in-memory provider's own gaps: a broken candidate must fail beyond them. */
    @Override
    public java.util.Set<String> knownProviderGaps() {
        return org.mapi4j.tck.inmemory.InMemoryProviderTckTest.KNOWN_PROVIDER_GAPS;
    }

    @Override
    protected int raceRounds() {
        return 10;
    }

    /** A broken provider that hangs fails CALLBACK-1 after two seconds, not thirty. */
    @Override
    protected Duration callbackTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    protected Duration notificationTimeout() {
        return Duration.ofSeconds(5);
    }
}
