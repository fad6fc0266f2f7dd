package org.mapi4j.tck.broken.logon;

import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGON-3: a handle that joined the shared session has no message-stores table. */
public final class Logon3JoinerSeesNoStores extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logon3JoinerSeesNoStores() {
        super(Rule.LOGON_3, "a handle that joined the shared session has no message-stores table",
                "LOGON-3: a handle that joined the shared session (with an unknown profile name) must see its stores [Personal Folders] but saw null");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int getMsgStoresTable(int flags, Out<MapiTable> table) {
                return joined() ? MAPI_E_NO_SUPPORT : super.getMsgStoresTable(flags, table);
            }
        };
    }
}
