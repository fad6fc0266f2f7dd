package org.mapi4j;

import org.mapi4j.spi.HResult;

/**
 * Told when another participant of a shared session logged off with {@code MAPI_LOGOFF_SHARED}
 * (SHARED-5): the session is ending and this client should log off.
 *
 * <p>Called on the provider's thread, possibly during the other participant's Logoff call. It may
 * call {@link MapiSession#logoff} or {@link MapiSession#close()} on the session it receives.
 */
@FunctionalInterface
public interface SharedLogoffListener {

    /**
     * Called once when another participant ends the shared session.
     *
     * @param session the session whose shared session is ending
     * @param scode the notification's {@code scode}, {@code MAPI_E_END_OF_SESSION} for the
     *     providers of mapi4j
     */
    void sharedSessionEnding(MapiSession session, HResult scode);
}
