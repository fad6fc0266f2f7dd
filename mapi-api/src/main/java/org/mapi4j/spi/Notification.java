package org.mapi4j.spi;

/**
 * One NOTIFICATION as an advise sink receives it (spec A.9). A session sends two kinds: a critical
 * error when a shared session is logged off by another participant (SHARED-5), and an extended
 * notification while logging off (LOGOFF-4, optional).
 */
public sealed interface Notification permits ErrorNotification, ExtendedNotification {

    /** {@return the {@code ulEventType}, one {@code FNEV_*} bit of {@link org.mapi4j.spi.MapiConstants}} */
    int eventType();
}
