package org.mapi4j.provider.native_;

import org.mapi4j.provider.native_.reference.ReferenceControl;
import org.mapi4j.provider.native_.reference.ReferenceLibrary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/**
 * A native provider over the reference library from the class path, reset before each test, and the
 * proof after each test that nothing native leaked: {@code MAPI4J_LiveObjectCount() == 0}, no
 * native reference held by the provider, no native advise sink alive.
 */
abstract class ReferenceLibraryFixture {

    /** What every test logon passes (spec B.11: a new session, Extended MAPI, no mail). */
    static final int LOGON_DEFAULT = MapiConstants.MAPI_EXTENDED | MapiConstants.MAPI_NEW_SESSION
            | MapiConstants.MAPI_NO_MAIL | MapiConstants.MAPI_USE_DEFAULT;

    NativeProvider provider;
    ReferenceControl control;

    @BeforeEach
    void loadAndReset() {
        provider = new NativeProvider();
        assertTrue(provider.availability().available(), provider.availability().reason());
        control = ReferenceLibrary.control(provider).orElseThrow();
        control.MAPI4J_ResetInstance();
    }

    @AfterEach
    void nothingLeaked() {
        try {
            assertEquals(0, provider.outstandingNativeObjects(), "native references still held by the provider");
            assertEquals(0, NativeAdviseSink.liveCount(), "native advise sinks still alive");
            assertEquals(0L, control.MAPI4J_LiveObjectCount().longValue(), "native objects alive in the library");
        } finally {
            control.MAPI4J_ResetInstance();
        }
    }

    /** Initializes and asserts success. */
    void initialize() {
        assertEquals(HResult.S_OK, provider.initialize(null));
    }

    /** Logs on to the default profile and asserts success. */
    MapiSessionHandle logon(int flags) {
        Out<MapiSessionHandle> out = new Out<>();
        int hr = provider.logon(0, null, null, flags, out);
        assertEquals(HResult.S_OK, hr, () -> HResult.describe(hr));
        assertNotNull(out.get());
        return out.get();
    }

    static void assertHr(int expected, int actual) {
        assertEquals(HResult.describe(expected), HResult.describe(actual));
    }
}
