package org.mapi4j.tck.broken.general;

/**
 * Breaks GEN-5: Unadvise(0) throws IllegalArgumentException (seen by the rules that call it, reported as GEN-5).
 */
public final class Gen5UnadviseZeroThrows extends UnadviseZeroFails {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Gen5UnadviseZeroThrows() {
        super("Unadvise(0) throws IllegalArgumentException (seen by the rules that call it, reported as GEN-5)",
                "GEN-5: MapiSessionHandle.unadvise threw java.lang.IllegalArgumentException: connection 0 while"
                        + " checking GEN-3; an SPI method must return an HRESULT, never throw");
    }

    @Override
    void fail() {
        throw new IllegalArgumentException("connection 0");
    }
}
