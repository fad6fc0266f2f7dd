package org.mapi4j.tck.broken.general;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/**
 * Breaks GEN-5: Unadvise(0) throws IllegalArgumentException (seen by the rules that call it, reported as GEN-5).
 */
public final class Gen5UnadviseZeroThrows extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Gen5UnadviseZeroThrows() {
        super(Rule.GEN_5, "Unadvise(0) throws IllegalArgumentException (seen by the rules that call it, reported as GEN-5)",
                "GEN-5: MapiSessionHandle.unadvise threw java.lang.IllegalArgumentException: connection 0 while"
                        + " checking GEN-3; an SPI method must return an HRESULT, never throw");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int unadvise(long connection) {
                if (connection == 0) {
                    throw new IllegalArgumentException("connection 0");
                }
                return super.unadvise(connection);
            }
        };
    }
}
