package org.mapi4j.tck.run;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the machine-readable report by hand (no JSON library):
 * <pre>{@code
 * {"tck": "mapi4j", "conforms": false, "providers": [
 *   {"provider": "inmemory", "class": "...", "conforms": true, "capabilities": ["FAST_SHUTDOWN"],
 *    "summary": {"PASSED": 50, "FAILED": 0, "NOT_APPLICABLE": 1, "SKIPPED": 0},
 *    "errors": [],
 *    "rules": [{"id": "GEN-3", "title": "...", "kind": "MANDATORY", "result": "PASSED", "message": ""}]}]}
 * }</pre>
 */
public final class JsonReport {

    private JsonReport() {
    }

    /**
     * @param reports one report per provider
     * @return the JSON text, ending with a line break
     */
    public static String toJson(List<ProviderReport> reports) {
        StringBuilder out = new StringBuilder();
        boolean conforms = !reports.isEmpty() && reports.stream().allMatch(ProviderReport::conforms);
        out.append("{\n  \"tck\": \"mapi4j\",\n  \"conforms\": ").append(conforms).append(",\n  \"providers\": [");
        for (int p = 0; p < reports.size(); p++) {
            ProviderReport report = reports.get(p);
            out.append(p == 0 ? "\n" : ",\n");
            out.append("    {\"provider\": ").append(string(report.provider()))
                    .append(", \"class\": ").append(string(report.providerClass()))
                    .append(", \"conforms\": ").append(report.conforms())
                    .append(",\n     \"capabilities\": [")
                    .append(report.capabilities().stream().map(Enum::name).sorted().map(JsonReport::string)
                            .collect(Collectors.joining(", ")))
                    .append("],\n     \"summary\": {");
            Outcome[] outcomes = Outcome.values();
            for (int i = 0; i < outcomes.length; i++) {
                out.append(i == 0 ? "" : ", ").append(string(outcomes[i].name())).append(": ")
                        .append(report.count(outcomes[i]));
            }
            out.append("},\n     \"errors\": [")
                    .append(report.errors().stream().map(JsonReport::string).collect(Collectors.joining(", ")))
                    .append("],\n     \"rules\": [");
            for (int r = 0; r < report.results().size(); r++) {
                RuleResult result = report.results().get(r);
                out.append(r == 0 ? "\n" : ",\n");
                out.append("       {\"id\": ").append(string(result.rule().id()))
                        .append(", \"title\": ").append(string(result.rule().title()))
                        .append(", \"kind\": ").append(string(result.rule().kind().name()))
                        .append(", \"result\": ").append(string(result.outcome().name()))
                        .append(", \"message\": ").append(string(result.message()))
                        .append("}");
            }
            out.append(report.results().isEmpty() ? "]}" : "\n     ]}");
        }
        out.append(reports.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return out.toString();
    }

    /**
     * @param value any text, may be {@code null}
     * @return the JSON string literal (or {@code null})
     */
    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
