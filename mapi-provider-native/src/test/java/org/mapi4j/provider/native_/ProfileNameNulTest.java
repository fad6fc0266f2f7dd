package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;

import org.junit.jupiter.api.Test;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/**
 * LOGON-2 with spec decision 8: a profile name that contains U+0000 fails with
 * MAPI_E_LOGON_FAILED; it is never cut at the NUL, although a C string would end there.
 */
class ProfileNameNulTest extends ReferenceLibraryFixture {

    private static final int NEW = MapiConstants.MAPI_EXTENDED | MapiConstants.MAPI_NEW_SESSION;

    @Test
    void logon2AProfileNameWithANulIsRefusedNotCut() {
        initialize();
        for (int flags : new int[] {NEW, NEW | MapiConstants.MAPI_UNICODE}) {
            Out<MapiSessionHandle> out = new Out<>();
            assertHr(MAPI_E_LOGON_FAILED, provider.logon(0, "Default\0junk", null, flags, out));
            assertNull(out.get());
            assertHr(MAPI_E_LOGON_FAILED, provider.logon(0, "\0", null, flags | MapiConstants.MAPI_USE_DEFAULT, out));
            assertNull(out.get());
        }
        provider.uninitialize();
    }
}
