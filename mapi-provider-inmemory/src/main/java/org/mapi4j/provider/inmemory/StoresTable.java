package org.mapi4j.provider.inmemory;

import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.support.AbstractSessionHandle;
import org.mapi4j.spi.support.AbstractTable;

/** A read-only table of rows (the message-stores table); invalid once its session logs off (CHILD-1). */
final class StoresTable extends AbstractTable {

    private final List<List<PropValue>> rows;
    private int position; // guarded by this

    StoresTable(AbstractSessionHandle session, List<List<PropValue>> rows) {
        super(session);
        this.rows = List.copyOf(rows);
    }

    @Override
    protected int doGetRowCount(int flags, IntOut count) {
        count.set(rows.size());
        return S_OK;
    }

    @Override
    protected synchronized int doQueryRows(int rowCount, int flags, Out<List<List<PropValue>>> out) {
        int end = Math.min(rows.size(), position + rowCount);
        out.set(List.copyOf(rows.subList(position, end)));
        if ((flags & TBL_NOADVANCE) == 0) {
            position = end;
        }
        return S_OK;
    }
}
