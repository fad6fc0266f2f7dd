package org.mapi4j.tck.broken.notify;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.concurrent.atomic.AtomicLong;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks NOTIFY-3: object-level Advise with an unknown entry id returns S_OK. */
public final class Notify3BadEntryIdAccepted extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Notify3BadEntryIdAccepted() {
        super(Rule.NOTIFY_3, "object-level Advise with an unknown entry id returns S_OK",
                "NOTIFY-3: advise(1-byte entry id nobody issued, 0, sink, &conn) expected one of MAPI_E_INVALID_ENTRYID (0x80040107), MAPI_E_UNKNOWN_ENTRYID (0x80040201), MAPI_E_NO_SUPPORT (0x80040102) but was S_OK (0x00000000)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            private final AtomicLong fake = new AtomicLong(0x7777_0000L);

            @Override
            public int advise(byte[] entryId, int mask, org.mapi4j.spi.AdviseSink sink, LongOut connection) {
                int hr = super.advise(entryId, mask, sink, connection);
                if (hr != S_OK && hr != MAPI_E_INVALID_OBJECT && entryId != null && entryId.length > 0) {
                    connection.set(fake.incrementAndGet());
                    return S_OK;
                }
                return hr;
            }
        };
    }
}
