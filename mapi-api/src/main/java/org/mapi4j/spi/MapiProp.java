package org.mapi4j.spi;

import java.util.List;

/**
 * The part of IMAPIProp a session's objects offer (message stores, profile sections). Once the
 * session that opened it leaves {@code LOGGED_ON}, every method except the IUnknown ones returns
 * {@code MAPI_E_INVALID_OBJECT} (CHILD-1).
 */
public interface MapiProp extends MapiUnknown {

    /**
     * IMAPIProp::GetProps.
     *
     * @param tags the property tags wanted, {@code null} for all
     * @param flags {@code MAPI_UNICODE} or 0
     * @param values receives the values, in the order of {@code tags}
     * @return an HRESULT
     */
    int getProps(int[] tags, int flags, Out<List<PropValue>> values);
}
