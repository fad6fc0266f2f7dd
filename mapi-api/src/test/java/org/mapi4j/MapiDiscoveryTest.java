package org.mapi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.MapiProvider;
import org.slf4j.LoggerFactory;

/** Mapi's provider discovery and its messages: each says what was found and how to choose. */
class MapiDiscoveryTest {

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' missing from: " + message);
        }
    }

    @Test
    @DisplayName("the test-scoped services file: the highest available priority wins")
    void defaultServicesFile() {
        Thread thread = Thread.currentThread();
        String property = System.clearProperty(Mapi.PROVIDER_PROPERTY);
        try {
            assertEquals("alpha", Mapi.provider().name());
            assertEquals(List.of("alpha", "gamma"), Mapi.providers().stream().map(MapiProvider::name).toList());
            assertEquals("gamma", Mapi.provider("gamma").name());
        } finally {
            if (property != null) {
                System.setProperty(Mapi.PROVIDER_PROPERTY, property);
            }
        }
        assertEquals(thread, Thread.currentThread());
    }

    @Test
    @DisplayName("no provider: the message says none was found and which artifact to add")
    void noProvider() {
        ProviderSet.use("empty", () -> {
            assertEquals(List.of(), Mapi.providers());
            ProviderSelectionException e = assertThrows(ProviderSelectionException.class, Mapi::provider);
            assertContains(e.getMessage(), "no MAPI provider found", "mapi-provider-inmemory");
            ProviderSelectionException named = assertThrows(ProviderSelectionException.class, () -> Mapi.provider("alpha"));
            assertContains(named.getMessage(), "'alpha'", "Found: none");
        });
    }

    @Test
    @DisplayName("unknown name: the message lists what was found and says to use one of those names")
    void unknownName() {
        ProviderSet.use("equal", () -> {
            ProviderSelectionException e = assertThrows(ProviderSelectionException.class, () -> Mapi.provider("nope"));
            assertContains(e.getMessage(), "'nope'", "alpha", "beta", "gamma", "priority 5", "Use one of these names");
        });
    }

    @Test
    @DisplayName("several available providers with equal top priority: names them and says how to choose")
    void equalPriority() {
        ProviderSet.use("equal", () -> {
            ProviderSelectionException e = assertThrows(ProviderSelectionException.class, Mapi::provider);
            assertContains(e.getMessage(), "alpha, beta", "highest priority 5", "-Dmapi4j.provider=NAME",
                    "Mapi.provider(NAME)", "gamma");
            assertEquals("beta", Mapi.provider("beta").name(), "an explicit name resolves the tie");
            System.setProperty(Mapi.PROVIDER_PROPERTY, " alpha ");
            try {
                assertEquals("alpha", Mapi.provider().name(), "the system property resolves the tie");
            } finally {
                System.clearProperty(Mapi.PROVIDER_PROPERTY);
            }
        });
    }

    @Test
    @DisplayName("present but unavailable: the reason, what else was found, and how to choose another")
    void presentButUnavailable() {
        ProviderSet.use("unavailable", () -> {
            ProviderSelectionException e = assertThrows(ProviderSelectionException.class, () -> Mapi.provider("ghost"));
            assertContains(e.getMessage(), "'ghost'", "present but unavailable", "libmapi32 missing (test)",
                    "gamma (priority 1, available)", "-Dmapi4j.provider=NAME");
            System.setProperty(Mapi.PROVIDER_PROPERTY, "ghost");
            try {
                ProviderSelectionException p = assertThrows(ProviderSelectionException.class, Mapi::provider);
                assertContains(p.getMessage(), "system property mapi4j.provider", "libmapi32 missing (test)");
            } finally {
                System.clearProperty(Mapi.PROVIDER_PROPERTY);
            }
        });
    }

    @Test
    @DisplayName("an unavailable provider that would win: selection fails with its reason instead of falling back")
    void noSilentFallback() {
        ProviderSet.use("unavailable", () -> {
            ProviderSelectionException e = assertThrows(ProviderSelectionException.class, Mapi::provider);
            assertContains(e.getMessage(), "'ghost' (priority 100) is unavailable: libmapi32 missing (test)",
                    "does not fall back to 'gamma'", "-Dmapi4j.provider=NAME", "-Dmapi4j.provider.fallback=true",
                    "allowProviderFallback(true)");
            assertTrue(!e.getMessage().contains(".."), e.getMessage());
        });
    }

    @Test
    @DisplayName("fallback allowed by the application: the available provider is selected")
    void fallbackWhenAllowed() {
        Logger logger = (Logger) LoggerFactory.getLogger(Mapi.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            ProviderSet.use("unavailable", () -> {
                assertEquals("gamma", Mapi.select(true).name());
                assertEquals(1, log.list.size(), "one line per fallback");
                ILoggingEvent warning = log.list.get(0);
                assertEquals(Level.WARN, warning.getLevel());
                assertEquals("mapi4j: MAPI provider 'ghost' (priority 100) is unavailable: libmapi32 missing (test)."
                        + " Falling back to 'gamma' (priority 1), as the application allows.",
                        warning.getFormattedMessage());
                System.setProperty(Mapi.FALLBACK_PROPERTY, "true");
                try {
                    assertEquals("gamma", Mapi.provider().name());
                } finally {
                    System.clearProperty(Mapi.FALLBACK_PROPERTY);
                }
                log.list.clear();
                assertEquals("gamma", Mapi.provider("gamma").name(), "an explicit choice never needs the fallback");
                assertEquals(List.of(), log.list, "an explicit choice logs nothing");
            });
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    @DisplayName("names match ignoring case; an unknown name close to a known one gets a suggestion")
    void namesIgnoreCaseAndSuggest() {
        ProviderSet.use("equal", () -> {
            assertEquals("alpha", Mapi.provider("ALPHA").name());
            ProviderSelectionException e = assertThrows(ProviderSelectionException.class, () -> Mapi.provider("gamme"));
            assertContains(e.getMessage(), "no MAPI provider named 'gamme'", "Did you mean 'gamma'?");
            ProviderSelectionException far = assertThrows(ProviderSelectionException.class,
                    () -> Mapi.provider("zzzzzzzz"));
            assertTrue(!far.getMessage().contains("Did you mean"), far.getMessage());
        });
    }

    @Test
    @DisplayName("only unavailable providers: the message gives each reason and how to fix or add one")
    void noneAvailable() {
        ProviderSet.use("onlyghost", () -> {
            ProviderSelectionException e = assertThrows(ProviderSelectionException.class, Mapi::provider);
            assertContains(e.getMessage(), "no available MAPI provider", "ghost (priority 100, unavailable: "
                    + "libmapi32 missing (test))", "mapi-provider-inmemory");
        });
    }

    @Test
    @DisplayName("a stale services entry does not break discovery: it is reported, the others are usable")
    void brokenEntry() {
        ProviderSet.use("broken", () -> {
            assertEquals(List.of("gamma"), Mapi.providers().stream().map(MapiProvider::name).toList());
            assertEquals("gamma", Mapi.provider().name());
            ProviderSelectionException e = assertThrows(ProviderSelectionException.class, () -> Mapi.provider("x"));
            assertContains(e.getMessage(), "NoSuchProvider", "gamma");
        });
    }

    @Test
    @DisplayName("a blank name is a programming error, not a selection failure")
    void blankName() {
        assertThrows(IllegalArgumentException.class, () -> Mapi.provider(" "));
        assertEquals("name", assertThrows(NullPointerException.class, () -> Mapi.provider(null)).getMessage());
    }
}
