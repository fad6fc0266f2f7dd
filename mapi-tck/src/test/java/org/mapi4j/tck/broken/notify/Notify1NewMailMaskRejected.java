package org.mapi4j.tck.broken.notify;

import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.FNEV_NEW_MAIL;

import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks NOTIFY-1: session-level Advise with fnevNewMail returns MAPI_E_NO_SUPPORT. */
public final class Notify1NewMailMaskRejected extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Notify1NewMailMaskRejected() {
        super(Rule.NOTIFY_1, "session-level Advise with fnevNewMail returns MAPI_E_NO_SUPPORT",
                "[advise(NULL, 0x00000002, sink)] NOTIFY-1: advise(NULL, 0x00000002, sink mask 0x00000002) expected S_OK (0x00000000) but was MAPI_E_NO_SUPPORT (0x80040102)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int advise(byte[] entryId, int mask, org.mapi4j.spi.AdviseSink sink, LongOut connection) {
                if (entryId == null && (mask & FNEV_NEW_MAIL) != 0) {
                    connection.set(0);
                    return MAPI_E_NO_SUPPORT;
                }
                return super.advise(entryId, mask, sink, connection);
            }
        };
    }
}
