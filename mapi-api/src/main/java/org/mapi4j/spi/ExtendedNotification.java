package org.mapi4j.spi;

import java.util.Arrays;
import org.mapi4j.spi.MapiConstants;

/**
 * EXTENDED_NOTIFICATION, the payload of an {@code fnevExtended} notification. mapi4j's logoff
 * notification (LOGOFF-4) has {@code ulEvent = 0} and no parameters.
 *
 * @param event the {@code ulEvent}
 * @param parameters the event parameters, never {@code null} (empty for none)
 */
public record ExtendedNotification(int event, byte[] parameters) implements Notification {

    /** The notification sent to a handle's own session-level sinks while it logs off (LOGOFF-4). */
    public static final ExtendedNotification LOGOFF = new ExtendedNotification(0, new byte[0]);

    /**
     * Copies the parameters so the record stays immutable.
     *
     * @param event the {@code ulEvent}
     * @param parameters the event parameters, {@code null} for none
     */
    public ExtendedNotification {
        parameters = parameters == null ? new byte[0] : parameters.clone();
    }

    /** {@return a copy of the event parameters} */
    @Override
    public byte[] parameters() {
        return parameters.clone();
    }

    @Override
    public int eventType() {
        return MapiConstants.FNEV_EXTENDED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtendedNotification that && event == that.event
                && Arrays.equals(parameters, that.parameters);
    }

    @Override
    public int hashCode() {
        return 31 * event + Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "ExtendedNotification[event=" + event + ", " + parameters.length + " bytes]";
    }
}
