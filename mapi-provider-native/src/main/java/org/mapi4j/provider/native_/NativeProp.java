package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;

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

    private static final Binding.Shape GET_PROPS_SHAPE = Binding.Shape.of("I:PPIPP");
    private static final Binding B = Abi.B;

    private final NativeProvider provider;
    private final ComObject com;

    NativeProp(NativeProvider provider, AbstractSessionHandle session, long self) {
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
            long props;
            int n;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                long tagArray = 0; // SPropTagArray { ULONG cValues; ULONG aulPropTag[]; }, NULL for all
                if (tags != null) {
                    tagArray = scratch.allocate(4L + 4L * Math.max(tags.length, 1));
                    B.putInt(tagArray, tags.length);
                    for (int i = 0; i < tags.length; i++) {
                        B.putInt(tagArray + 4 + 4L * i, tags[i]);
                    }
                }
                long count = scratch.ulongOut();
                long array = scratch.pointerOut();
                hr = com.call(GET_PROPS_SHAPE, GET_PROPS, tagArray, flags, count, array);
                props = B.getAddress(array);
                n = B.getInt(count);
            } finally {
                scratch.reset(mark);
            }
            if (props != 0) {
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
