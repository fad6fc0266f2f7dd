package org.mapi4j.tck.broken.logoff;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.concurrent.atomic.AtomicLong;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGOFF-3: a sink failing during Logoff makes Logoff fail and the handle stay usable. */
public final class Logoff3FailureKeepsSession extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logoff3FailureKeepsSession() {
        super(Rule.LOGOFF_3, "a sink failing during Logoff makes Logoff fail and the handle stay usable",
                "[a sink of the session throws from Release] LOGOFF-3: after logoff(0, 0, 0) that returned MAPI_E_CALL_FAILED (0x80004005) the handle must be logged off, but advise(NULL, 0, sink) returned S_OK (0x00000000) instead of MAPI_E_INVALID_OBJECT (0x80040108)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            private volatile boolean zombie;
            private final AtomicLong fake = new AtomicLong(900_000);

            @Override
            public int logoff(long ui, int flags, int reserved) {
                if (zombie) {
                    return S_OK;
                }
                int hr = super.logoff(ui, flags, reserved);
                if (sinkFailed) {
                    zombie = true;
                    return MAPI_E_CALL_FAILED;
                }
                return hr;
            }

            @Override
            public int advise(byte[] entryId, int mask, org.mapi4j.spi.AdviseSink sink, LongOut connection) {
                if (zombie) {
                    connection.set(fake.incrementAndGet());
                    return S_OK;
                }
                return super.advise(entryId, mask, sink, connection);
            }

            @Override
            public int unadvise(long connection) {
                return zombie ? S_OK : super.unadvise(connection);
            }
        };
    }
}
