package org.mapi4j.tck.broken.general;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** The GEN-5 breakages where Unadvise(0) throws instead of answering: they differ in what is thrown. */
abstract class UnadviseZeroFails extends Breakage {

    UnadviseZeroFails(String description, String expectedFailure) {
        super(Rule.GEN_5, description, expectedFailure);
    }

    /** Throws what this provider's Unadvise(0) throws. */
    abstract void fail();

    @Override
    protected final DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int unadvise(long connection) {
                if (connection == 0) {
                    fail();
                }
                return super.unadvise(connection);
            }
        };
    }
}
