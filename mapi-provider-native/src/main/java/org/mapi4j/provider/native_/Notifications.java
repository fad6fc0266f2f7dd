package org.mapi4j.provider.native_;

import java.util.ArrayList;
import java.util.List;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.MapiError;
import org.mapi4j.spi.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a native {@code NOTIFICATION} array into Java records (spec A.9, NOTIFY-8: the array is
 * only valid during OnNotify). Offsets follow the Outlook 2010 headers, with {@code ulAlignPad}
 * (OQ-19): {@code ulEventType} at 0, the union at 8; element stride 88 (x64) / 64 (x86).
 */
final class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private static final Binding B = Abi.B;
    private static final int PS = Abi.POINTER_SIZE;
    /** sizeof(NOTIFICATION). */
    static final int STRIDE = PS == 8 ? 88 : 64;
    private static final int INFO = 8;

    // ERROR_NOTIFICATION inside the union: cbEntryID 0, lpEntryID PS, scode 2PS, ulFlags 2PS+4, lpMAPIError 2PS+8.
    private static final int ERR_CB = 0;
    private static final int ERR_ENTRYID = PS;
    private static final int ERR_SCODE = 2 * PS;
    private static final int ERR_FLAGS = 2 * PS + 4;
    private static final int ERR_ERROR = 2 * PS + 8;

    // EXTENDED_NOTIFICATION: ulEvent 0, cb 4, pbEventParameters 8 on both architectures.
    private static final int EXT_EVENT = 0;
    private static final int EXT_CB = 4;
    private static final int EXT_PARAMS = 8;

    private Notifications() {
    }

    /**
     * @param count {@code cNotif}, read as 32-bit unsigned
     * @param array the first NOTIFICATION
     * @return the notifications a session sends (critical errors and extended ones); others are skipped
     */
    static List<Notification> read(int count, long array) {
        if (array == 0 || count == 0) {
            return List.of();
        }
        long n = count & 0xFFFFFFFFL;
        List<Notification> result = new ArrayList<>((int) Math.min(n, 16));
        for (long i = 0; i < n; i++) {
            long item = array + i * STRIDE;
            int type = B.getInt(item);
            long info = item + INFO;
            if (type == MapiConstants.FNEV_CRITICAL_ERROR) {
                result.add(error(info));
            } else if (type == MapiConstants.FNEV_EXTENDED) {
                result.add(extended(info));
            } else {
                LOG.debug("Skipping a notification of type 0x{} a session does not send", Integer.toHexString(type));
            }
        }
        return result;
    }

    private static ErrorNotification error(long info) {
        byte[] entryId = bytesOrNull(B.getAddress(info + ERR_ENTRYID), B.getInt(info + ERR_CB));
        return new ErrorNotification(entryId, B.getInt(info + ERR_SCODE), B.getInt(info + ERR_FLAGS),
                mapiError(B.getAddress(info + ERR_ERROR), false));
    }

    private static ExtendedNotification extended(long info) {
        byte[] parameters = bytesOrNull(B.getAddress(info + EXT_PARAMS), B.getInt(info + EXT_CB));
        return new ExtendedNotification(B.getInt(info + EXT_EVENT), parameters);
    }

    /**
     * Reads a MAPIERROR: ulVersion 0, lpszError PS, lpszComponent 2PS, ulLowLevelError 3PS,
     * ulContext 3PS+4 (spec A.9).
     *
     * @param error the structure, may be 0
     * @param unicode whether its strings are UTF-16 ({@code MAPI_UNICODE})
     * @return the record, or {@code null}
     */
    static MapiError mapiError(long error, boolean unicode) {
        if (error == 0) {
            return null;
        }
        return new MapiError(B.getInt(error), Abi.readTstr(B.getAddress(error + PS), unicode),
                Abi.readTstr(B.getAddress(error + 2L * PS), unicode), B.getInt(error + 3L * PS),
                B.getInt(error + 3L * PS + 4));
    }

    private static byte[] bytesOrNull(long p, int cb) {
        if (p == 0 || cb == 0) {
            return null;
        }
        return Abi.bytes(p, cb);
    }
}
