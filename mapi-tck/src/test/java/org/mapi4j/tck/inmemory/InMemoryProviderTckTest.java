package org.mapi4j.tck.inmemory;

import org.mapi4j.spi.FastShutdownPolicy;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.tck.MapiProviderTck;

/**
 * The project's own build certifies the in-memory provider: every rule of the catalogue runs against a
 * fresh {@link InMemoryProvider}, and the build fails if one fails.
 */
class InMemoryProviderTckTest extends MapiProviderTck {

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
}
