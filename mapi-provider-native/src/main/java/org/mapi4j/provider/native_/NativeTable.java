package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;

import java.util.List;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.support.AbstractSessionHandle;
import org.mapi4j.spi.support.AbstractTable;

/** IMAPITable through its vtable (26 slots); the SPI needs GetRowCount and QueryRows. */
final class NativeTable extends AbstractTable implements NativeObject {

    /** Slot 9, {@code HRESULT GetRowCount(ULONG ulFlags, ULONG *lpulCount)}. */
    static final int GET_ROW_COUNT = 9;
    /** Slot 19, {@code HRESULT QueryRows(LONG lRowCount, ULONG ulFlags, LPSRowSet *lppRows)}. */
    static final int QUERY_ROWS = 19;
    /** The number of slots. */
    static final int SLOT_COUNT = 26;

    private static final Binding.Shape GET_ROW_COUNT_SHAPE = Binding.Shape.of("I:PIP");
    private static final Binding.Shape QUERY_ROWS_SHAPE = Binding.Shape.of("I:PIIP");
    private static final Binding B = Abi.B;

    private final NativeProvider provider;
    private final ComObject com;

    NativeTable(NativeProvider provider, AbstractSessionHandle session, long self) {
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
    protected int doGetRowCount(int flags, IntOut count) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        try {
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                long out = scratch.ulongOut();
                int hr = com.call(GET_ROW_COUNT_SHAPE, GET_ROW_COUNT, flags, out);
                if (HResult.succeeded(hr)) {
                    count.set(B.getInt(out));
                }
                return hr;
            } finally {
                scratch.reset(mark);
            }
        } finally {
            com.exit();
        }
    }

    @Override
    protected int doQueryRows(int rowCount, int flags, Out<List<List<PropValue>>> rows) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        try {
            int hr;
            long set;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                long out = scratch.pointerOut();
                hr = com.call(QUERY_ROWS_SHAPE, QUERY_ROWS, rowCount, flags, out);
                set = B.getAddress(out);
            } finally {
                scratch.reset(mark);
            }
            if (set != 0) {
                try {
                    if (HResult.succeeded(hr)) {
                        rows.set(PropValues.readRows(set));
                    }
                } finally {
                    PropValues.freeRows(provider.binding(), set);
                }
            }
            return hr;
        } finally {
            com.exit();
        }
    }
}
