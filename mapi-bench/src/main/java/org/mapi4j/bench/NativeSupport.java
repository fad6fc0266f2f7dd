package org.mapi4j.bench;

import org.mapi4j.provider.native_.reference.ReferenceLibrary;
import org.mapi4j.spi.HResult;
import org.mapi4j.provider.native_.NativeProvider;
import org.mapi4j.provider.native_.reference.ReferenceControl;

/** Setting up and tearing down the native provider over the reference library in a benchmark trial. */
final class NativeSupport {

    private NativeSupport() {
    }

    /** @return an initialized native provider over a freshly reset reference library */
    static NativeProvider provider() {
        NativeProvider provider = new NativeProvider();
        if (!provider.availability().available()) {
            throw new IllegalStateException("native provider unavailable: " + provider.availability().reason());
        }
        control(provider).MAPI4J_ResetInstance();
        check(provider.initialize(null), "MAPIInitialize");
        return provider;
    }

    /** Uninitializes and throws if a native object is still alive (a leak would flatter the numbers). */
    static void close(NativeProvider provider) {
        provider.uninitialize();
        long live = control(provider).MAPI4J_LiveObjectCount().longValue();
        if (live != 0 || provider.outstandingNativeObjects() != 0) {
            throw new IllegalStateException("native objects leaked: " + live + " alive in the library, "
                    + provider.outstandingNativeObjects() + " held by the provider");
        }
    }

    static ReferenceControl control(NativeProvider provider) {
        return ReferenceLibrary.control(provider)
                .orElseThrow(() -> new IllegalStateException("the MAPI library is not the mapi4j reference library"));
    }

    static void check(int hr, String what) {
        if (hr != HResult.S_OK) {
            throw new IllegalStateException(what + " returned " + HResult.describe(hr));
        }
    }
}
