package org.mapi4j.tck.broken.general;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks GEN-5: getMsgStoresTable with a NULL out-parameter throws NullPointerException. */
public final class Gen5NullOutThrows extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Gen5NullOutThrows() {
        super(Rule.GEN_5, "getMsgStoresTable with a NULL out-parameter throws NullPointerException",
                "[getMsgStoresTable(0, NULL) on a logged-on handle] GEN-5: getMsgStoresTable(0, NULL) threw"
                        + " java.lang.NullPointerException: table while checking GEN-5; an SPI method must return an"
                        + " HRESULT, never throw");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int getMsgStoresTable(int flags, Out<MapiTable> table) {
                java.util.Objects.requireNonNull(table, "table");
                return super.getMsgStoresTable(flags, table);
            }
        };
    }
}
