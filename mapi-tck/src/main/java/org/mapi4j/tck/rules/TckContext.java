package org.mapi4j.tck.rules;

/**
 * What every rule interface needs from the test instance: the fixture of the running test.
 * {@link org.mapi4j.tck.MapiProviderTck} implements it; the rule interfaces hold the tests as default
 * methods, one file per spec section.
 */
public interface TckContext {

    /** @return the fixture of the running test, never {@code null} inside a test */
    TckFixture fx();

    /**
     * One case of a rule with several cases: a dynamic test that starts with a fresh provider
     * ({@link TckFixture#startCase()}).
     *
     * @param name the case's name
     * @param body the case
     * @return the dynamic test
     */
    default org.junit.jupiter.api.DynamicTest tckCase(String name, org.junit.jupiter.api.function.Executable body) {
        return org.junit.jupiter.api.DynamicTest.dynamicTest(name, () -> {
            fx().startCase();
            body.execute();
        });
    }
}
