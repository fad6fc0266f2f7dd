package org.mapi4j.examples.thirdparty;

import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.MAPI_W_ERRORS_RETURNED;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.support.AbstractProp;
import org.mapi4j.spi.support.AbstractSessionHandle;

/**
 * A message store or the profile section: a fixed list of properties. Its skeleton makes it answer
 * {@code MAPI_E_INVALID_OBJECT} once its session left {@code LOGGED_ON} (CHILD-1).
 */
final class SampleProp extends AbstractProp {

    private static final int PT_ERROR = 0x000A;

    private final List<PropValue> properties;

    SampleProp(AbstractSessionHandle session, List<PropValue> properties) {
        super(session);
        this.properties = List.copyOf(properties);
    }

    @Override
    protected int doGetProps(int[] tags, int flags, Out<List<PropValue>> values) {
        if (tags == null) {
            values.set(properties);
            return S_OK;
        }
        // As IMAPIProp::GetProps: a missing property comes back as PT_ERROR with its scode.
        List<PropValue> found = new ArrayList<>(tags.length);
        int hr = S_OK;
        for (int tag : tags) {
            PropValue value = properties.stream().filter(p -> p.tag() == tag).findFirst().orElse(null);
            if (value == null) {
                value = new PropValue((tag & 0xFFFF0000) | PT_ERROR, MAPI_E_NOT_FOUND);
                hr = MAPI_W_ERRORS_RETURNED;
            }
            found.add(value);
        }
        values.set(List.copyOf(found));
        return hr;
    }
}
