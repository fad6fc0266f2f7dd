package org.mapi4j.examples.thirdparty;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.ChildGuard;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropTags;
import org.mapi4j.spi.PropValue;

/**
 * The message-stores table of a session: one row, since a sample profile has one store. Valid while
 * its session is logged on (CHILD-1, through the {@link ChildGuard}).
 */
final class SampleStoresTable implements MapiTable {

    private final ChildGuard guard;
    private final List<List<PropValue>> rows;
    private int position; // guarded by this: QueryRows moves a cursor

    SampleStoresTable(ChildGuard guard, SampleProfiles.Profile profile) {
        this.guard = guard;
        this.rows = List.of(List.of(
                new PropValue(PropTags.PR_ENTRYID, profile.storeEntryId()),
                new PropValue(PropTags.PR_DISPLAY_NAME, profile.storeName()),
                new PropValue(PropTags.PR_DEFAULT_STORE, Boolean.TRUE)));
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
    public synchronized int queryRows(int rowCount, int flags, Out<List<List<PropValue>>> result) {
        if (result != null) {
            result.set(null);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (flags != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        if (rowCount <= 0 || result == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        int end = Math.min(rows.size(), position + rowCount);
        result.set(rows.subList(position, end));
        position = end;
        return S_OK;
    }

    @Override
    public int queryInterface(UUID iid, Out<Object> ppv) {
        return queryUnknown(guard, this, iid, ppv);
    }

    @Override
    public int addRef() {
        return guard.addRef();
    }

    @Override
    public int release() {
        return guard.release();
    }

    /** QueryInterface of a child that offers only IUnknown beyond its own Java interface. */
    static int queryUnknown(ChildGuard guard, MapiUnknown self, UUID iid, Out<Object> ppv) {
        if (ppv != null) {
            ppv.set(null);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (ppv == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (!Iids.IID_IUNKNOWN.equals(iid)) {
            return MAPI_E_INTERFACE_NOT_SUPPORTED;
        }
        self.addRef();
        ppv.set(self);
        return S_OK;
    }
}
