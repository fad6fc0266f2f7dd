package org.mapi4j.spi;

import java.util.List;

/**
 * IMAPIAdviseSink: receives notifications registered with {@link MapiSessionHandle#advise}.
 *
 * <p>A provider calls {@link #addRef()} when Advise succeeds and {@link #release()} when the
 * registration ends (Unadvise, Logoff, invalidation), after any {@code onNotify} already running on
 * another thread has returned (NOTIFY-5). Java sinks are garbage-collected, so the defaults only
 * count; a sink that wants to observe the balance overrides them.
 *
 * <p>{@code onNotify} may be called on any thread, during the triggering call or later (NOTIFY-8).
 */
public interface AdviseSink {

    /**
     * IMAPIAdviseSink::OnNotify.
     *
     * @param notifications the notifications, at least one; the list is only valid during the call
     *     and must be copied to be kept
     * @return ignored by providers (spec: return {@code S_OK})
     */
    int onNotify(List<Notification> notifications);

    /**
     * IUnknown::AddRef as a provider calls it on Advise.
     *
     * @return a reference count; the default returns 1
     */
    default int addRef() {
        return 1;
    }

    /**
     * IUnknown::Release as a provider calls it when the registration ends.
     *
     * @return a reference count; the default returns 0
     */
    default int release() {
        return 0;
    }
}
