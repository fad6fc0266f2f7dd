package org.mapi4j.tck.run;

import java.util.List;
import java.util.stream.Collectors;
import org.mapi4j.tck.TckVersion;

/**
 * Writes the machine-readable report by hand (no JSON library):
 * <pre>{@code
 * {"tck": "mapi4j", "tckVersion": "0.1.0", "specVersion": "2", "verdict": "NOT_VERIFIED", "conforms": false,
 *  "providers": [
 *   {"provider": "inmemory", "class": "...", "verdict": "CONFORMS", "conforms": true,
 *    "notVerified": [{"id": "SHARED-5", "reason": "..."}], "capabilities": ["FAST_SHUTDOWN"],
 *    "summary": {"PASSED": 50, "FAILED": 0, "NOT_APPLICABLE": 1, "SKIPPED": 0},
 *    "errors": [],
 *    "rules": [{"id": "GEN-3", "title": "...", "kind": "MANDATORY", "mandatory": true, "result": "PASSED",
 *               "message": "", "link": "..."}]}]}
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
        Verdict verdict = reports.isEmpty() || reports.stream().anyMatch(r -> r.verdict() == Verdict.DOES_NOT_CONFORM)
                ? Verdict.DOES_NOT_CONFORM : conforms ? Verdict.CONFORMS : Verdict.NOT_VERIFIED;
        out.append("{\n  \"tck\": \"mapi4j\",\n  \"tckVersion\": ").append(string(TckVersion.tck()))
                .append(",\n  \"specVersion\": ").append(string(TckVersion.specification()))
                .append(",\n  \"verdict\": ").append(string(verdict.name()))
                .append(",\n  \"conforms\": ").append(conforms).append(",\n  \"providers\": [");
        for (int p = 0; p < reports.size(); p++) {
            ProviderReport report = reports.get(p);
            out.append(p == 0 ? "\n" : ",\n");
            out.append("    {\"provider\": ").append(string(report.provider()))
                    .append(", \"class\": ").append(string(report.providerClass()))
                    .append(", \"verdict\": ").append(string(report.verdict().name()))
                    .append(", \"conforms\": ").append(report.conforms())
                    .append(",\n     \"notVerified\": [")
                    .append(report.notVerified().entrySet().stream().map(e -> "{\"id\": " + string(e.getKey().id())
                            + ", \"reason\": " + string(e.getValue()) + "}").collect(Collectors.joining(", ")))
                    .append("]")
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
                        .append(", \"mandatory\": ").append(result.rule().mandatory())
                        .append(", \"result\": ").append(string(result.outcome().name()))
                        .append(", \"message\": ").append(string(result.message()))
                        .append(", \"link\": ").append(string(result.rule().link()))
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
