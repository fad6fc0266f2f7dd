package org.mapi4j.spi.support;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;

/**
 * The skeleton of an IMAPITable opened through a session: the outline of its slots, over
 * {@link AbstractChild}. GetRowCount's flags are reserved; QueryRows knows {@link #TBL_NOADVANCE}.
 */
public abstract class AbstractTable extends AbstractChild implements MapiTable {

    /** QueryRows flag: read the rows without moving the cursor. */
    public static final int TBL_NOADVANCE = 0x00000001;

    /** {@code IID_IMAPITable}. */
    public static final UUID IID_IMAPITABLE = UUID.fromString("00020301-0000-0000-C000-000000000046");

    /**
     * Creates the object for the session it is opened through.
     *
     * @param session the handle it was opened through
     */
    protected AbstractTable(AbstractSessionHandle session) {
        super(session);
    }

    @Override
    protected UUID interfaceId() {
        return IID_IMAPITABLE;
    }

    /**
     * GetRowCount after validation.
     * @param flags flags
     * @param count not null
     * @return an HRESULT
     */
    protected int doGetRowCount(int flags, IntOut count) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * QueryRows after validation.
     * @param rowCount rows wanted, more than 0
     * @param flags flags
     * @param rows not null
     * @return an HRESULT
     */
    protected int doQueryRows(int rowCount, int flags, Out<List<List<PropValue>>> rows) {
        return MAPI_E_NO_SUPPORT;
    }

    @Override
    public final int getRowCount(int flags, IntOut count) {
        if (count != null) {
            count.set(0);
        }
        int hr = checkLive();
        if (hr != S_OK) {
            return hr;
        }
        if (flags != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        return count == null ? MAPI_E_INVALID_PARAMETER : doGetRowCount(flags, count);
    }

    @Override
    public final int queryRows(int rowCount, int flags, Out<List<List<PropValue>>> rows) {
        if (rows != null) {
            rows.set(null);
        }
        int hr = checkLive();
        if (hr != S_OK) {
            return hr;
        }
        if ((flags & ~TBL_NOADVANCE) != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        return rows == null || rowCount <= 0 ? MAPI_E_INVALID_PARAMETER : doQueryRows(rowCount, flags, rows);
    }
}
