package org.mapi4j.examples.cleanroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import com.github.dockerjava.api.DockerClient;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.utility.DockerStatus;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.MountableFile;

/**
 * The packaged jars work on a clean machine: a minimal image (a jlink JRE and the host libraries it
 * needs; no compiler, no Maven, no build tree) gets the jars copied in, runs the TCK's command-line
 * runner against every provider on its class path, and the report must show both providers with
 * every applicable rule passed. A jar that lacks something it needs (the native library, a service
 * file, a dependency) makes a provider unavailable or a rule fail, and this test fails.
 *
 * <p>Without a Docker engine it is skipped with the reason, except when
 * {@code -Dmapi4j.requireDocker=true} (set by CI), where a skip would hide a broken setup: then it fails.
 */
class CleanRoomContainerTest {

    /**
     * The packaged jars, copied by the build into this folder: the TCK's executable jar (with
     * mapi-api and slf4j-api inside), both providers, the reference library's jar and JNA.
     */
    static final Path JARS = Path.of("target", "clean-room-jars");

    @BeforeAll
    static void requireDocker() {
        boolean available;
        String why = "no Docker engine answered";
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            available = false;
            why = e.toString();
        }
        if (!available) {
            String reason = "clean-room container test skipped: " + why + " (start dockerd; see README,"
                    + " and export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost)";
            if (Boolean.getBoolean("mapi4j.requireDocker")) {
                fail("mapi4j.requireDocker=true but " + reason);
            }
            Assumptions.abort(reason);
        }
    }

    @Test
    void tckCommandLineCertifiesBothProvidersFromThePackagedJars(@TempDir Path work) throws IOException {
        Path rootfs = CleanRoomImage.buildRootFs(work);
        ImageFromDockerfile image = new ImageFromDockerfile("mapi4j-cleanroom", true)
                .withFileFromPath("rootfs", rootfs)
                .withDockerfileFromBuilder(builder -> builder.from("scratch").copy("rootfs/", "/").build());

        List<String> command = new ArrayList<>(List.of(CleanRoomImage.JRE + "/bin/java", "-Djna.tmpdir=/tmp",
                "-cp", "/app/*", "org.mapi4j.tck.cli.TckMain", "--all", "--include-destructive",
                "--known-gaps", "/gaps/known-provider-gaps.txt", "--report", "/out/report.json"));
        try (GenericContainer<?> container = new GenericContainer<>(image)) {
            container.withNetworkMode("none")
                    .withStartupCheckStrategy(new RunsToCompletion().withTimeout(Duration.ofMinutes(5)))
                    .withCopyFileToContainer(MountableFile.forClasspathResource("cleanroom/known-provider-gaps.txt"),
                            "/gaps/known-provider-gaps.txt")
                    .withCommand(command.toArray(String[]::new));
            for (Path jar : packagedJars()) {
                container.withCopyFileToContainer(MountableFile.forHostPath(jar), "/app/" + jar.getFileName());
            }
            try {
                container.start();
            } catch (RuntimeException e) {
                fail("the TCK runner failed in the clean room:\n" + container.getLogs(), e);
            }
            String report = container.copyFileFromContainer("/out/report.json",
                    in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertProviderCertified(report, "inmemory", container.getLogs());
            assertProviderCertified(report, "native", container.getLogs());
        }
    }

    /**
     * Waits until the runner has exited, whatever its exit status: while the bundled providers have known
     * gaps the verdict is "does not conform" (exit 1), and the report says which rules failed.
     */
    static final class RunsToCompletion extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
            return DockerStatus.isContainerStopped(getCurrentState(dockerClient, containerId))
                    ? StartupStatus.SUCCESSFUL : StartupStatus.NOT_YET_KNOWN;
        }
    }

    static List<Path> packagedJars() throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.list(JARS)) {
            found = files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
        assertEquals(5, found.size(), "expected the five packaged jars in " + JARS + " (mvn verify copies them): " + found);
        return found;
    }

    // Certified: every rule ran, and nothing failed but the provider's listed known gaps (known-provider-gaps.txt).
    private static void assertProviderCertified(String report, String provider, String logs) {
        int start = report.indexOf("{\"provider\": \"" + provider + "\"");
        assertTrue(start >= 0, "provider " + provider + " missing from the report:\n" + report
                + "\n--- runner output ---\n" + logs);
        int end = report.indexOf("{\"provider\": ", start + 1);
        String section = report.substring(start, end < 0 ? report.length() : end);
        assertTrue(section.contains("\"errors\": []") && section.contains("\"notVerified\": []"), "provider "
                + provider + " was not certified in full in the clean room:\n" + section + "\n--- runner output ---\n"
                + logs);
        Matcher failed = Pattern.compile("\"result\": \"FAILED\", \"message\": \"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(section);
        while (failed.find()) {
            assertTrue(failed.group(1).contains("known provider gap ["), "provider " + provider + " failed a rule"
                    + " its known gaps do not list, in the clean room: " + failed.group(1) + "\n" + section);
        }
    }

}
