package org.mapi4j.examples.thirdparty;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.MAPI_W_ERRORS_RETURNED;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.ChildGuard;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;

/**
 * A message store or the profile section: a fixed list of properties. The {@link ChildGuard} makes
 * it answer {@code MAPI_E_INVALID_OBJECT} once its session left {@code LOGGED_ON} (CHILD-1).
 */
final class SampleProp implements MapiProp {

    private static final int PT_ERROR = 0x000A;

    private final ChildGuard guard;
    private final List<PropValue> properties;

    SampleProp(ChildGuard guard, List<PropValue> properties) {
        this.guard = guard;
        this.properties = List.copyOf(properties);
    }

    @Override
    public int getProps(int[] tags, int flags, Out<List<PropValue>> values) {
        if (values != null) {
            values.set(null); // a failing call leaves its out-parameter NULL (GEN-4)
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if ((flags & ~MapiConstants.MAPI_UNICODE) != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        if (values == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (tags == null) {
            values.set(properties);
            return S_OK;
        }
        // As IMAPIProp::GetProps: a missing property comes back as PT_ERROR with its scode.
        List<PropValue> found = new ArrayList<>(tags.length);
        hr = S_OK;
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

    @Override
    public int queryInterface(UUID iid, Out<Object> ppv) {
        return SampleStoresTable.queryUnknown(guard, this, iid, ppv);
    }

    @Override
    public int addRef() {
        return guard.addRef();
    }

    @Override
    public int release() {
        return guard.release();
    }
}
