package org.mapi4j.testproviders;

import org.mapi4j.spi.Availability;

/** Test provider 'gamma', priority 1. */
public final class GammaProvider extends TestProvider {

    /** Creates it. */
    public GammaProvider() {
        super("gamma", 1, true ? Availability.available("test provider gamma")
                : Availability.unavailable("libmapi32 missing (test)"));
    }
}
