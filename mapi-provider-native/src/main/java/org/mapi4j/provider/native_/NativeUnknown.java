package org.mapi4j.provider.native_;

import org.mapi4j.spi.support.AbstractChild;
import org.mapi4j.spi.support.AbstractSessionHandle;

/**
 * A native object the SPI has no richer type for (an address book, a service administration
 * object, an entry opened with OpenEntry): only IUnknown, answered in Java, with the one native
 * reference released exactly once at the Java object's final Release.
 */
final class NativeUnknown extends AbstractChild implements NativeObject {

    /** IUnknown has three slots. */
    static final int SLOT_COUNT = 3;

    private final ComObject com;

    NativeUnknown(NativeProvider provider, AbstractSessionHandle session, long self) {
        super(session);
        this.com = ComObject.adopt(provider, self, SLOT_COUNT);
    }

    @Override
    public ComObject com() {
        return com;
    }

    @Override
    protected void doDestroy() {
        com.release();
    }
}
