package org.mapi4j.tck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapi4j.tck.Rule;

/** The command-line runner: exit codes, progress, table, JSON report, JUnit XML. */
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

    @Test
    void listRulesPrintsTheCatalogue() {
        assertEquals(TckMain.OK, run("--list-rules"));
        for (Rule rule : Rule.values()) {
            assertTrue(out().contains(rule.id() + " "), rule.id() + " missing from\n" + out());
        }
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(TckMain.USAGE, run());
        assertEquals(TckMain.USAGE, run("--bogus"));
        assertEquals(TckMain.USAGE, run("--provider"));
        assertEquals(TckMain.USAGE, run("--provider", "inmemory", "--rule", "NO-SUCH-1"));
        assertEquals(TckMain.USAGE, run("--provider", "no-such-provider"));
        assertTrue(err().contains("no provider named 'no-such-provider'") && err().contains("inmemory"), err());
    }

    @Test
    void certifiesTheInMemoryProviderWithReports(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("r.json");
        Path xml = dir.resolve("xml");
        assertEquals(TckMain.OK, run("--provider", "inmemory", "--report", json.toString(), "--junit-xml",
                xml.toString()), err());
        for (Rule rule : Rule.values()) {
            assertTrue(err().contains("[inmemory] " + rule.id() + " "), "no progress line for " + rule.id());
            assertTrue(Files.readString(json).contains("\"id\": \"" + rule.id() + "\""), rule.id() + " not in JSON");
        }
        assertTrue(out().contains("inmemory: ") && out().contains("0 failed") && out().contains("CONFORMS"), out());
        try (Stream<Path> files = Files.walk(xml)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".xml")), "no JUnit XML written");
        }
    }

    @Test
    void aBrokenProviderFailsWithExit1(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("r.json");
        assertEquals(TckMain.FAILED, run("--provider", "broken-flags", "--rule", "LOGOFF-FLAGS-2", "--rule", "INIT-1",
                "--report", json.toString()));
        assertTrue(out().contains("LOGOFF-FLAGS-2") && out().contains("FAILED") && out().contains("DOES NOT CONFORM"),
                out());
        String report = Files.readString(json);
        assertTrue(report.contains("\"id\": \"LOGOFF-FLAGS-2\"") && report.contains("\"result\": \"FAILED\"")
                && report.contains("\"id\": \"INIT-1\"") && !report.contains("\"id\": \"INIT-2\""), report);
    }

    @Test
    void allRunsEveryProviderFound() {
        assertEquals(TckMain.FAILED, run("--all", "--rule", "LOGOFF-FLAGS-2"));
        assertTrue(err().contains("[inmemory] LOGOFF-FLAGS-2 PASSED"), err());
        assertTrue(err().contains("[broken-flags] LOGOFF-FLAGS-2 FAILED"), err());
    }
}
