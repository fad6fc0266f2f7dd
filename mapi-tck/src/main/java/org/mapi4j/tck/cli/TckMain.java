package org.mapi4j.tck.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.TckConfiguration;
import org.mapi4j.tck.TckVersion;
import org.mapi4j.tck.run.JsonReport;
import org.mapi4j.tck.run.ProviderReport;
import org.mapi4j.tck.run.RuleResult;
import org.mapi4j.tck.run.TableReport;
import org.mapi4j.tck.run.TckRunner;
import org.mapi4j.tck.run.Verdict;
import org.mapi4j.tck.run.VerdictXml;

/**
 * The command-line runner: certifies providers found by {@link java.util.ServiceLoader} on the JUnit
 * Platform Launcher, prints one progress line per rule to standard error and a table per provider to
 * standard output, optionally writes a JSON report and JUnit XML. The only class of the TCK that
 * prints.
 *
 * <p>Exit status: {@value #OK} when every provider conforms (every mandatory rule ran and passed),
 * {@value #FAILED} when a rule failed, {@value #USAGE} for a usage error (bad arguments, unknown or
 * unavailable provider), {@value #NOT_VERIFIED} when nothing failed but a mandatory rule did not run.
 *
 * <p>Everything the run does (discovery, every rule, every thread a rule starts) runs with the
 * class loader of {@code --classpath} as the thread's context class loader, because that is where a
 * provider's libraries look for their resources (JNA finds {@code linux-x86-64/libmapi32.so} there).
 */
public final class TckMain {

    /** Every provider conforms: every mandatory rule ran and passed. */
    public static final int OK = 0;
    /** A rule failed. */
    public static final int FAILED = 1;
    /** The command line was wrong, or a provider is unknown or unavailable. */
    public static final int USAGE = 2;
    /** No rule failed, but mandatory rules were not verified (skipped, not applicable, not selected). */
    public static final int NOT_VERIFIED = 3;

    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out where tables and the catalogue go
     * @param err where progress and problems go
     */
    public TckMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * @param args the command line, see {@code --help}
     */
    public static void main(String[] args) {
        System.exit(new TckMain(System.out, System.err).run(args));
    }

    /**
     * Runs the command line without exiting.
     *
     * @param args the arguments
     * @return the exit status
     */
    public int run(String... args) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (CliOptions.UsageException e) {
            err.println("mapi4j TCK: " + e.getMessage());
            err.println(CliOptions.USAGE);
            return USAGE;
        }
        if (options.help()) {
            out.println(CliOptions.USAGE);
            return OK;
        }
        if (options.version()) {
            out.println(TckVersion.describe());
            if (options.providers().isEmpty() && !options.all() && !options.listRules()) {
                return OK;
            }
        }
        if (options.listRules()) {
            listRules();
            if (options.providers().isEmpty() && !options.all()) {
                return OK;
            }
        }
        ClassLoader loader = ProviderCatalog.loader(options.classpath());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return certifyAll(options, loader);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private int certifyAll(CliOptions options, ClassLoader loader) {
        List<String> broken = new ArrayList<>();
        List<MapiProvider> found = ProviderCatalog.all(loader, broken);
        List<MapiProvider> chosen = new ArrayList<>();
        if (options.all()) {
            for (MapiProvider provider : found) {
                Availability availability = provider.availability();
                if (availability.available()) {
                    chosen.add(provider);
                } else {
                    err.println("mapi4j TCK: skipping provider '" + provider.name() + "' ("
                            + provider.getClass().getName() + "), unavailable: " + availability.reason());
                }
            }
            if (chosen.isEmpty()) {
                err.println("mapi4j TCK: no available MapiProvider found by ServiceLoader. " + describe(found, broken));
                return USAGE;
            }
        } else {
            for (String name : options.providers()) {
                Optional<MapiProvider> match = found.stream().filter(p -> p.name().equals(name)).findFirst();
                if (match.isEmpty()) {
                    err.println("mapi4j TCK: no provider named '" + name + "'. " + describe(found, broken)
                            + " Put the provider's jar on the class path (java -cp mapi-tck-cli.jar:provider.jar"
                            + " org.mapi4j.tck.cli.TckMain ...) or pass --classpath provider.jar.");
                    return USAGE;
                }
                Availability availability = match.get().availability();
                if (!availability.available()) {
                    err.println("mapi4j TCK: provider '" + name + "' (" + match.get().getClass().getName()
                            + ") is unavailable: " + availability.reason());
                    return USAGE;
                }
                chosen.add(match.get());
            }
        }
        err.println("mapi4j TCK: " + TckVersion.describe());
        List<ProviderReport> reports = new ArrayList<>();
        for (MapiProvider provider : chosen) {
            reports.add(certify(provider, options));
        }
        for (ProviderReport report : reports) {
            out.println(TableReport.format(report));
        }
        if (options.report() != null) {
            try {
                Path parent = options.report().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(options.report(), JsonReport.toJson(reports), StandardCharsets.UTF_8);
                err.println("mapi4j TCK: JSON report written to " + options.report());
            } catch (IOException e) {
                err.println("mapi4j TCK: cannot write " + options.report() + ": " + e);
                return FAILED;
            }
        }
        if (options.junitXml() != null) {
            for (ProviderReport report : reports) {
                Path file = options.junitXml().resolve(report.provider()).resolve("TEST-mapi4j-tck-verdict.xml");
                try {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, VerdictXml.toXml(report), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("mapi4j TCK: cannot write " + file + ": " + e);
                    return FAILED;
                }
            }
        }
        return exitStatus(reports);
    }

