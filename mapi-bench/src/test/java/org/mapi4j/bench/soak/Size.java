package org.mapi4j.bench.soak;

/**
 * How big the soak, fuzz and race tests are: bounded by default, so that {@code mvn verify} stays
 * fast, and full with {@code -Dmapi4j.soak.full=true} (BENCH.md).
 */
final class Size {

    /** The system property that selects the full sizes. */
    static final String FULL_PROPERTY = "mapi4j.soak.full";

    private Size() {
    }

    static boolean full() {
        return Boolean.getBoolean(FULL_PROPERTY);
    }

    /** @return {@code full} when the full run was asked for, else {@code bounded} */
    static int of(int bounded, int full) {
        return full() ? full : bounded;
    }
}
