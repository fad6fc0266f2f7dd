package org.mapi4j.spi;

/**
 * MAPIERROR: the extended error information of GetLastError and of an error notification.
 *
 * @param version the structure version
 * @param error the error text, may be {@code null}
 * @param component the component that failed, may be {@code null}
 * @param lowLevelError a low-level error code
 * @param context where in the component the error happened
 */
public record MapiError(int version, String error, String component, int lowLevelError, int context) {
}
