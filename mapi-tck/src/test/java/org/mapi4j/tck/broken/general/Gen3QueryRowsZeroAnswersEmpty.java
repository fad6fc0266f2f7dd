package org.mapi4j.tck.broken.general;

import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.Intercepted;

/** Breaks GEN-3: QueryRows on the message-stores table answers S_OK and no rows when asked for 0 or fewer. */
public final class Gen3QueryRowsZeroAnswersEmpty extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Gen3QueryRowsZeroAnswersEmpty() {
        super(Rule.GEN_3, "QueryRows answers S_OK and no rows when asked for 0 or fewer",
                "[queryRows for 0 or fewer rows: MAPI_E_INVALID_PARAMETER] GEN-3: queryRows(0, 0, &rows) on the"
                        + " message-stores table expected MAPI_E_INVALID_PARAMETER (0x80070057) but was S_OK"
                        + " (0x00000000)");
    }

    @Override
    protected MapiTable storesTable(MapiTable table) {
        return Intercepted.of(MapiTable.class, table, (proxy, method, args) -> {
            if (!method.getName().equals("queryRows") || (int) args[0] > 0 || args[2] == null) {
                return Intercepted.FORWARD;
            }
            @SuppressWarnings("unchecked")
            Out<List<?>> rows = (Out<List<?>>) args[2];
            rows.set(List.of());
            return S_OK;
        });
    }
}
