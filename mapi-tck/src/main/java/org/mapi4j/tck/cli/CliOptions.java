package org.mapi4j.tck.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.TckConfiguration;

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
 * @param version {@code --version}
 * @param rules {@code --rule ID} (repeatable): only these rules
 * @param classpath {@code --classpath PATHS}: extra jars or directories to find providers in, or {@code null}
 * @param settings the environment options, as TCK configuration parameters ({@link TckConfiguration})
 */
record CliOptions(List<String> providers, boolean all, Path report, Path junitXml, boolean includeDestructive,
        boolean listRules, boolean help, boolean version, List<Rule> rules, String classpath,
        Map<String, String> settings) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar mapi-tck-VERSION-cli.jar (--provider NAME ... | --all | --list-rules) [options]",
            "",
            "  --provider NAME            certify the provider with this name (ServiceLoader); repeatable",
            "  --all                      certify every provider found",
            "  --list-rules               print the rule catalogue and exit",
            "  --rule ID                  run only this rule (e.g. LOGOFF-FLAGS-2); repeatable; never 'conforms'",
            "  --report FILE.json         write a JSON report",
            "  --junit-xml DIR            write JUnit XML reports (one subfolder per provider)",
            "  --include-destructive      also run destructive rules against providers that affect other processes",
            "  --classpath PATHS          also look for providers in these jars/folders (path-separator list)",
            "  --default-profile NAME     the default profile's name (default: Default)",
            "  --default-stores A,B       its message stores' display names, in table order ('' skips the check;"
                    + " default: Personal Folders)",
            "  --other-profile NAME       an existing profile that is not the default (default: Work)",
            "  --unknown-profile NAME     a profile name that does not exist (default: mapi4j-tck-no-such-profile)",
            "  --notification-timeout D  longest wait for a notification or a racing thread, ISO-8601 or seconds"
                    + " (default: PT10S)",
            "  --callback-timeout D      how long a call may take before the watchdog reports a hang (default: PT30S)",
            "  --race-threads N           threads that race in LOGOFF-5 (default: 16)",
            "  --race-rounds N            rounds of each race (default: 50)",
            "  --shared-participants N    handles that share a session in SHARED-5 (default: 8)",
            "  --known-gaps FILE          rules or cases the provider is known to fail, one per line ('NAME: entry'"
                    + " for one provider): aborted with the full failure, still counted as failed",
            "  --version                  print the TCK and specification versions",
            "  --help                     print this help",
            "",
            "Exit status: 0 conforms (every mandatory rule ran and passed), 1 a rule failed,",
            "2 usage error or provider unavailable, 3 no failure but mandatory rules not verified.");

    /** A command line that cannot be run. */
    static final class UsageException extends Exception {
        /** The serialized form's version. */
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static CliOptions parse(String... args) throws UsageException {
        List<String> providers = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        boolean all = false;
        boolean destructive = false;
        boolean list = false;
        boolean help = false;
        boolean version = false;
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
                case "--version" -> version = true;
                case "--classpath" -> classpath = value(args, ++i, arg);
                case "--default-profile" -> settings.put(TckConfiguration.DEFAULT_PROFILE, value(args, ++i, arg));
                case "--default-stores" -> settings.put(TckConfiguration.DEFAULT_STORES, rawValue(args, ++i, arg));
                case "--other-profile" -> settings.put(TckConfiguration.OTHER_PROFILE, value(args, ++i, arg));
                case "--unknown-profile" -> settings.put(TckConfiguration.UNKNOWN_PROFILE, value(args, ++i, arg));
                case "--notification-timeout" -> settings.put(TckConfiguration.NOTIFICATION_TIMEOUT,
                        duration(value(args, ++i, arg), arg));
                case "--callback-timeout" -> settings.put(TckConfiguration.CALLBACK_TIMEOUT,
                        duration(value(args, ++i, arg), arg));
                case "--race-threads" -> settings.put(TckConfiguration.RACE_THREADS, number(value(args, ++i, arg), arg));
                case "--race-rounds" -> settings.put(TckConfiguration.RACE_ROUNDS, number(value(args, ++i, arg), arg));
                case "--shared-participants" -> settings.put(TckConfiguration.SHARED_PARTICIPANTS,
                        number(value(args, ++i, arg), arg));
                case "--known-gaps" -> settings.put(TckConfiguration.KNOWN_GAPS, knownGaps(value(args, ++i, arg)));
                case "--rule" -> {
                    String id = value(args, ++i, arg);
                    rules.add(Rule.byId(id).orElseThrow(() -> new UsageException("unknown rule ID '" + id
                            + "'; --list-rules prints the catalogue")));
                }
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        if (!help && !list && !version && providers.isEmpty() && !all) {
            throw new UsageException("name a provider with --provider NAME, or use --all or --list-rules");
        }
        if (all && !providers.isEmpty()) {
            throw new UsageException("--all and --provider exclude each other");
        }
        return new CliOptions(List.copyOf(providers), all, report, xml, destructive, list, help, version,
                List.copyOf(rules), classpath, Map.copyOf(settings));
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--") || args[i].isBlank()) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static String knownGaps(String file) throws UsageException {
        try {
            return java.nio.file.Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new UsageException("--known-gaps cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String rawValue(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static String duration(String text, String option) throws UsageException {
        try {
            Duration d = TckConfiguration.parseDuration(text);
            if (d.isNegative() || d.isZero()) {
                throw new UsageException(option + " must be positive, was '" + text + "'");
            }
            return d.toString();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UsageException(option + " needs a duration such as PT10S or 10, was '" + text + "'");
        }
    }

    private static String number(String text, String option) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw new UsageException(option + " must be at least 1, was " + n);
            }
            return Integer.toString(n);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, was '" + text + "'");
        }
    }
}
