package org.mapi4j.spi;

/**
 * IMAPIClientShutdown (spec A.4, A.11), obtained by
 * {@code queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, ...)} on a logged-on session (FAST-1).
 *
 * <p>After {@link #doFastShutdown()} returned {@code S_OK} the provider instance is terminated: no
 * further MAPI call may be made, not even MAPIUninitialize (FAST-5).
 */
public interface ClientShutdown extends MapiUnknown {

    /** {@return {@code S_OK} if fast shutdown is possible, else {@code MAPI_E_NO_SUPPORT} (FAST-2)} */
    int queryFastShutdown();

    /** {@return {@code S_OK} always (FAST-3)} */
    int notifyProcessShutdown();

    /** {@return {@code S_OK} (the instance is now terminated) or {@code MAPI_E_NO_SUPPORT} (FAST-4)} */
    int doFastShutdown();
}
