package org.mapi4j.testproviders;

import org.mapi4j.spi.Availability;

/** Test provider 'alpha', priority 5. */
public final class AlphaProvider extends TestProvider {

    /** Creates it. */
    public AlphaProvider() {
        super("alpha", 5, true ? Availability.available("test provider alpha")
                : Availability.unavailable("libmapi32 missing (test)"));
    }
}
