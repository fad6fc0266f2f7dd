package org.mapi4j.examples.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's two command-line forms of the TCK, each against both bundled providers, in a child JVM
 * with only the packaged jars (the ones the clean-room test uses): {@code java -jar mapi-tck-cli.jar
 * --classpath ...} and {@code java -cp mapi-tck-cli.jar:... org.mapi4j.tck.cli.TckMain}. A selection of
 * rules that both providers pass proves that the provider is found, available and driven through
 * its libraries (for the native provider: JNA loading {@code linux-x86-64/libmapi32.so} from the
 * {@code --classpath} jars); a selection never reads "conforms", so the exit status is 3.
 */
class TckCommandLineFormsTest {

    private static final Path JARS = Path.of("target", "clean-room-jars");
    private static final List<String> RULES = List.of("INIT-1", "LOGON-6", "LOGOFF-FLAGS-2", "NOTIFY-1", "REL-1");

    static Stream<Arguments> forms() {
        return Stream.of("inmemory", "native").flatMap(provider -> Stream.of(
                Arguments.of(provider, "java -jar --classpath"), Arguments.of(provider, "java -cp")));
    }

    private static String jar(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(JARS)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + JARS)).toAbsolutePath()
                    .toString();
        }
    }

    private static List<String> providerJars(String provider) throws IOException {
        return provider.equals("inmemory") ? List.of(jar("mapi-provider-inmemory-"))
                : List.of(jar("mapi-provider-native-"), jar("jna-"), jar("mapi-native-reference-"));
    }

    @ParameterizedTest(name = "{1} --provider {0}")
    @MethodSource("forms")
    void theReadmeFormCertifiesTheProvider(String provider, String form, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String cli = jar("mapi-tck-");
        String providerPath = String.join(File.pathSeparator, providerJars(provider));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djna.tmpdir=" + dir.resolve("jna"));
        if (form.startsWith("java -jar")) {
            command.addAll(List.of("-jar", cli, "--classpath", providerPath));
        } else {
            command.addAll(List.of("-cp", cli + File.pathSeparator + providerPath, "org.mapi4j.tck.cli.TckMain"));
        }
        command.addAll(List.of("--provider", provider));
        for (String rule : RULES) {
            command.addAll(List.of("--rule", rule));
        }
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "the TCK did not end within 5 minutes:\n" + text);
        for (String rule : RULES) {
            assertTrue(text.contains("[" + provider + "] " + rule + " PASSED"), rule + " did not pass:\n" + text);
        }
        assertTrue(text.contains(provider + ": " + RULES.size() + " passed, 0 failed, 0 not applicable, 0 skipped"
                + " -> NOT VERIFIED: no failures"), text);
        assertEquals(3, process.exitValue(), text);
    }
}
