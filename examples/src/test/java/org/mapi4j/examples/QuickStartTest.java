package org.mapi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's quick start, imports included, is this module's QuickStart, word for word, and it runs. */
class QuickStartTest {

    @Test
    void readmeQuickStartIsTheCompiledQuickStart() throws IOException {
        String source = Files.readString(Path.of("src/main/java/org/mapi4j/examples/QuickStart.java"));
        String readme = Files.readString(Path.of("../README.md"));
        String fromSource = between(source, "// quick-start:begin", "// quick-start:end");
        String fromReadme = between(readme, "<!-- quick-start:begin -->", "<!-- quick-start:end -->").strip();
        assertTrue(fromReadme.startsWith("```java\n") && fromReadme.endsWith("\n```"), fromReadme);
        fromReadme = fromReadme.substring("```java\n".length(), fromReadme.length() - "\n```".length());
        assertTrue(fromReadme.startsWith("import "), "the quick start begins with its imports");
        assertEquals(normalize(fromSource), normalize(fromReadme),
                "README.md's quick start must match examples/src/main/java/org/mapi4j/examples/QuickStart.java");
    }

    /** The same program on both providers, chosen by {@code -Dmapi4j.provider} alone. */
    @ParameterizedTest
    @ValueSource(strings = {"inmemory", "native"})
    void quickStartRunsOnTheProviderTheSystemPropertyNames(String provider) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        System.setProperty("mapi4j.provider", provider);
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.clearProperty("mapi4j.provider");
            System.setOut(original);
        }
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("provider: " + provider, lines.get(0));
        assertTrue(lines.get(1).matches("identity: [0-9a-f]{2,}"), lines.get(1));
        assertEquals("store:    Personal Folders (default)", lines.get(2));
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin);
        int to = text.indexOf(end, from);
        assertTrue(from >= 0 && to > from, "markers " + begin + " / " + end + " not found");
        return text.substring(from + begin.length(), to);
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
