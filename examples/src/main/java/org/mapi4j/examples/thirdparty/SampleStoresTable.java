package org.mapi4j.examples.thirdparty;

import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.support.AbstractSessionHandle;
import org.mapi4j.spi.support.AbstractTable;

/**
 * The message-stores table of a session: one row, since a sample profile has one store. Its
 * skeleton makes it answer {@code MAPI_E_INVALID_OBJECT} once its session left {@code LOGGED_ON} (CHILD-1).
 */
final class SampleStoresTable extends AbstractTable {

    private final List<List<PropValue>> rows;
    private int position; // guarded by this: QueryRows moves a cursor

    SampleStoresTable(AbstractSessionHandle session, List<List<PropValue>> rows) {
        super(session);
        this.rows = List.copyOf(rows);
    }

    @Override
    protected int doGetRowCount(int flags, IntOut count) {
        count.set(rows.size());
        return S_OK;
    }

    @Override
    protected synchronized int doQueryRows(int rowCount, int flags, Out<List<List<PropValue>>> result) {
        int end = Math.min(rows.size(), position + rowCount);
        result.set(rows.subList(position, end));
        if ((flags & TBL_NOADVANCE) == 0) {
            position = end;
        }
        return S_OK;
    }
}
