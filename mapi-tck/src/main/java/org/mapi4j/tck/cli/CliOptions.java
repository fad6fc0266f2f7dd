package org.mapi4j.tck.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mapi4j.tck.Rule;

/**
 * The parsed command line of {@link TckMain}.
 *
 * @param providers the providers named with {@code --provider}
 * @param all {@code --all}: every provider found
 * @param report {@code --report FILE.json}, or {@code null}
 * @param junitXml {@code --junit-xml DIR}, or {@code null}
 * @param includeDestructive {@code --include-destructive}
 * @param listRules {@code --list-rules}
 * @param help {@code --help}
 * @param rules {@code --rule ID} (repeatable): only these rules
 * @param classpath {@code --classpath PATHS}: extra jars or directories to find providers in, or {@code null}
 */
record CliOptions(List<String> providers, boolean all, Path report, Path junitXml, boolean includeDestructive,
        boolean listRules, boolean help, List<Rule> rules, String classpath) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar mapi-tck-VERSION-cli.jar (--provider NAME ... | --all | --list-rules) [options]",
            "",
            "  --provider NAME         certify the provider with this name (ServiceLoader); repeatable",
            "  --all                   certify every provider found",
            "  --list-rules            print the rule catalogue and exit",
            "  --rule ID               run only this rule (e.g. LOGOFF-FLAGS-2); repeatable",
            "  --report FILE.json      write a JSON report",
            "  --junit-xml DIR         write JUnit XML reports (one subfolder per provider)",
            "  --include-destructive   also run destructive rules against providers that affect other processes",
            "  --classpath PATHS       also look for providers in these jars/folders (path-separator list)",
            "  --help                  print this help",
            "",
            "Exit status: 0 every applicable rule passed, 1 a rule failed, 2 usage error.");

    /** A command line that cannot be run. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static CliOptions parse(String... args) throws UsageException {
        List<String> providers = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        boolean all = false;
        boolean destructive = false;
        boolean list = false;
        boolean help = false;
        Path report = null;
        Path xml = null;
        String classpath = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--provider" -> providers.add(value(args, ++i, arg));
                case "--all" -> all = true;
                case "--report" -> report = Path.of(value(args, ++i, arg));
                case "--junit-xml" -> xml = Path.of(value(args, ++i, arg));
                case "--include-destructive" -> destructive = true;
                case "--list-rules" -> list = true;
                case "--help", "-h" -> help = true;
                case "--classpath" -> classpath = value(args, ++i, arg);
                case "--rule" -> {
                    String id = value(args, ++i, arg);
                    rules.add(Rule.byId(id).orElseThrow(() -> new UsageException("unknown rule ID '" + id
                            + "'; --list-rules prints the catalogue")));
                }
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        if (!help && !list && providers.isEmpty() && !all) {
            throw new UsageException("name a provider with --provider NAME, or use --all or --list-rules");
        }
        if (all && !providers.isEmpty()) {
            throw new UsageException("--all and --provider exclude each other");
        }
        return new CliOptions(List.copyOf(providers), all, report, xml, destructive, list, help, List.copyOf(rules),
                classpath);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }
}
