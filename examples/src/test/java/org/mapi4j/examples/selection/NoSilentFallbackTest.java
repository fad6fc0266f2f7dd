package org.mapi4j.examples.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mapi4j.Mapi;
import org.mapi4j.MapiSubsystem;
import org.mapi4j.ProviderSelectionException;

/**
 * With {@code mapi-provider-native} on the class path and no MAPI library, {@link Mapi#initialize()}
 * fails with the native provider's reason instead of running on the in-memory provider's data,
 * unless the application chose a provider or allowed the fallback.
 */
class NoSilentFallbackTest {

    private static final String LIBRARY = "mapi4j.native.library";

    @BeforeEach
    void withoutMapi() {
        System.setProperty(LIBRARY, "mapi4j-no-such-library");
        System.clearProperty(Mapi.PROVIDER_PROPERTY);
    }

    @AfterEach
    void restore() {
        System.clearProperty(LIBRARY);
        System.clearProperty(Mapi.FALLBACK_PROPERTY);
    }

    @Test
    void initializeFailsWithTheUnavailableProvidersReason() {
        ProviderSelectionException e = assertThrows(ProviderSelectionException.class, Mapi::initialize);
        String message = e.getMessage();
        assertTrue(message.startsWith("mapi4j: MAPI provider 'native' (priority 20) is unavailable: the MAPI library"
                + " 'mapi4j-no-such-library' could not be loaded. JNA: "), message);
        assertTrue(message.contains("does not fall back to 'inmemory' (priority 10) on its own"), message);
        assertTrue(message.contains("-Dmapi4j.provider.fallback=true"), message);
        assertFalse(message.contains(".."), message);
    }

    @Test
    void anExplicitChoiceOrAnAllowedFallbackRunsOnTheInMemoryProvider() {
        try (MapiSubsystem chosen = MapiSubsystem.builder().providerName("InMemory").initialize()) {
            assertEquals("inmemory", chosen.provider().name());
        }
        try (MapiSubsystem fallback = MapiSubsystem.builder().allowProviderFallback(true).initialize()) {
            assertEquals("inmemory", fallback.provider().name());
        }
        System.setProperty(Mapi.FALLBACK_PROPERTY, "true");
        try (MapiSubsystem fallback = Mapi.initialize()) {
            assertEquals("inmemory", fallback.provider().name());
        }
    }
}
