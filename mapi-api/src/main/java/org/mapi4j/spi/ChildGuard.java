package org.mapi4j.spi;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The guard of an object opened through a session (a table, a message store, a profile section):
 * it takes calls only while its session is {@code LOGGED_ON} (CHILD-1); AddRef and Release keep
 * working. Thread-safe.
 */
public final class ChildGuard {

    private final SessionGuard session;
    private final Runnable onDestroy;
    private final AtomicInteger references = new AtomicInteger(1);

    ChildGuard(SessionGuard session, Runnable onDestroy) {
        this.session = session;
        this.onDestroy = onDestroy;
    }

    /**
     * The state check that opens every non-IUnknown method of the child.
     *
     * @return {@code S_OK}, or {@code MAPI_E_INVALID_OBJECT} once the session left {@code LOGGED_ON}
     *     or the child was destroyed
     */
    public int enter() {
        return references.get() > 0 && session.isLive() ? S_OK : MAPI_E_INVALID_OBJECT;
    }

    /** @return the new reference count, or 0 if the child was destroyed */
    public int addRef() {
        for (;;) {
            int n = references.get();
            if (n == 0) {
                return 0;
            }
            if (references.compareAndSet(n, n + 1)) {
                return n + 1;
            }
        }
    }

    /** @return the new reference count; at 0 the child is destroyed */
    public int release() {
        int n;
        do {
            n = references.get();
            if (n == 0) {
                return 0;
            }
        } while (!references.compareAndSet(n, n - 1));
        if (n == 1 && onDestroy != null) {
            onDestroy.run();
        }
        return n - 1;
    }
}
