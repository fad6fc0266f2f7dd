package org.mapi4j.provider.native_;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses this JVM's {@link Binding}, once: the system property {@value #PROPERTY} ({@code ffm} or
 * {@code jna}) when set; otherwise FFM on JDK 22 and later where the jar carries the FFM classes
 * and the platform's linker supports the MAPI calling convention, else JNA.
 *
 * <p>Why one per JVM: MAPI is one per process, and the JIT then sees a single binding at every
 * call site. Why the FFM class is found by name: it is compiled for JDK 22 into
 * {@code META-INF/versions/22} of the jar, invisible on older JDKs, and this class must load on JDK 17.
 * The choice is logged once at INFO; a failure (a bad property value, a forced binding that cannot
 * run here, JNA missing) is reported as the provider's unavailability, never thrown.
 */
final class BindingChoice {

    /** The system property that forces a binding. */
    static final String PROPERTY = "mapi4j.native.binding";
    /** The first JDK whose FFM API is final. */
    static final int FFM_JDK = 22;
    private static final String FFM_CLASS = "org.mapi4j.provider.native_.FfmBinding";
    private static final Logger LOG = LoggerFactory.getLogger(BindingChoice.class);

    private static Binding chosen;

    private BindingChoice() {
    }

    /**
     * @return this JVM's binding, chosen on the first call
     * @throws NativeBinding.Unavailable why no binding can be used (asked again on the next call)
     */
    static synchronized Binding choose() throws NativeBinding.Unavailable {
        if (chosen == null) {
            chosen = make(System.getProperty(PROPERTY));
            LOG.info("mapi4j native provider: {}", chosen.description());
        }
        return chosen;
    }

    /** {@return the binding chosen already} */
    static Binding current() {
        try {
            return choose();
        } catch (NativeBinding.Unavailable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // Package-private for the tests: the choice for a value of the property, without memoizing it.
    static Binding make(String forced) throws NativeBinding.Unavailable {
        int jdk = Runtime.version().feature();
        if (forced == null || forced.isBlank()) {
            if (jdk >= FFM_JDK && !stdcallPlatform()) {
                try {
                    return ffm("default on JDK " + jdk);
                } catch (NativeBinding.Unavailable e) {
                    LOG.info("mapi4j native provider: FFM cannot be used ({}); using JNA", e.getMessage());
                    return jna("FFM cannot be used here: " + e.getMessage());
                }
            }
            return jna(stdcallPlatform() && jdk >= FFM_JDK
                    ? "32-bit Windows: MAPI is stdcall there, which FFM's linker cannot call"
                    : "default on JDK " + jdk + " (FFM needs JDK " + FFM_JDK + " or later)");
        }
        switch (forced.strip().toLowerCase(Locale.ROOT)) {
            case "ffm":
                if (jdk < FFM_JDK) {
                    throw new NativeBinding.Unavailable(PROPERTY + "=ffm needs JDK " + FFM_JDK
                            + " or later (java.lang.foreign); this JVM is JDK " + jdk
                            + ". Remove the property to use JNA.");
                }
                if (stdcallPlatform()) {
                    throw new NativeBinding.Unavailable(PROPERTY + "=ffm: MAPI is stdcall on 32-bit Windows, which"
                            + " FFM's linker cannot call. Remove the property to use JNA.");
                }
                return ffm(PROPERTY + "=ffm");
            case "jna":
                return jna(PROPERTY + "=jna");
            default:
                throw new NativeBinding.Unavailable("the system property " + PROPERTY + " is '" + forced
                        + "'; it must be 'ffm' (JDK " + FFM_JDK + "+) or 'jna', or unset to choose by the JDK.");
        }
    }

    private static Binding ffm(String why) throws NativeBinding.Unavailable {
        Class<?> type;
        try {
            type = Class.forName(FFM_CLASS, true, BindingChoice.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new NativeBinding.Unavailable("this mapi-provider-native jar has no FFM binding (it was built"
                    + " without a JDK " + FFM_JDK + "+, or its classes are not loaded from the multi-release jar)");
        } catch (LinkageError e) {
            throw new NativeBinding.Unavailable("the FFM binding could not be loaded: " + e);
        }
        try {
            return (Binding) type.getDeclaredConstructor(String.class).newInstance(why);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NativeBinding.Unavailable) {
                throw (NativeBinding.Unavailable) cause;
            }
            throw new NativeBinding.Unavailable("the FFM binding could not be started: " + cause);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new NativeBinding.Unavailable("the FFM binding could not be started: " + e);
        }
    }

    private static Binding jna(String why) throws NativeBinding.Unavailable {
        try {
            return new JnaBinding(why);
        } catch (LinkageError | RuntimeException e) {
            // JNA itself could not start: its jar is missing, or its native part could not be unpacked.
            throw new NativeBinding.Unavailable("JNA (net.java.dev.jna:jna) could not be started: " + e
                    + ". Put jna on the class path; if it cannot unpack its native part, set -Djna.tmpdir to a"
                    + " writable directory" + (Runtime.version().feature() >= FFM_JDK
                            ? "; or use FFM (" + PROPERTY + "=ffm)." : "."));
        }
    }

    /** 32-bit Windows, where MAPI's functions are stdcall (ABI-2). */
    static boolean stdcallPlatform() {
        String arch = System.getProperty("os.arch", "");
        return System.getProperty("os.name", "").startsWith("Windows")
                && ("32".equals(System.getProperty("sun.arch.data.model")) || arch.equals("x86")
                        || arch.matches("i[3-6]86"));
    }
}
