package org.mapi4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The catalogue and the tests agree: one test per rule, named and displayed after its requirement level
 * and ID ({@code required_LOGOFF_FLAGS_2_...}, "required LOGOFF-FLAGS-2 ..."), tagged with its ID.
 */
class RuleCatalogueTest {

    private static List<Method> ruleTests() {
        List<Method> tests = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Class<?>> types = new ArrayList<>(List.of(MapiProviderTck.class.getInterfaces()));
        for (Class<?> type : types) {
            for (Method m : type.getDeclaredMethods()) {
                if ((m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(TestFactory.class)) && seen.add(m.getName())) {
                    tests.add(m);
                }
            }
        }
        return tests;
    }

    @Test
    void everyRuleHasExactlyOneTestNamedAfterIt() {
        Map<Rule, List<String>> byRule = new EnumMap<>(Rule.class);
        for (Method m : ruleTests()) {
            Tag tag = m.getAnnotation(Tag.class);
            assertNotNull(tag, m + " has no rule tag");
            Rule rule = Rule.byId(tag.value()).orElseThrow(() -> new AssertionError(m + " is tagged with unknown rule "
                    + tag.value()));
            String prefix = rule.requirementLevel() + "_" + rule.methodPrefix() + "_";
            assertTrue(m.getName().startsWith(prefix), m.getName() + " must start with " + prefix);
            DisplayName name = m.getAnnotation(DisplayName.class);
            assertNotNull(name, m + " has no display name");
            assertTrue(name.value().startsWith(rule.requirementLevel() + " " + rule.id() + " "), name.value()
                    + " must start with " + rule.requirementLevel() + " " + rule.id());
            byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(m.getName());
        }
        for (Rule rule : Rule.values()) {
            assertEquals(1, byRule.getOrDefault(rule, List.of()).size(), rule + " tests: " + byRule.get(rule));
        }
    }

    @Test
    void catalogueEntriesAreComplete() {
        Set<String> ids = new HashSet<>();
        for (Rule rule : Rule.values()) {
            assertTrue(ids.add(rule.id()), "duplicate ID " + rule.id());
            assertEquals(rule, Rule.byId(rule.id()).orElseThrow());
            assertFalse(rule.title().isBlank());
            assertFalse(rule.requirement().isBlank());
            assertFalse(rule.section().isBlank());
            if (rule.kind() == RuleKind.INTERACTIVE) {
                assertFalse(rule.capabilities().isEmpty(), rule + " is interactive but needs no capability");
            }
        }
        for (String id : List.of("LOGOFF-FLAGS-1", "LOGOFF-FLAGS-2", "LOGOFF-RESERVED-1", "LOGOFF-RESERVED-2",
                "LOGOFF-UIPARAM-1", "LOGOFF-UI-2", "LOGOFF-UI-3", "LOGOFF-1", "LOGOFF-2", "LOGOFF-3", "LOGOFF-4",
                "LOGOFF-5", "POSTLOGOFF-1", "POSTLOGOFF-2", "POSTLOGOFF-3", "POSTLOGOFF-4", "REL-1", "CHILD-1",
                "INIT-1", "INIT-2", "INIT-3", "INIT-4", "INIT-5", "INIT-6", "INIT-7", "INIT-8", "INIT-9", "INIT-10",
                "INIT-11", "LOGON-1", "LOGON-2", "LOGON-3", "LOGON-4", "LOGON-5", "LOGON-6", "LOGON-9", "LOGON-10",
                "SHARED-2", "SHARED-3", "SHARED-4", "SHARED-5", "SHARED-8", "NOTIFY-1", "NOTIFY-2", "NOTIFY-3",
                "NOTIFY-4", "NOTIFY-5", "NOTIFY-6", "NOTIFY-7", "NOTIFY-9", "FAST-1", "FAST-2", "FAST-3", "FAST-4",
                "FAST-5", "GEN-3", "GEN-4")) {
            assertTrue(Rule.byId(id).isPresent(), "the catalogue must cover " + id);
        }
    }
}
