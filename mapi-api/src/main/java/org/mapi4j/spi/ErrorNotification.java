package org.mapi4j.spi;

import java.util.Arrays;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;

/**
 * ERROR_NOTIFICATION, the payload of an {@code fnevCriticalError} notification. For a shared
 * logoff (SHARED-5) it is {@code {cbEntryID = 0, lpEntryID = NULL, scode =
 * MAPI_E_END_OF_SESSION, ulFlags = 0, lpMAPIError = NULL}}.
 *
 * @param entryId the entry identifier of the object, {@code null} for the session
 * @param scode the error
 * @param flags the flags
 * @param error extended error information, may be {@code null}
 */
public record ErrorNotification(byte[] entryId, int scode, int flags, MapiError error) implements Notification {

    /** The notification a shared logoff sends to the other participants (SHARED-5). */
    public static final ErrorNotification END_OF_SESSION =
            new ErrorNotification(null, HResult.MAPI_E_END_OF_SESSION, 0, null);

    /**
     * Copies the entry identifier so the record stays immutable.
     *
     * @param entryId the entry identifier of the object, {@code null} for the session
     * @param scode the error
     * @param flags the flags
     * @param error extended error information, may be {@code null}
     */
    public ErrorNotification {
        entryId = entryId == null ? null : entryId.clone();
    }

    /** {@return a copy of the entry identifier, {@code null} for the session} */
    @Override
    public byte[] entryId() {
        return entryId == null ? null : entryId.clone();
    }

    @Override
    public int eventType() {
        return MapiConstants.FNEV_CRITICAL_ERROR;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ErrorNotification that && Arrays.equals(entryId, that.entryId)
                && scode == that.scode && flags == that.flags && java.util.Objects.equals(error, that.error);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(entryId) + java.util.Objects.hash(scode, flags, error);
    }

    @Override
    public String toString() {
        return "ErrorNotification[scode=" + HResult.describe(scode) + ", flags=" + flags
                + ", entryId=" + (entryId == null ? "NULL" : entryId.length + " bytes") + "]";
    }
}
