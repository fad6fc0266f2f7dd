package org.mapi4j.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny fake provider handle: records what the guard asks it to do. */
final class FakeEffects implements SessionGuard.Effects {

    /** One call of {@link #logoff}. */
    record Call(long uiParam, int flags, boolean explicit) {
    }

    final List<Call> logoffs = new CopyOnWriteArrayList<>();
    final AtomicInteger destroyed = new AtomicInteger();
    volatile int result;

    @Override
    public int logoff(long uiParam, int flags, boolean explicit) {
        logoffs.add(new Call(uiParam, flags, explicit));
        return result;
    }

    @Override
    public void destroy() {
        destroyed.incrementAndGet();
    }
}
