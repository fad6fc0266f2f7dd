package org.mapi4j.provider.native_.reference;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.mapi4j.provider.native_.NativeProvider;

/**
 * What only the mapi4j reference library has, apart from the MAPI API: its control exports, for this
 * project's tests and tools, and the emulation of a process restart after a fast shutdown. This
 * package is not exported by the module: it is not API.
 *
 * <p>A fast shutdown ends a process's MAPI for good (FAST-5). The reference library stands in for
 * that MAPI in a JVM that lives on (a test kit that certifies several providers in one run), so a
 * provider instance created or first initialized after another's fast shutdown starts the library
 * afresh, as a new process would; the provider that shut it down stays terminated. Real MAPI has no
 * such restart.
 */
public final class ReferenceLibrary {

    private static final AtomicLong FAST_SHUTDOWNS = new AtomicLong();
    private static final AtomicLong RESTARTS = new AtomicLong();
    // Answers a ReferenceControl or null; typed Object so that granting it never loads the JNA-based
    // interface (a JVM on the FFM binding may have no JNA).
    private static volatile Function<NativeProvider, Object> access;

    private ReferenceLibrary() {
    }

    /**
     * Gives this class access to a provider's control exports; called once, when the provider's
     * binding is first loaded.
     *
     * @param accessor the provider's control exports (a {@link ReferenceControl}), {@code null} for real MAPI,
     *     an unavailable library, or the FFM binding without JNA
     */
    public static void grant(Function<NativeProvider, Object> accessor) {
        access = Objects.requireNonNull(accessor, "accessor");
    }

    /**
     * @param provider a native provider
     * @return the reference library's control exports, empty when the library is real MAPI or not available
     */
    public static Optional<ReferenceControl> control(NativeProvider provider) {
        Objects.requireNonNull(provider, "provider");
        if (!provider.availability().available()) {
            return Optional.empty(); // no library, or no binding: the class that grants access never loaded
        }
        return Optional.ofNullable((ReferenceControl) access.apply(provider));
    }

    /** Records a successful DoFastShutdown on the reference library. */
    public static void fastShutdownHappened() {
        FAST_SHUTDOWNS.incrementAndGet();
    }

    /** @return whether a fast shutdown happened that no provider has restarted the library after yet */
    public static boolean restartPending() {
        return FAST_SHUTDOWNS.get() > RESTARTS.get();
    }

    /**
     * Starts the library afresh if a fast shutdown happened since the last restart; at most one
     * caller per fast shutdown does it.
     *
     * @param reset the library's {@code MAPI4J_ResetInstance}
     * @return whether this call restarted it
     */
    public static boolean restartIfPending(Runnable reset) {
        long shutdowns = FAST_SHUTDOWNS.get();
        long restarts = RESTARTS.get();
        if (shutdowns > restarts && RESTARTS.compareAndSet(restarts, shutdowns)) {
            reset.run();
            return true;
        }
        return false;
    }
}
