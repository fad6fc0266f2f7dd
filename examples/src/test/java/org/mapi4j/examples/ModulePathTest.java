package org.mapi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JPMS wiring works: the quick start runs on the module path, on either provider, found through
 * its module's {@code provides} and mapi-api's {@code uses}, not META-INF/services; the native one
 * loads the reference library from its jar there too.
 */
class ModulePathTest {

    // The examples' runtime class path goes on the module path; the test tools stay off it.
    private static final List<String> TEST_TOOLS = List.of("junit-", "opentest4j-", "apiguardian-", "surefire");
    private static final List<String> MUST_HAVE = List.of("mapi-api-", "mapi-provider-inmemory-", "slf4j-api-");

    @ParameterizedTest
    @ValueSource(strings = {"inmemory", "native"})
    void quickStartRunsOnTheModulePath(String provider) throws IOException, InterruptedException {
        List<String> modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .filter(entry -> TEST_TOOLS.stream().noneMatch(tool -> Path.of(entry).getFileName().toString().startsWith(tool)))
                .collect(Collectors.toList());
        for (String jar : MUST_HAVE) {
            assertTrue(modulePath.stream().anyMatch(e -> Path.of(e).getFileName().toString().startsWith(jar)),
                    jar + " missing from " + modulePath);
        }

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmapi4j.provider=" + provider, "-Djna.tmpdir=" + Path.of("target", "jna-tmp").toAbsolutePath(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--module", "org.mapi4j.examples/org.mapi4j.examples.QuickStart"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the module-path run did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("provider: " + provider), output);
        assertTrue(output.contains("store:    Personal Folders (default)"), output);
    }
}
