package org.mapi4j.tck.broken.postlogoff;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks POSTLOGOFF-1: GetStatusTable after Logoff returns MAPI_E_NO_SUPPORT. */
public final class PostLogoff1StatusTableNoSupport extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public PostLogoff1StatusTableNoSupport() {
        super(Rule.POSTLOGOFF_1, "GetStatusTable after Logoff returns MAPI_E_NO_SUPPORT",
                "[slot 8 getStatusTable(0, &table) after logoff(0, 0, 0)] POSTLOGOFF-1: getStatusTable(0, &table) after logoff(0, 0, 0) expected MAPI_E_INVALID_OBJECT (0x80040108) but was MAPI_E_NO_SUPPORT (0x80040102)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int getStatusTable(int flags, Out<MapiTable> table) {
                int hr = super.getStatusTable(flags, table);
                return hr == MAPI_E_INVALID_OBJECT && table != null && !destroyed ? MAPI_E_NO_SUPPORT : hr;
            }
        };
    }
}
