package org.mapi4j.tck.rules;

/**
 * What every rule interface needs from the test instance: the fixture of the running test.
 * {@link org.mapi4j.tck.MapiProviderTck} implements it; the rule interfaces hold the tests as default
 * methods, one file per spec section.
 */
public interface TckContext {

    /** @return the fixture of the running test, never {@code null} inside a test */
    TckFixture fx();
}
