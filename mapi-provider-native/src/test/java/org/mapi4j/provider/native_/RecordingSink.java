package org.mapi4j.provider.native_;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.Notification;

/** An advise sink that records what reaches it and counts AddRef/Release (NOTIFY-5). */
class RecordingSink implements AdviseSink {

    final List<Notification> received = new CopyOnWriteArrayList<>();
    final AtomicInteger addRefs = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();

    @Override
    public int onNotify(List<Notification> notifications) {
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

    long criticalErrors() {
        return received.stream().filter(n -> n instanceof ErrorNotification).count();
    }

    long extended() {
        return received.stream().filter(n -> n instanceof ExtendedNotification).count();
    }

    /** @return the references the provider still holds on this sink */
    int held() {
        return addRefs.get() - releases.get();
    }
}
