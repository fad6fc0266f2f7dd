package org.mapi4j;

import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.MapiConstants;
import java.util.Collection;

/** The flags of IMAPISession::Logoff (spec A.6). */
public enum LogoffFlag {
    /** {@code MAPI_LOGOFF_SHARED}: tell the other users of a shared session to log off (SHARED-5). */
    SHARED(MapiConstants.MAPI_LOGOFF_SHARED),
    /** {@code MAPI_LOGOFF_UI}: UI may be shown; mapi4j asks the {@link LogoffConfirmation}. */
    UI(MapiConstants.MAPI_LOGOFF_UI);

    private final int value;

    LogoffFlag(int value) {
        this.value = value;
    }

    /** {@return the bit this flag stands for} */
    public int value() {
        return value;
    }

    /**
     * Combines flags into the {@code ulFlags} bit set.
     *
     * @param flags the flags; none means 0
     * @return the bit set
     */
    public static int bits(Collection<LogoffFlag> flags) {
        int bits = 0;
        for (LogoffFlag flag : flags) {
            bits |= flag.value;
        }
        return bits;
    }
}
