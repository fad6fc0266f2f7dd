/**
 * The application API: {@link org.mapi4j.Mapi} selects a provider, {@link org.mapi4j.MapiSubsystem}
 * is an initialized MAPI, {@link org.mapi4j.MapiSession} a logged-on session; failures are
 * {@link org.mapi4j.MapiException}s that name the HRESULT and the rule of the specification
 * ({@link org.mapi4j.spi.Specification#LOCATION}).
 *
 * <p><b>Nullness.</b> A parameter accepts {@code null} only where its documentation says so. Any other
 * {@code null} argument throws {@link java.lang.NullPointerException} whose message is the
 * parameter's name, as {@link java.util.Objects#requireNonNull(Object, String)} does. No method
 * returns {@code null}; an absent value is an empty {@link java.util.Optional} or collection.
 *
 * <p>Rule IDs (such as {@code POSTLOGOFF-1}), "decision N" and "spec A.n"/"B.n" in this documentation
 * refer to the mapi4j specification at {@link org.mapi4j.spi.Specification#LOCATION}; each rule's
 * entry is at {@link org.mapi4j.spi.Specification#link(String)}.
 *
 * <p><b>Stability.</b> This package is API: it changes compatibly within a major version.
 */
package org.mapi4j;
