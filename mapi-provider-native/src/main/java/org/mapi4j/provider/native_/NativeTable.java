package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;

import com.sun.jna.Pointer;
import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.SessionGuard;

/** IMAPITable through its vtable (26 slots); the SPI needs GetRowCount and QueryRows. */
final class NativeTable extends NativeChild implements MapiTable {

    /** Slot 9, {@code HRESULT GetRowCount(ULONG ulFlags, ULONG *lpulCount)}. */
    static final int GET_ROW_COUNT = 9;
    /** Slot 19, {@code HRESULT QueryRows(LONG lRowCount, ULONG ulFlags, LPSRowSet *lppRows)}. */
    static final int QUERY_ROWS = 19;
    /** The number of slots. */
    static final int SLOT_COUNT = 26;

    /** {@code IID_IMAPITable}. */
    static final UUID IID_IMAPITABLE = UUID.fromString("00020301-0000-0000-C000-000000000046");

    NativeTable(NativeProvider provider, SessionGuard session, Pointer self) {
        super(provider, session, self, SLOT_COUNT, IID_IMAPITABLE);
    }

    @Override
    public int getRowCount(int flags, IntOut count) {
        if (count != null) {
            count.set(0);
        }
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        try {
            if (count == null) {
                return MAPI_E_INVALID_PARAMETER;
            }
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer out = scratch.ulongOut();
                hr = com.call(GET_ROW_COUNT, flags, out);
                if (HResult.succeeded(hr)) {
                    count.set(out.getInt(0));
                }
                return hr;
            } finally {
                scratch.reset(mark);
            }
        } finally {
            end();
        }
    }

    @Override
    public int queryRows(int rowCount, int flags, Out<List<List<PropValue>>> rows) {
        if (rows != null) {
            rows.set(null);
        }
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        try {
            if (rows == null) {
                return MAPI_E_INVALID_PARAMETER;
            }
            Pointer set;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer out = scratch.pointerOut();
                hr = com.call(QUERY_ROWS, rowCount, flags, out);
                set = out.getPointer(0);
            } finally {
                scratch.reset(mark);
            }
            if (set != null) {
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
            end();
        }
    }
}
