package org.mapi4j.bench;

import java.util.List;
import java.util.Map;

/** Benchmarks that need more than the in-memory provider (the native provider, the C floor). */
final class Extras {

    private Extras() {
    }

    static List<Class<?>> benchmarks() {
        return List.of();
    }

    static Map<String, Double> cFloor() {
        return Map.of();
    }
}
