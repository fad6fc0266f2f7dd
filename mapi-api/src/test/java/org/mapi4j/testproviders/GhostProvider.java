package org.mapi4j.testproviders;

import org.mapi4j.spi.Availability;

/** Test provider 'ghost', priority 100. */
public final class GhostProvider extends TestProvider {

    /** Creates it. */
    public GhostProvider() {
        super("ghost", 100, false ? Availability.available("test provider ghost")
                : Availability.unavailable("libmapi32 missing (test)"));
    }
}
