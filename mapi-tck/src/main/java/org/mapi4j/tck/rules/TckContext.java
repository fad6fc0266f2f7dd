package org.mapi4j.tck.rules;

import org.mapi4j.tck.fixture.Probes;
import org.mapi4j.tck.fixture.TckFixture;
import org.mapi4j.tck.fixture.Verifier;

/**
 * What every rule interface needs from the test instance: the fixture of the running test (the
 * provider under test and what the test owns), its assertions and waits, and its probes.
 * {@link org.mapi4j.tck.MapiProviderTck} implements it; the rule interfaces hold the tests as default
 * methods, one file per spec section. An exception that escapes the provider during a case is reported
 * as a failure of GEN-5 naming the call.
 */
public interface TckContext {

    /** @return the fixture of the running test, never {@code null} inside a test */
    TckFixture fx();

    /**
     * The assertions and waits of the running test, whose failures name its rule.
     *
     * @return the verifier of {@link #fx()}
     */
    default Verifier verify() {
        return fx().verify();
    }

    /**
     * The probes of the running test, which observe a handle's state without changing it.
     *
     * @return the probes of {@link #fx()}
     */
    default Probes probe() {
        return fx().probe();
    }

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
            try {
                body.execute();
            } catch (Throwable t) {
                throw org.mapi4j.tck.internal.KnownGaps.apply(fx().knownGaps(), fx().rule(), name,
                        org.mapi4j.tck.internal.EscapedExceptions.translate(t, fx().rule()));
            }
            org.mapi4j.tck.internal.KnownGaps.checkStale(fx().knownGaps(), fx().rule(), name);
        });
    }
}
