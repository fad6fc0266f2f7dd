package org.mapi4j.tck.run;

import java.util.ArrayList;
import java.util.List;

/** Formats a provider's results as a plain-text table: rule ID, title, result, message. */
public final class TableReport {

    private static final int MESSAGE_WIDTH = 110;

    private TableReport() {
    }

    /**
     * @param report the provider's report
     * @return the table with a heading and a summary line, ending with a line break
     */
    public static String format(ProviderReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RULE", "TITLE", "RESULT", "MESSAGE"});
        for (RuleResult r : report.results()) {
            rows.add(new String[] {r.rule().id(), r.rule().title(), r.outcome().name(), shorten(r.message())});
        }
        int[] width = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append("Provider ").append(report.provider()).append(" (").append(report.providerClass()).append(")")
                .append(nl).append("Capabilities: ").append(report.capabilities()).append(nl).append(nl);
        for (String[] row : rows) {
            out.append(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s",
                    row[0], row[1], row[2], row[3]).stripTrailing()).append(nl);
        }
        for (String error : report.errors()) {
            out.append("ERROR ").append(error).append(nl);
        }
        out.append(nl).append(String.format("%s: %d passed, %d failed, %d not applicable, %d skipped -> %s",
                report.provider(), report.count(Outcome.PASSED), report.count(Outcome.FAILED),
                report.count(Outcome.NOT_APPLICABLE), report.count(Outcome.SKIPPED),
                report.conforms() ? "CONFORMS" : "DOES NOT CONFORM")).append(nl);
        return out.toString();
    }

    private static String shorten(String message) {
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MESSAGE_WIDTH ? oneLine : oneLine.substring(0, MESSAGE_WIDTH - 3) + "...";
    }
}
