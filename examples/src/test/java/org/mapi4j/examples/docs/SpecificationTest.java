package org.mapi4j.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.Specification;
import org.mapi4j.tck.Rule;

/**
 * {@code docs/specification.md} has an entry for every rule ID that the sources, the documents and
 * the TCK's catalogue mention, at the anchor {@link Specification#link(String)} points to.
 */
class SpecificationTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SPEC = ROOT.resolve("docs/specification.md");

    /** A rule ID: a known family, optional words, a number, an optional case letter. */
    static final Pattern RULE_ID = Pattern.compile(
            "(?<![A-Za-z0-9-])((?:GEN|INIT|LOGON|LOGOFF|POSTLOGOFF|CHILD|REL|SHARED|NOTIFY|FAST|ABI|OQ)(?:-[A-Z]+)*-\\d+[a-z]?)(?![A-Za-z0-9-])");
    static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"></a>");
    static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");
    static final Pattern INTERNAL_LINK = Pattern.compile("\\]\\(#([^)]+)\\)");
    static final Pattern DECISION = Pattern.compile("\\b[Dd]ecisions? (\\d+)(?:[-–](\\d+))?");
    static final Pattern SECTION = Pattern.compile("\\b(?:spec |Part |, )?([AB])\\.(\\d+)\\b");

    @Test
    void everyRuleOfTheTckCatalogueHasAnEntry() {
        Set<String> anchors = anchors(read(SPEC));
        Set<String> missing = Stream.of(Rule.values()).map(Rule::id)
                .filter(id -> !anchors.contains(fragment(Specification.link(id))))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "rules of org.mapi4j.tck.Rule without an entry in docs/specification.md");
    }

    @Test
    void everyRuleIdInTheSourcesAndDocumentsHasAnEntry() throws IOException {
        Set<String> anchors = anchors(read(SPEC));
        TreeMap<String, Path> missing = new TreeMap<>();
        try (Stream<Path> files = sources()) {
            files.forEach(file -> {
                Matcher m = RULE_ID.matcher(read(file));
                while (m.find()) {
                    String id = m.group(1);
                    if (!anchors.contains(id.toLowerCase(Locale.ROOT))) {
                        missing.putIfAbsent(id, ROOT.relativize(file));
                    }
                }
            });
        }
        assertEquals(new TreeMap<String, Path>(), missing, "rule IDs (with a file that uses them) without an entry");
    }

    @Test
    void everyDecisionAndSectionReferencedHasAHeading() throws IOException {
        String spec = read(SPEC);
        Set<String> anchors = anchors(spec);
        Set<String> sections = HEADING.matcher(spec).results().map(r -> r.group(1))
                .filter(h -> h.matches("[AB]\\.\\d+ .*")).map(h -> h.substring(0, h.indexOf(' ')))
                .collect(Collectors.toSet());
        TreeMap<String, Path> missing = new TreeMap<>();
        try (Stream<Path> files = sources()) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String text = read(file);
                Matcher d = DECISION.matcher(text);
                while (d.find()) {
                    int from = Integer.parseInt(d.group(1));
                    int to = d.group(2) == null ? from : Integer.parseInt(d.group(2));
                    for (int n = from; n <= to; n++) {
                        if (!anchors.contains("decision-" + n)) {
                            missing.putIfAbsent("decision " + n, ROOT.relativize(file));
                        }
                    }
                }
                Matcher s = Pattern.compile("\\bspec ([AB]\\.\\d+)").matcher(text);
                while (s.find()) {
                    if (!sections.contains(s.group(1))) {
                        missing.putIfAbsent("spec " + s.group(1), ROOT.relativize(file));
                    }
                }
            });
        }
        assertEquals(new TreeMap<String, Path>(), missing, "decisions and sections referenced but not in the specification");
    }

    @Test
    void everyLinkInsideTheSpecificationResolves() {
        String spec = read(SPEC);
        Set<String> anchors = anchors(spec);
        Set<String> broken = INTERNAL_LINK.matcher(spec).results().map(r -> r.group(1))
                .filter(a -> !anchors.contains(a)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), broken, "links to anchors that docs/specification.md does not have");
    }

    @Test
    void theLinkOfARuleIsItsLowerCaseIdOnThePublishedPage() {
        assertEquals("https://github.com/mapi4j/mapi4j/blob/main/docs/specification.md#logoff-flags-2",
                Specification.link("LOGOFF-FLAGS-2"));
        assertTrue(anchors(read(SPEC)).contains("logoff-flags-2"));
    }

    /** The anchors GitHub gives the page: explicit {@code <a id>} and the slug of every heading. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        EXPLICIT_ANCHOR.matcher(markdown).results().forEach(r -> anchors.add(r.group(1)));
        HEADING.matcher(markdown).results().forEach(r -> anchors.add(slug(r.group(1))));
        return anchors;
    }

    /** GitHub's heading anchor: lower case, punctuation but hyphens and underscores dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String fragment(String link) {
        return link.substring(link.indexOf('#') + 1);
    }

    /** Every source and document of every module, the specification itself excluded. */
    private static Stream<Path> sources() throws IOException {
        return Files.walk(ROOT)
                .filter(Files::isRegularFile)
                .filter(p -> {
                    String s = ROOT.relativize(p).toString().replace('\\', '/');
                    return !s.contains("/target/") && !s.startsWith("target/") && !s.startsWith(".git")
                            && !s.equals("docs/specification.md")
                            && (s.endsWith(".java") || s.endsWith(".md") || s.endsWith(".c") || s.endsWith(".h"));
                });
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
