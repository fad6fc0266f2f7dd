package org.mapi4j;

import org.mapi4j.spi.MapiConstants;
import java.util.Collection;

/** The flags of {@code MAPIINIT_0.ulFlags} for MAPIInitialize (spec A.6). */
public enum InitFlag {
    /** {@code MAPI_MULTITHREAD_NOTIFICATIONS}: a dedicated notification thread. */
    MULTITHREAD_NOTIFICATIONS(MapiConstants.MAPI_MULTITHREAD_NOTIFICATIONS),
    /** {@code MAPI_NO_COINIT}: MAPI does not call CoInitialize. */
    NO_COINIT(MapiConstants.MAPI_NO_COINIT),
    /** {@code MAPI_NT_SERVICE}: the caller is a Windows service. */
    NT_SERVICE(MapiConstants.MAPI_NT_SERVICE);

    private final int value;

    InitFlag(int value) {
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
    public static int bits(Collection<InitFlag> flags) {
        int bits = 0;
        for (InitFlag flag : flags) {
            bits |= flag.value;
        }
        return bits;
    }
}
