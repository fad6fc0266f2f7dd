package org.mapi4j.bench.soak;

import org.mapi4j.provider.native_.reference.ReferenceLibrary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.provider.native_.NativeProvider;
import org.mapi4j.provider.native_.reference.ReferenceControl;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/**
 * One test's providers of one {@link Subject}: made initialized, and on {@link #close()} proven
 * clean (no session alive; for the native provider no native reference held and
 * {@code MAPI4J_LiveObjectCount() == 0}) and, for the native provider, the reference library put
 * back to its load-time state with {@code MAPI4J_ResetInstance} so the next test starts fresh.
 */
final class Rig implements AutoCloseable {

    /** A new individual session with the default profile (spec B.11). */
    static final int NEW_SESSION = MapiConstants.MAPI_EXTENDED | MapiConstants.MAPI_NEW_SESSION
            | MapiConstants.MAPI_USE_DEFAULT | MapiConstants.MAPI_NO_MAIL;
    /** A new session published as the shared session (LOGON-5). */
    static final int SHARE = NEW_SESSION | MapiConstants.MAPI_ALLOW_OTHERS;
    /** Joins the published shared session (LOGON-3). */
    static final int JOIN = MapiConstants.MAPI_EXTENDED | MapiConstants.MAPI_USE_DEFAULT | MapiConstants.MAPI_NO_MAIL;

    private final Subject subject;
    // Native objects alive before this test: a test that failed earlier may have left some behind
    // (MAPI4J_ResetInstance does not free what callers hold), and they must not be blamed on this one.
    private long baseline;
    private final List<MapiProvider> providers = new ArrayList<>();
    private final List<Boolean> initialized = new ArrayList<>();

    private Rig(Subject subject) {
        this.subject = subject;
    }

    /**
     * @param subject the provider kind
     * @return a rig with one initialized provider, {@link #provider()}
     */
    static Rig open(Subject subject) {
        Rig rig = new Rig(subject);
        if (subject == Subject.NATIVE) {
            NativeProvider probe = new NativeProvider();
            assertTrue(probe.availability().available(), () -> "the native provider must be available on this"
                    + " platform (mapi-native-reference on the class path): " + probe.availability().reason());
            control(probe).MAPI4J_ResetInstance();
            rig.baseline = control(probe).MAPI4J_LiveObjectCount().longValue();
        }
        rig.add();
        return rig;
    }

    /** @return the first provider, initialized, policy ALLOW so shared logoffs stay quiet */
    MapiProvider provider() {
        return providers.get(0);
    }

    /** @return another initialized provider of the same kind (for the native one: the same process MAPI) */
    MapiProvider add() {
        MapiProvider provider = subject.newProvider();
        assertEquals(HResult.S_OK, provider.initialize(null), "MAPIInitialize");
        provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        providers.add(provider);
        initialized.add(true);
        return provider;
    }

    /** Balances the initialize of {@code provider}: its last MAPIUninitialize (INIT-8). */
    void uninitialize(MapiProvider provider) {
        int index = providers.indexOf(provider);
        assertTrue(initialized.get(index), "uninitialized twice");
        provider.uninitialize();
        initialized.set(index, false);
    }

    /** Logs on and asserts {@code S_OK}. */
    static MapiSessionHandle logon(MapiProvider provider, int flags) {
        Out<MapiSessionHandle> out = new Out<>();
        int hr = provider.logon(0, null, null, flags, out);
        assertEquals(HResult.describe(HResult.S_OK), HResult.describe(hr), "MAPILogonEx");
        assertNotNull(out.get(), "MAPILogonEx S_OK without a handle");
        return out.get();
    }

    /** @return native objects made alive by this test in the reference library, 0 for the in-memory provider */
    long liveNativeObjects() {
        return subject == Subject.NATIVE ? control(provider()).MAPI4J_LiveObjectCount().longValue() - baseline : 0;
    }

    /** Asserts that no session or native object is alive while the providers are still initialized. */
    void assertNothingAlive(String when) {
        for (MapiProvider provider : providers) {
            if (provider instanceof InMemoryProvider inMemory) {
                assertEquals(0, inMemory.liveSessionCount(), "in-memory sessions alive " + when);
            } else if (provider instanceof NativeProvider nativeProvider) {
                assertEquals(0, nativeProvider.outstandingNativeObjects(), "native references held " + when);
            }
        }
        assertEquals(0L, liveNativeObjects(), "MAPI4J_LiveObjectCount() " + when);
    }

    /** Uninitializes what is still initialized, proves nothing leaked, resets the reference library. */
    @Override
    public void close() {
        try {
            assertNothingAlive("at the end of the test");
            for (int i = 0; i < providers.size(); i++) {
                if (initialized.get(i)) {
                    providers.get(i).uninitialize();
                    initialized.set(i, false);
                }
            }
            assertEquals(0L, liveNativeObjects(), "MAPI4J_LiveObjectCount() after the last MAPIUninitialize");
        } finally {
            if (subject == Subject.NATIVE) {
                control(provider()).MAPI4J_ResetInstance();
            }
        }
    }

    private static ReferenceControl control(MapiProvider provider) {
        return ReferenceLibrary.control(((NativeProvider) provider))
                .orElseThrow(() -> new AssertionError("the native library is not the mapi4j reference library"));
    }
}
