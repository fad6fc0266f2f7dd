package org.mapi4j.provider.inmemory;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.ChildGuard;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.SessionGuard;

/** A read-only table of rows (the message-stores table); invalid once its session logs off (CHILD-1). */
final class StoresTable implements MapiTable {

    private final ChildGuard guard;
    private final List<List<PropValue>> rows;
    private int position;

    StoresTable(SessionGuard session, List<List<PropValue>> rows) {
        this.guard = session.newChild(null);
        this.rows = List.copyOf(rows);
    }

    @Override
    public int getRowCount(int flags, IntOut count) {
        if (count != null) {
            count.set(0);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (flags != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        if (count == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        count.set(rows.size());
        return S_OK;
    }

    @Override
    public synchronized int queryRows(int rowCount, int flags, Out<List<List<PropValue>>> out) {
        if (out != null) {
            out.set(null);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (flags != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        if (out == null || rowCount <= 0) {
            return MAPI_E_INVALID_PARAMETER;
        }
        int end = Math.min(rows.size(), position + rowCount);
        out.set(List.copyOf(rows.subList(position, end)));
        position = end;
        return S_OK;
    }

    @Override
    public int queryInterface(UUID iid, Out<Object> ppv) {
        return ChildObjects.queryInterface(guard, this, iid, ppv);
    }

    @Override
    public int addRef() {
        return guard.addRef();
    }

    @Override
    public int release() {
        return guard.release();
    }
}
