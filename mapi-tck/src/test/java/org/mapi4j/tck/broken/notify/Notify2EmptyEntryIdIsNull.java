package org.mapi4j.tck.broken.notify;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks NOTIFY-2: Advise takes an empty entry id for NULL. */
public final class Notify2EmptyEntryIdIsNull extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Notify2EmptyEntryIdIsNull() {
        super(Rule.NOTIFY_2, "Advise takes an empty entry id for NULL",
                "NOTIFY-2: advise(empty entry id, 0, sink, &conn) expected MAPI_E_INVALID_PARAMETER (0x80070057) but was S_OK (0x00000000)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int advise(byte[] entryId, int mask, org.mapi4j.spi.AdviseSink sink, LongOut connection) {
                return super.advise(entryId != null && entryId.length == 0 ? null : entryId, mask, sink, connection);
            }
        };
    }
}
