package org.mapi4j.provider.inmemory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.Notification;

/** An advise sink that records what reaches it and counts AddRef/Release (NOTIFY-5). */
class RecordingSink implements AdviseSink {

    final List<Notification> received = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger addRefs = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();

    @Override
    public int onNotify(List<Notification> notifications) {
        calls.incrementAndGet();
        received.addAll(notifications);
        return 0;
    }

    @Override
    public int addRef() {
        return addRefs.incrementAndGet() - releases.get();
    }

    @Override
    public int release() {
        return addRefs.get() - releases.incrementAndGet();
    }

    /** @return the number of critical-error notifications received */
    long criticalErrors() {
        return received.stream().filter(n -> n instanceof ErrorNotification).count();
    }

    /** @return the number of references the provider still holds */
    int held() {
        return addRefs.get() - releases.get();
    }
}
