package org.mapi4j.spi;

/**
 * The machine's fast-shutdown policy (spec A.11, the {@code FastShutdownBehavior} registry value),
 * which decides what QueryFastShutdown and DoFastShutdown answer (FAST-2, FAST-4).
 */
public enum FastShutdownPolicy {

    /** Value 0, the default: fast shutdown unless a service provider opts out of it. */
    UNLESS_A_PROVIDER_OPTS_OUT(0),

    /** Value 1: fast shutdown only if every service provider supports it. */
    ONLY_IF_EVERY_PROVIDER_SUPPORTS_IT(1),

    /** Value 2: fast shutdown is disabled; QueryFastShutdown and DoFastShutdown answer {@code MAPI_E_NO_SUPPORT}. */
    DISABLED(2);

    private final int registryValue;

    FastShutdownPolicy(int registryValue) {
        this.registryValue = registryValue;
    }

    /** {@return the {@code FastShutdownBehavior} registry value: 0, 1 or 2} */
    public int registryValue() {
        return registryValue;
    }
}
