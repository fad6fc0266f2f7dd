package org.mapi4j.guice;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link MapiModule} opened on the injector's behalf: the session and the subsystem. Closing it
 * (at application shutdown, or by a JVM shutdown hook with {@link MapiModule#closeOnShutdown()})
 * closes them in reverse order: Logoff and Release before MAPIUninitialize (spec A.10). Idempotent,
 * never throws. One per injector.
 */
public final class MapiResources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MapiResources.class);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private boolean closed;

    MapiResources() {
    }

    synchronized <T extends AutoCloseable> T track(T resource) {
        if (closed) {
            throw new IllegalStateException("MapiResources were closed: the injector's MAPI was shut down");
        }
        opened.push(resource);
        return resource;
    }

    /** {@return whether {@link #close()} was called} */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Closes the session(s), then the subsystem. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!opened.isEmpty()) {
            AutoCloseable resource = opened.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} threw", resource, e);
            }
        }
    }
}
