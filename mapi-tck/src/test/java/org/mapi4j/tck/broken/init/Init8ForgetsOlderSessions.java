package org.mapi4j.tck.broken.init;

import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;
import org.mapi4j.tck.rules.InitRules;

/**
 * Breaks INIT-8: the instance keeps only its 64 newest sessions in view, so the last MAPIUninitialize
 * leaves older sessions that are still logged on as they were (a bounded or wrongly pruned list).
 */
public final class Init8ForgetsOlderSessions extends Breakage {

    private static final int REMEMBERED = 64;
    private static final long CONNECTION = 0x7fff_0001L;

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init8ForgetsOlderSessions() {
        super(Rule.INIT_8, "the last MAPIUninitialize invalidates only the 64 newest sessions",
                "INIT-8: after the last uninitialize() (session 1 of the 30 kept from " + InitRules.INIT_8_LOGONS
                        + " logons) the handle must be logged off, but advise(NULL, 0, sink) returned S_OK (0x00000000) instead"
                        + " of MAPI_E_INVALID_OBJECT (0x80040108)");
    }

    /** A session that answers as if logged on once the instance forgot it. */
    private static final class Forgettable extends DelegatingSession {
        volatile boolean forgotten;

        Forgettable(DelegatingProvider p, MapiSessionHandle h, int flags, String profile) {
            super(p, h, flags, profile);
        }

        @Override
        public int advise(byte[] entryId, int eventMask, AdviseSink sink, LongOut connection) {
            if (forgotten && sink != null && connection != null) {
                connection.set(CONNECTION);
                return S_OK;
            }
            return super.advise(entryId, eventMask, sink, connection);
        }

        @Override
        public int unadvise(long connection) {
            return forgotten && connection == CONNECTION ? S_OK : super.unadvise(connection);
        }
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int flags, String profile) {
        return new Forgettable(p, h, flags, profile);
    }

    @Override
    protected void uninitialize(DelegatingProvider p) {
        if (p.initCount == 1) {
            List<Forgettable> older = new ArrayList<>();
            for (DelegatingSession s : p.sessions) {
                older.add((Forgettable) s);
            }
            for (int i = 0; i < older.size() - REMEMBERED; i++) {
                Forgettable s = older.get(i);
                s.forgotten = !s.destroyed && !s.loggedOff && s.live();
            }
        }
        super.uninitialize(p);
    }
}
