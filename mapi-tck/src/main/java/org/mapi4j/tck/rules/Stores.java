package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropTags;
import org.mapi4j.spi.PropValue;
import org.mapi4j.tck.fixture.TckFixture;

/** Reads a session's message-stores table through the SPI. */
final class Stores {

    private Stores() {
    }

    /**
     * @return the rows of the session's message-stores table, or {@code null} if the provider does
     *     not offer the table
     */
    static List<List<PropValue>> rows(TckFixture fx, MapiSessionHandle handle) {
        Out<MapiTable> table = new Out<>();
        int hr = handle.getMsgStoresTable(0, table);
        if (hr != S_OK || table.get() == null) {
            return null;
        }
        fx.track(table.get());
        try {
            List<List<PropValue>> rows = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Out<List<List<PropValue>>> batch = new Out<>();
                int q = table.get().queryRows(50, 0, batch);
                fx.verify().expectHr("queryRows(50, 0) on the message-stores table", S_OK, q);
                if (batch.get() == null || batch.get().isEmpty()) {
                    break;
                }
                rows.addAll(batch.get());
            }
            return rows;
        } finally {
            fx.release(table.get());
        }
    }

    /** @return the display names of the session's stores in table order, or {@code null} without a table */
    static List<String> names(TckFixture fx, MapiSessionHandle handle) {
        List<List<PropValue>> rows = rows(fx, handle);
        if (rows == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (List<PropValue> row : rows) {
            names.add(String.valueOf(value(row, PropTags.PR_DISPLAY_NAME)));
        }
        return names;
    }

    /** @return the entry identifier of the session's first store, or {@code null} if there is none */
    static byte[] firstEntryId(TckFixture fx, MapiSessionHandle handle) {
        List<List<PropValue>> rows = rows(fx, handle);
        if (rows == null || rows.isEmpty()) {
            return null;
        }
        Object id = value(rows.get(0), PropTags.PR_ENTRYID);
        return id instanceof byte[] bytes ? bytes.clone() : null;
    }

    private static Object value(List<PropValue> row, int tag) {
        for (PropValue value : row) {
            if (value.tag() == tag) {
                return value.value();
            }
        }
        return null;
    }
}
