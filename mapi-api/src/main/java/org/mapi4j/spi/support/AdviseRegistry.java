package org.mapi4j.spi.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mapi4j.spi.Notification;

/**
 * The advise registrations of one session handle, by connection number. Made by the first Advise;
 * closed once the handle reaches its final state, by its Logoff or by an Advise that raced with
 * it (see {@code AbstractSessionHandle.advise}): from then on nothing can be added, so a Logoff's
 * cancellation never misses a registration (LOGOFF-1(a), LOGOFF-5).
 */
final class AdviseRegistry {

    private final Map<Long, AdviseRegistration> registrations = new ConcurrentHashMap<>();
    // Guarded by this.
    private boolean closed;

    /** {@return whether it was added; false once closed} */
    synchronized boolean add(AdviseRegistration registration) {
        if (closed) {
            return false;
        }
        registrations.put(registration.connection(), registration);
        return true;
    }

    AdviseRegistration get(long connection) {
        return registrations.get(connection);
    }

    /** {@return whether this call removed it} */
    boolean remove(long connection, AdviseRegistration registration) {
        return registrations.remove(connection, registration);
    }

    int size() {
        return registrations.size();
    }

    /**
     * Delivers a notification to every registration that covers it.
     *
     * @return how many sinks were called
     */
    int deliver(Notification notification, boolean sessionLevelOnly) {
        if (registrations.isEmpty()) {
            return 0;
        }
        List<Notification> batch = List.of(notification);
        int delivered = 0;
        VirtualMachineError fatal = null;
        for (AdviseRegistration registration : registrations.values()) {
            if ((!sessionLevelOnly || registration.isSessionLevel()) && registration.covers(notification.eventType())) {
                try {
                    if (registration.deliver(batch)) {
                        delivered++;
                    }
                } catch (VirtualMachineError e) {
                    delivered++;
                    fatal = fatal != null ? fatal : e;
                }
            }
        }
        UserCode.rethrow(fatal);
        return delivered;
    }

    /**
     * Closes the registry and cancels every registration; never waits for a delivery.
     *
     * @return a {@link VirtualMachineError} a sink's release threw, or {@code null}
     */
    VirtualMachineError closeAndCancelAll() {
        List<AdviseRegistration> ended;
        synchronized (this) {
            if (closed) {
                return null;
            }
            closed = true;
            if (registrations.isEmpty()) {
                return null;
            }
            ended = new ArrayList<>(registrations.values());
            registrations.clear();
        }
        VirtualMachineError fatal = null;
        for (AdviseRegistration registration : ended) {
            VirtualMachineError e = registration.cancel();
            fatal = fatal != null ? fatal : e;
        }
        return fatal;
    }
}
