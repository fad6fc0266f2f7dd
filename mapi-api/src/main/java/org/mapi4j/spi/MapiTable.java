package org.mapi4j.spi;

import java.util.List;

/**
 * The part of IMAPITable a session's tables offer (the message-stores table, the status table).
 * Once the session that opened it leaves {@code LOGGED_ON}, every method except the IUnknown ones
 * returns {@code MAPI_E_INVALID_OBJECT} (CHILD-1).
 */
public interface MapiTable extends MapiUnknown {

    /**
     * IMAPITable::GetRowCount.
     *
     * @param flags reserved, 0
     * @param count receives the number of rows
     * @return an HRESULT
     */
    int getRowCount(int flags, IntOut count);

    /**
     * IMAPITable::QueryRows from the current position, which moves past the rows returned.
     *
     * @param rowCount the most rows wanted (positive)
     * @param flags flags, 0
     * @param rows receives the rows, each a list of property values
     * @return an HRESULT
     */
    int queryRows(int rowCount, int flags, Out<List<List<PropValue>>> rows);
}
