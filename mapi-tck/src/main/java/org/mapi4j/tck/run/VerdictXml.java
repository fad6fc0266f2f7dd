package org.mapi4j.tck.run;

import java.util.Map;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.TckVersion;

/**
 * The verdict as a JUnit XML test suite of one test case, {@code verdict}, beside the per-rule JUnit
 * XML: it fails unless the provider conforms, so that a CI server that reads only JUnit XML shows a
 * provider with unverified mandatory rules as not conforming, with the list of what did not run.
 */
public final class VerdictXml {

    private VerdictXml() {
    }

    /**
     * @param report the provider's report
     * @return the XML document
     */
    public static String toXml(ProviderReport report) {
        Verdict verdict = report.verdict();
        boolean ok = verdict == Verdict.CONFORMS;
        StringBuilder detail = new StringBuilder(TableReport.summary(report)).append('\n');
        for (Map.Entry<Rule, String> e : report.notVerified().entrySet()) {
            detail.append("not verified: ").append(e.getKey().id()).append(": ").append(e.getValue()).append('\n');
        }
        for (RuleResult r : report.results()) {
            if (r.outcome() == Outcome.FAILED) {
                detail.append("failed: ").append(r.message()).append('\n');
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"mapi4j-tck-verdict.").append(attr(report.provider()))
                .append("\" tests=\"1\" failures=\"").append(ok ? 0 : 1).append("\" errors=\"0\" skipped=\"0\">\n")
                .append("  <properties>\n")
                .append("    <property name=\"tckVersion\" value=\"").append(attr(TckVersion.tck())).append("\"/>\n")
                .append("    <property name=\"specVersion\" value=\"").append(attr(TckVersion.specification()))
                .append("\"/>\n")
                .append("    <property name=\"verdict\" value=\"").append(verdict.name()).append("\"/>\n")
                .append("  </properties>\n")
                .append("  <testcase classname=\"mapi4j-tck-verdict.").append(attr(report.provider()))
                .append("\" name=\"verdict\"");
        if (ok) {
            xml.append("/>\n");
        } else {
            xml.append(">\n    <failure message=\"").append(attr(TableReport.summary(report))).append("\" type=\"")
                    .append(verdict.name()).append("\">").append(attr(detail.toString())).append("</failure>\n")
                    .append("  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String attr(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
