package org.mapi4j.spi;

import java.util.Objects;

/**
 * Whether a provider can be used here, and if not, why. A provider reports this instead of
 * throwing (for example {@code UnsatisfiedLinkError}) when it is loaded.
 *
 * @param available whether the provider can be used
 * @param reason why it cannot, or a short description of what it found; never {@code null}
 */
public record Availability(boolean available, String reason) {

    /**
     * Checks the reason.
     *
     * @param available whether the provider can be used
     * @param reason why it cannot, or what it found; not {@code null}
     */
    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * An available result.
     *
     * @param description what the provider found, e.g. the library path
     * @return an available result
     */
    public static Availability available(String description) {
        return new Availability(true, description);
    }

    /**
     * An available result.
     *
     * @param reason what is missing and how to fix it
     * @return an unavailable result
     */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
