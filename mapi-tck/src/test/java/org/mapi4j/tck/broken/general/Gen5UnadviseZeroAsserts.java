package org.mapi4j.tck.broken.general;

/**
 * Breaks GEN-5: Unadvise(0) fails an assertion of the provider's own (an {@code AssertionError}, not an
 * exception): reported as GEN-5 like any exception, not as a failure of the rule that happened to call it.
 */
public final class Gen5UnadviseZeroAsserts extends UnadviseZeroFails {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Gen5UnadviseZeroAsserts() {
        super("Unadvise(0) throws an AssertionError of the provider's own",
                "GEN-5: MapiSessionHandle.unadvise threw java.lang.AssertionError: connection != 0 while"
                        + " checking GEN-3; an SPI method must return an HRESULT, never throw");
    }

    @Override
    void fail() {
        throw new AssertionError("connection != 0");
    }
}
