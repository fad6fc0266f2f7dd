package org.mapi4j.tck.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.TckVersion;

/**
 * Formats a provider's results as a plain-text table (rule ID, title, result, the message's first
 * characters), then every failure in full, then what was not verified and the verdict. A failure's
 * full text names the rule, the call and both HRESULTs; the table cuts only the copy in its row.
 */
public final class TableReport {

    private static final int MESSAGE_WIDTH = 100;

    private TableReport() {
    }

    /**
     * @param report the provider's report
     * @return the table with a heading and a summary line, ending with a line break
     */
    public static String format(ProviderReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RULE", "KIND", "TITLE", "RESULT", "MESSAGE"});
        for (RuleResult r : report.results()) {
            rows.add(new String[] {r.rule().id(), r.rule().requirementLevel(), r.rule().title(), r.outcome().name(),
                shorten(r.message())});
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append("Provider ").append(report.provider()).append(" (").append(report.providerClass()).append(")")
                .append(nl).append("Capabilities: ").append(report.capabilities()).append(nl)
                .append(TckVersion.describe()).append(nl).append(nl);
        for (String[] row : rows) {
            out.append(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %-" + width[3]
                    + "s  %s", row[0], row[1], row[2], row[3], row[4]).stripTrailing()).append(nl);
        }
        List<RuleResult> failures = report.results().stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
        if (!failures.isEmpty()) {
            out.append(nl).append("Failures:").append(nl);
            for (RuleResult r : failures) {
                out.append("  ").append(r.message()).append(nl).append("    (").append(r.rule().link()).append(")")
                        .append(nl);
            }
        }
        for (String error : report.errors()) {
            out.append("ERROR ").append(error).append(nl);
        }
        Map<Rule, String> notVerified = report.notVerified();
        if (!notVerified.isEmpty()) {
            out.append(nl).append("Not verified (mandatory):").append(nl);
            notVerified.forEach((rule, why) -> out.append("  ").append(rule.id()).append(": ").append(why).append(nl));
        }
        out.append(nl).append(summary(report)).append(nl);
        return out.toString();
    }

    /**
     * @param report the provider's report
     * @return the one-line summary ending with the verdict, for example
     *     {@code inmemory: 57 passed, 0 failed, 0 not applicable, 0 skipped -> CONFORMS}
     */
    public static String summary(ProviderReport report) {
        Verdict verdict = report.verdict();
        String detail = switch (verdict) {
            case CONFORMS, DOES_NOT_CONFORM -> verdict.text();
            case NOT_VERIFIED -> verdict.text() + ": no failures, " + report.notVerified().size()
                    + " mandatory rule(s) not verified";
        };
        return String.format("%s: %d passed, %d failed, %d not applicable, %d skipped -> %s", report.provider(),
                report.count(Outcome.PASSED), report.count(Outcome.FAILED), report.count(Outcome.NOT_APPLICABLE),
                report.count(Outcome.SKIPPED), detail);
    }

    private static String shorten(String message) {
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MESSAGE_WIDTH ? oneLine : oneLine.substring(0, MESSAGE_WIDTH - 3) + "...";
    }
}
