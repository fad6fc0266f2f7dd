package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;

import com.sun.jna.Pointer;
import java.util.List;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.support.AbstractProp;
import org.mapi4j.spi.support.AbstractSessionHandle;

/**
 * IMAPIProp through its vtable (a message store, a profile section: both start with IMAPIProp's
 * 14 slots); the SPI needs GetProps.
 */
final class NativeProp extends AbstractProp implements NativeObject {

    /**
     * Slot 5, {@code HRESULT GetProps(LPSPropTagArray lpPropTagArray, ULONG ulFlags, ULONG *lpcValues,
     * LPSPropValue *lppPropArray)}.
     */
    static final int GET_PROPS = 5;
    /** The number of IMAPIProp slots. */
    static final int SLOT_COUNT = 14;

    private final NativeProvider provider;
    private final ComObject com;

    NativeProp(NativeProvider provider, AbstractSessionHandle session, Pointer self) {
        super(session);
        this.provider = provider;
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

    @Override
    protected int doGetProps(int[] tags, int flags, Out<List<PropValue>> values) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        try {
            int hr;
            Pointer props;
            int n;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer tagArray = null; // SPropTagArray { ULONG cValues; ULONG aulPropTag[]; }, NULL for all
                if (tags != null) {
                    tagArray = scratch.allocate(4L + 4L * Math.max(tags.length, 1));
                    tagArray.setInt(0, tags.length);
                    tagArray.write(4, tags, 0, tags.length);
                }
                Pointer count = scratch.ulongOut();
                Pointer array = scratch.pointerOut();
                hr = com.call(GET_PROPS, tagArray, flags, count, array);
                props = array.getPointer(0);
                n = count.getInt(0);
            } finally {
                scratch.reset(mark);
            }
            if (props != null) {
                try {
                    if (HResult.succeeded(hr)) {
                        values.set(PropValues.readArray(props, n));
                    }
                } finally {
                    provider.binding().freeBuffer(props);
                }
            }
            return hr;
        } finally {
            com.exit();
        }
    }
}
