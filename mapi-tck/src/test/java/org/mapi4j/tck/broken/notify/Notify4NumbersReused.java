package org.mapi4j.tck.broken.notify;

import static org.mapi4j.spi.HResult.S_OK;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks NOTIFY-4: Advise reuses the smallest free connection number. */
public final class Notify4NumbersReused extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Notify4NumbersReused() {
        super(Rule.NOTIFY_4, "Advise reuses the smallest free connection number",
                "NOTIFY-4: advise #5 returned connection 4, which this handle already handed out");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            private final Map<Long, Long> local = new ConcurrentHashMap<>();

            @Override
            public synchronized int advise(byte[] entryId, int mask, org.mapi4j.spi.AdviseSink sink, LongOut connection) {
                int hr = super.advise(entryId, mask, sink, connection);
                if (hr == S_OK) {
                    long n = 1;
                    while (local.containsKey(n)) {
                        n++;
                    }
                    local.put(n, connection.get());
                    connection.set(n);
                }
                return hr;
            }

            @Override
            public synchronized int unadvise(long connection) {
                Long real = local.get(connection);
                if (real == null) {
                    return super.unadvise(connection + 1_000_000_000L);
                }
                int hr = super.unadvise(real);
                if (hr == S_OK) {
                    local.remove(connection);
                }
                return hr;
            }
        };
    }
}
