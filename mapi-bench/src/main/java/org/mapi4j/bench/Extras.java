package org.mapi4j.bench;

import java.util.List;
import java.util.Map;
import org.mapi4j.provider.native_.NativeProvider;

/** Benchmarks that need more than the in-memory provider: the native provider and the C floor. */
final class Extras {

    private Extras() {
    }

    /** @return the native benchmark classes, or none (with a message) where the native provider is unavailable */
    static List<Class<?>> benchmarks() {
        NativeProvider probe = new NativeProvider();
        if (!probe.availability().available()) {
            System.err.println("Native benchmarks skipped: " + probe.availability().reason());
            return List.of();
        }
        return List.of(NativeBenchmarks.class, NativeCallbackBenchmarks.class);
    }

    /** The native provider's binding property ({@code ffm} or {@code jna}). */
    static final String BINDING_PROPERTY = "mapi4j.native.binding";

    /**
     * @return whether this JVM can run the native provider on FFM as well (JDK 22+ and the provider's
     *     jar has it): then the native benchmarks run once per binding
     */
    static boolean ffmAvailable() {
        if (Runtime.version().feature() < 22) {
            return false;
        }
        return NativeProvider.class.getClassLoader().getResource(
                "META-INF/versions/22/org/mapi4j/provider/native_/FfmBinding.class") != null;
    }

    /** @return the C floor, {@code "C floor.Cycle"} and {@code "C floor.CompareEntryIDs"} in ns */
    static Map<String, Double> cFloor(boolean quick) {
        return CFloor.measure(quick);
    }
}
