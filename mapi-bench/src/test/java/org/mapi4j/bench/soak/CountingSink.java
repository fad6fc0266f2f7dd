package org.mapi4j.bench.soak;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.Notification;

/**
 * An advise sink that counts the notifications it receives and keeps the last one. Safe for
 * OnNotify on any thread (NOTIFY-8); {@link #awaitFirst} lets a test wait for an asynchronous
 * delivery (SHARED-7) without sleeping.
 */
final class CountingSink implements AdviseSink {

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicReference<Notification> last = new AtomicReference<>();
    private final CountDownLatch first = new CountDownLatch(1);

    @Override
    public int onNotify(List<Notification> notifications) {
        count.addAndGet(notifications.size());
        last.set(notifications.get(notifications.size() - 1));
        first.countDown();
        return HResult.S_OK;
    }

    /** @return the number of notifications received so far */
    int count() {
        return count.get();
    }

    /** @return the last notification received, or {@code null} */
    Notification last() {
        return last.get();
    }

    /** @return whether a first notification arrived within the timeout (a deadlock guard, not a timing check) */
    boolean awaitFirst(long seconds) throws InterruptedException {
        return first.await(seconds, TimeUnit.SECONDS);
    }
}
