/**
 * The provider SPI: what a MAPI provider implements ({@link org.mapi4j.spi.MapiProvider},
 * {@link org.mapi4j.spi.MapiSessionHandle} and the objects it hands out) and the values it receives
 * and returns ({@link org.mapi4j.spi.HResult}, {@link org.mapi4j.spi.MapiConstants}, ...).
 *
 * <p>The SPI mirrors MAPI's C interface so that the TCK can pass exactly what a C caller could:
 * methods return HRESULTs and never throw; a required out-parameter that is {@code null} gives
 * {@code MAPI_E_INVALID_PARAMETER}. Rule IDs (such as {@code LOGOFF-FLAGS-2}), "decision N" and
 * "spec A.n"/"B.n" in this documentation refer to the mapi4j specification,
 * {@link org.mapi4j.spi.Specification#LOCATION}.
 *
 * <p><b>Stability.</b> SPI: it changes compatibly within a major version, except that interfaces a
 * provider implements may gain methods with defaults.
 */
package org.mapi4j.spi;
