package org.mapi4j.spi.support;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;

/** The skeleton of an IMAPIProp (a message store, a profile section): the outline of GetProps, over {@link AbstractChild}. */
public abstract class AbstractProp extends AbstractChild implements MapiProp {

    /** {@code IID_IMAPIProp}. */
    public static final UUID IID_IMAPIPROP = UUID.fromString("00020303-0000-0000-C000-000000000046");

    /**
     * Creates the object for the session it is opened through.
     *
     * @param session the handle it was opened through
     */
    protected AbstractProp(AbstractSessionHandle session) {
        super(session);
    }

    @Override
    protected UUID interfaceId() {
        return IID_IMAPIPROP;
    }

    /**
     * GetProps after validation.
     * @param tags the tags, {@code null} for all
     * @param flags flags
     * @param values not null
     * @return an HRESULT
     */
    protected int doGetProps(int[] tags, int flags, Out<List<PropValue>> values) {
        return MAPI_E_NO_SUPPORT;
    }

    @Override
    public final int getProps(int[] tags, int flags, Out<List<PropValue>> values) {
        if (values != null) {
            values.set(null);
        }
        int hr = checkLive();
        if (hr != S_OK) {
            return hr;
        }
        if ((flags & ~MapiConstants.MAPI_UNICODE) != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        return values == null ? MAPI_E_INVALID_PARAMETER : doGetProps(tags, flags, values);
    }
}
