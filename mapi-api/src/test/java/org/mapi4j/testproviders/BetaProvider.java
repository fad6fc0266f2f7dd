package org.mapi4j.testproviders;

import org.mapi4j.spi.Availability;

/** Test provider 'beta', priority 5. */
public final class BetaProvider extends TestProvider {

    /** Creates it. */
    public BetaProvider() {
        super("beta", 5, true ? Availability.available("test provider beta")
                : Availability.unavailable("libmapi32 missing (test)"));
    }
}
