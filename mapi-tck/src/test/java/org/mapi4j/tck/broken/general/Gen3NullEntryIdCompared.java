package org.mapi4j.tck.broken.general;

import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks GEN-3: CompareEntryIDs takes a NULL entry ID for one that names nothing and answers "different". */
public final class Gen3NullEntryIdCompared extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Gen3NullEntryIdCompared() {
        super(Rule.GEN_3, "CompareEntryIDs answers S_OK and \"different\" for a NULL entry ID",
                "[compareEntryIDs with a NULL entry ID: MAPI_E_INVALID_PARAMETER] GEN-3: compareEntryIDs(NULL,"
                        + " storeEntryId, 0, &result) expected MAPI_E_INVALID_PARAMETER (0x80070057) but was S_OK"
                        + " (0x00000000)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int compareEntryIDs(byte[] entryId1, byte[] entryId2, int flags, IntOut result) {
                if ((entryId1 == null || entryId2 == null) && flags == 0 && result != null) {
                    result.set(0);
                    return S_OK;
                }
                return super.compareEntryIDs(entryId1, entryId2, flags, result);
            }
        };
    }
}
