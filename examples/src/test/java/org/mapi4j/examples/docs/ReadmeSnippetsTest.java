package org.mapi4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet of README.md compiles against mapi4j as the README presents it: a snippet with a
 * class is a compilation unit as it stands; any other snippet is statements, compiled with the
 * imports the README says it assumes.
 */
class ReadmeSnippetsTest {

    static final Path README = Path.of("../README.md");
    static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
    static final Pattern CLASS_NAME = Pattern.compile("(?m)^public (?:final )?class (\\w+)");
    /** What the README says its statement snippets assume. */
    static final String ASSUMED_IMPORTS = "import java.util.*;\nimport org.mapi4j.*;\nimport org.mapi4j.spi.*;\n";

    @Test
    void theReadmeHasJavaSnippetsAndStatesTheAssumedImports() throws IOException {
        String readme = Files.readString(README);
        assertTrue(snippets(readme).size() >= 2, "README.md has its Java snippets");
        assertTrue(readme.contains("`import java.util.*;`, `import org.mapi4j.*;` and\n`import org.mapi4j.spi.*;`"),
                "README.md states the imports its statement snippets assume");
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
        List<String> snippets = snippets(Files.readString(README));
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String snippet = snippets.get(i);
            String firstLine = snippet.lines().findFirst().orElse("");
            tests.add(DynamicTest.dynamicTest("snippet " + (i + 1) + ": " + firstLine, () -> compile(snippet)));
        }
        return tests.stream();
    }

    static List<String> snippets(String markdown) {
        List<String> snippets = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            snippets.add(m.group(1));
        }
        return snippets;
    }

    private static void compile(String snippet) throws IOException {
        Matcher className = CLASS_NAME.matcher(snippet);
        String name;
        String unit;
        if (className.find()) {
            name = className.group(1);
            unit = snippet;
        } else {
            name = "ReadmeSnippet";
            unit = ASSUMED_IMPORTS + "\nclass ReadmeSnippet {\n    void run() throws Exception {\n" + snippet + "\n    }\n}\n";
        }
        Path dir = Files.createTempDirectory(Path.of("target"), "readme-snippet");
        Path source = dir.resolve(name + ".java");
        Files.writeString(source, unit);
        // The JDK's javac as a process: this test runs inside the examples' module, which does not read java.compiler.
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        assertTrue(Files.isExecutable(javac), "a JDK's javac at " + javac);
        Path log = dir.resolve("javac.log");
        Process process = new ProcessBuilder(javac.toString(), "-proc:none", "-d", dir.resolve("classes").toString(),
                "-cp", testClassPath(), source.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertEquals("", exit == 0 ? "" : Files.readString(log, StandardCharsets.UTF_8),
                "README.md's snippet does not compile:\n" + unit);
    }

    /** The test class path (surefire may hide it behind a manifest-only jar on java.class.path). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
