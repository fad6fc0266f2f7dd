package org.mapi4j.tck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapi4j.spi.Specification;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.TckVersion;

/** The command-line runner: exit codes, verdicts, versions, progress, table, JSON report, JUnit XML. */
class TckMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new TckMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static long mandatoryRules() {
        return Arrays.stream(Rule.values()).filter(Rule::mandatory).count();
    }

    @Test
    void listRulesPrintsTheCatalogueWithLinks() {
        assertEquals(TckMain.OK, run("--list-rules"));
        for (Rule rule : Rule.values()) {
            assertTrue(out().contains(rule.id() + " "), rule.id() + " missing from\n" + out());
            assertTrue(out().contains(Specification.link(rule.id())), rule.id() + " has no link in\n" + out());
        }
    }

    @Test
    void versionNamesTheTckAndTheSpecification() {
        assertEquals(TckMain.OK, run("--version"));
        assertEquals("mapi4j TCK " + TckVersion.tck() + ", specification version " + Specification.VERSION,
                out().strip());
        assertTrue(!TckVersion.tck().equals("unknown"), "the packaged TCK knows its version");
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(TckMain.USAGE, run());
        assertEquals(TckMain.USAGE, run("--bogus"));
        assertEquals(TckMain.USAGE, run("--provider"));
        assertEquals(TckMain.USAGE, run("--provider", "inmemory", "--rule", "NO-SUCH-1"));
        assertEquals(TckMain.USAGE, run("--provider", "inmemory", "--race-threads", "many"));
        assertEquals(TckMain.USAGE, run("--provider", "inmemory", "--notification-timeout", "soon"));
        assertEquals(TckMain.USAGE, run("--provider", "no-such-provider"));
        assertTrue(err().contains("no provider named 'no-such-provider'") && err().contains("inmemory"), err());
    }

    @Test
    void anUnavailableProviderIsOneErrorWithItsReasonAndExit2() {
        assertEquals(TckMain.USAGE, run("--provider", "unavailable"));
        assertEquals("mapi4j TCK: provider 'unavailable' (" + UnavailableProvider.class.getName()
                + ") is unavailable: " + UnavailableProvider.REASON, err().strip());
        assertEquals("", out());
    }

    @Test
    void aFullRunWritesEveryReportAndItsExitStatusIsTheVerdict(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("r.json");
        Path xml = dir.resolve("xml");
        int status = run("--provider", "inmemory", "--report", json.toString(), "--junit-xml", xml.toString());
        String report = Files.readString(json);
        for (Rule rule : Rule.values()) {
            assertTrue(err().contains("[inmemory] " + rule.id() + " "), "no progress line for " + rule.id());
            assertTrue(report.contains("\"id\": \"" + rule.id() + "\""), rule.id() + " not in JSON");
        }
        assertTrue(report.contains("\"tckVersion\": \"" + TckVersion.tck() + "\"")
                && report.contains("\"specVersion\": \"" + Specification.VERSION + "\""), report);
        assertTrue(out().contains(TckVersion.describe()), out());
        Path verdictXml = xml.resolve("inmemory").resolve("TEST-mapi4j-tck-verdict.xml");
        String verdict = Files.readString(verdictXml);
        if (report.contains("\"verdict\": \"CONFORMS\"")) {
            assertEquals(TckMain.OK, status, err());
            assertTrue(out().contains("-> CONFORMS") && verdict.contains("failures=\"0\""), out());
        } else {
            assertTrue(report.contains("\"verdict\": \"DOES_NOT_CONFORM\""), report);
            assertEquals(TckMain.FAILED, status, err());
            assertTrue(out().contains("-> DOES NOT CONFORM") && out().contains("Failures:")
                    && verdict.contains("failures=\"1\""), out());
        }
        try (Stream<Path> files = Files.walk(xml)) {
            assertTrue(files.filter(p -> p.getFileName().toString().endsWith(".xml")).count() >= 2,
                    "no per-rule JUnit XML written");
        }
    }

    @Test
    void mandatoryRulesThatDidNotRunAreNeverConforms(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("r.json");
        Path xml = dir.resolve("xml");
        assertEquals(TckMain.NOT_VERIFIED, run("--provider", "inmemory", "--rule", "LOGOFF-FLAGS-2", "--report",
                json.toString(), "--junit-xml", xml.toString()), err());
        long notVerified = mandatoryRules() - 1;
        assertTrue(out().contains("inmemory: 1 passed, 0 failed, 0 not applicable, 0 skipped -> NOT VERIFIED: no"
                + " failures, " + notVerified + " mandatory rule(s) not verified"), out());
        assertTrue(out().contains("Not verified (mandatory):\n  GEN-3: not run".replace("\n", System.lineSeparator())),
                out());
        String report = Files.readString(json);
        assertTrue(report.contains("\"verdict\": \"NOT_VERIFIED\"") && report.contains("\"conforms\": false")
                && report.contains("{\"id\": \"GEN-3\", \"reason\": \"not run\"}"), report);
        String verdict = Files.readString(xml.resolve("inmemory").resolve("TEST-mapi4j-tck-verdict.xml"));
        assertTrue(verdict.contains("failures=\"1\"") && verdict.contains("type=\"NOT_VERIFIED\"")
                && verdict.contains("not verified: GEN-3: not run"), verdict);
    }

    @Test
    void aBrokenProviderFailsWithExit1AndTheFullMessage(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("r.json");
        assertEquals(TckMain.FAILED, run("--provider", "broken-flags", "--rule", "LOGOFF-FLAGS-2", "--rule", "INIT-1",
                "--report", json.toString()));
        assertTrue(out().contains("LOGOFF-FLAGS-2") && out().contains("FAILED") && out().contains("DOES NOT CONFORM"),
                out());
        assertTrue(out().contains("Failures:" + System.lineSeparator() + "  [logoff(0, 0x00010000, 0)] LOGOFF-FLAGS-2:"
                + " logoff(0, 0x00010000, 0) expected MAPI_E_UNKNOWN_FLAGS (0x80040106) but was S_OK (0x00000000)"),
                out());
        String report = Files.readString(json);
        assertTrue(report.contains("\"id\": \"LOGOFF-FLAGS-2\"") && report.contains("\"result\": \"FAILED\"")
                && report.contains("\"id\": \"INIT-1\"") && !report.contains("\"id\": \"INIT-2\", \"title\""), report);
    }

    @Test
    void allRunsEveryAvailableProviderFound() {
        assertEquals(TckMain.FAILED, run("--all", "--rule", "LOGOFF-FLAGS-2"));
        assertTrue(err().contains("[inmemory] LOGOFF-FLAGS-2 PASSED"), err());
        assertTrue(err().contains("[broken-flags] LOGOFF-FLAGS-2 FAILED"), err());
        assertTrue(err().contains("skipping provider 'unavailable'"), err());
    }

    @Test
    void environmentOptionsReachTheRules() {
        // LOGON-4 logs on to the default profile by name: a name that does not exist proves the option is used.
        assertEquals(TckMain.FAILED, run("--provider", "inmemory", "--rule", "LOGON-4", "--default-profile",
                "mapi4j-tck-missing"));
        assertEquals(TckMain.NOT_VERIFIED, run("--provider", "inmemory", "--rule", "LOGON-4", "--default-profile",
                "Default", "--default-stores", "Personal Folders", "--other-profile", "Work", "--unknown-profile",
                "nobody", "--notification-timeout", "5", "--callback-timeout", "PT20S", "--race-threads", "4",
                "--race-rounds", "2", "--shared-participants", "3"), err());
    }
}
