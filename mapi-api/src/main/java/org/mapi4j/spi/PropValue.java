package org.mapi4j.spi;

/**
 * SPropValue: a property tag and its value ({@code String}, {@code byte[]}, {@code Boolean},
 * {@code Integer} or {@code Long}).
 *
 * @param tag the property tag, see {@link PropTags}
 * @param value the value
 */
public record PropValue(int tag, Object value) {
}
