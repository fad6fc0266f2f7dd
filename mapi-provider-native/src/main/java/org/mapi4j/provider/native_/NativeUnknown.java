package org.mapi4j.provider.native_;

import com.sun.jna.Pointer;
import org.mapi4j.spi.SessionGuard;

/**
 * A native object the SPI has no richer type for (an address book, a service administration
 * object, an entry opened with OpenEntry): only IUnknown, with the one native reference released
 * exactly once.
 */
final class NativeUnknown extends NativeChild {

    /** IUnknown has three slots. */
    static final int SLOT_COUNT = 3;

    NativeUnknown(NativeProvider provider, SessionGuard session, Pointer self) {
        super(provider, session, self, SLOT_COUNT, null);
    }
}
