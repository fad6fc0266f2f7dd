package org.mapi4j.tck.inmemory;

import java.util.Set;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.spi.FastShutdownPolicy;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.tck.MapiProviderTck;

/**
 * The project's own build certifies the in-memory provider: every rule of the catalogue runs against a
 * fresh {@link InMemoryProvider}, and the build fails if one fails that {@link #KNOWN_PROVIDER_GAPS}
 * does not list.
 */
public class InMemoryProviderTckTest extends MapiProviderTck {

    /**
     * The rules and cases the in-memory provider is known to fail until it is rebuilt on the provider
     * skeleton (spec decisions 6 to 11). Each is reported as aborted with its full failure text; a
     * listed case that passes fails, so this list must shrink to empty, never grow.
     */
    public static final Set<String> KNOWN_PROVIDER_GAPS = Set.of();

    /** JUnit and the self-test's broken candidates create it. */
    public InMemoryProviderTckTest() {
    }

    @Override
    protected MapiProvider createProvider() {
        return new InMemoryProvider();
    }

    @Override
    protected MapiProvider createProvider(FastShutdownPolicy policy) {
        return InMemoryProvider.builder()
                .profile("Default", "Personal Folders")
                .profile("Work", "Mailbox - Work", "Archive")
                .defaultProfile("Default")
                .fastShutdownPolicy(policy)
                .build();
    }

    @Override
    public Set<String> knownProviderGaps() {
        return KNOWN_PROVIDER_GAPS;
    }
}
