package org.mapi4j.tck.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.tck.Rule;

/** The hand-written JSON is well-formed, escaped and complete. */
class JsonReportTest {

    @Test
    void escapesStrings() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001\"", JsonReport.string("a\"b\\c\nd\te\u0001"));
        assertEquals("null", JsonReport.string(null));
        assertEquals("\"h\u00e9 \u2603\"", JsonReport.string("h\u00e9 \u2603"));
    }

    @Test
    void reportIsValidJsonWithEveryField() {
        ProviderReport report = new ProviderReport("in\"memory", "org.example.P", Set.of(ProviderCapability.FAST_SHUTDOWN),
                List.of(new RuleResult(Rule.LOGOFF_FLAGS_2, Outcome.FAILED,
                        "LOGOFF-FLAGS-2: logoff(0, 0x4, 0) expected MAPI_E_UNKNOWN_FLAGS\n\"quoted\"", 30),
                        new RuleResult(Rule.LOGOFF_UI_2, Outcome.NOT_APPLICABLE, "no scripted dialog", 0),
                        new RuleResult(Rule.INIT_1, Outcome.PASSED, "", 1)),
                List.of("class failed"));
        String json = JsonReport.toJson(List.of(report, new ProviderReport("empty", "E", Set.of(), List.of(), List.of())));
        new JsonChecker(json).document();
        assertTrue(json.contains("\"id\": \"LOGOFF-FLAGS-2\", \"title\": \"" + Rule.LOGOFF_FLAGS_2.title()
                + "\", \"kind\": \"MANDATORY\", \"mandatory\": true, \"result\": \"FAILED\""), json);
        assertTrue(json.contains("\"verdict\": \"DOES_NOT_CONFORM\""), json);
        assertTrue(json.contains("\"result\": \"NOT_APPLICABLE\", \"message\": \"no scripted dialog\""), json);
        assertTrue(json.contains("\"provider\": \"in\\\"memory\""), json);
        assertTrue(json.contains("\"conforms\": false"), json);
        assertTrue(json.contains("\"FAILED\": 1"), json);
        new JsonChecker(JsonReport.toJson(List.of())).document();
    }

    /** A minimal JSON well-formedness checker (RFC 8259 grammar), enough to prove the writer right. */
    static final class JsonChecker {
        private final String s;
        private int i;

        JsonChecker(String s) {
            this.s = s;
        }

        void document() {
            value();
            ws();
            assertEquals(s.length(), i, "trailing text at " + i);
        }

        private void value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return;
                }
                do {
                    ws();
                    string();
                    ws();
                    expect(':');
                    value();
                    ws();
                } while (s.charAt(i++) == ',');
                assertEquals('}', s.charAt(i - 1), "object end at " + i);
            } else if (c == '[') {
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return;
                }
                do {
                    value();
                    ws();
                } while (s.charAt(i++) == ',');
                assertEquals(']', s.charAt(i - 1), "array end at " + i);
            } else if (c == '"') {
                string();
            } else if (s.startsWith("true", i) || s.startsWith("null", i)) {
                i += 4;
            } else if (s.startsWith("false", i)) {
                i += 5;
            } else {
                int start = i;
                while (i < s.length() && "-+.eE0123456789".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                assertTrue(i > start, "value expected at " + start);
            }
        }

        private void string() {
            expect('"');
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                assertTrue(c >= 0x20, "raw control character at " + (i - 1));
                if (c == '\\') {
                    char e = s.charAt(i++);
                    if (e == 'u') {
                        Integer.parseInt(s.substring(i, i + 4), 16);
                        i += 4;
                    } else {
                        assertTrue("\"\\/bfnrt".indexOf(e) >= 0, "bad escape at " + i);
                    }
                }
            }
            i++;
        }

        private void expect(char c) {
            assertEquals(c, s.charAt(i), "at " + i);
            i++;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