    private static int exitStatus(List<ProviderReport> reports) {
        if (reports.stream().anyMatch(r -> r.verdict() == Verdict.DOES_NOT_CONFORM)) {
            return FAILED;
        }
        if (reports.stream().anyMatch(r -> r.verdict() == Verdict.NOT_VERIFIED)) {
            return NOT_VERIFIED;
        }
        return OK;
    }

    private ProviderReport certify(MapiProvider provider, CliOptions options) {
        String name = provider.name();
        err.println("mapi4j TCK: certifying provider " + name + " (" + provider.getClass().getName() + ")");
        Map<String, String> configuration = new HashMap<>(options.settings());
        configuration.put(ServiceLoaderProviderTck.PROVIDER, name);
        configuration.put(TckConfiguration.INCLUDE_DESTRUCTIVE, Boolean.toString(options.includeDestructive()));
        if (options.classpath() != null) {
            configuration.put(ServiceLoaderProviderTck.CLASSPATH, options.classpath());
        }
        List<TestExecutionListener> listeners = new ArrayList<>();
        if (options.junitXml() != null) {
            listeners.add(new LegacyXmlReportGeneratingListener(options.junitXml().resolve(name),
                    new PrintWriter(err, true, StandardCharsets.UTF_8)));
        }
        TckRunner.Run run = new TckRunner(ServiceLoaderProviderTck.class, configuration, options.rules(), listeners,
                result -> progress(name, result)).run();
        for (String error : run.errors()) {
            err.println("[" + name + "] ERROR " + error);
        }
        return new ProviderReport(name, provider.getClass().getName(), provider.capabilities(), run.results(),
                run.errors());
    }

    private void progress(String provider, RuleResult result) {
        String message = result.message().isEmpty() ? "" : "  " + result.message().replaceAll("\\s+", " ");
        err.println("[" + provider + "] " + result.rule().id() + " " + result.outcome() + message);
    }

    private void listRules() {
        out.println(String.format("%-18s %-11s %-10s %-34s %s", "RULE", "KIND", "SECTION", "NEEDS", "TITLE"));
        for (Rule rule : Rule.values()) {
            out.println(String.format("%-18s %-11s %-10s %-34s %s", rule.id(), rule.kind(), rule.section(),
                    rule.capabilities().isEmpty() ? "-" : rule.capabilities().toString(), rule.title()));
            out.println("    " + rule.requirement());
            out.println("    " + rule.link());
        }
    }

    private static String describe(List<MapiProvider> found, List<String> broken) {
        List<String> parts = new ArrayList<>();
        for (MapiProvider provider : found) {
            parts.add(provider.name() + " (" + provider.getClass().getName() + ")");
        }
        parts.addAll(broken);
        return "Found: " + (parts.isEmpty() ? "none" : String.join(", ", parts)) + ".";
    }
}
