package org.mapi4j.provider.inmemory;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.ChildGuard;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.SessionGuard;

/**
 * An object with fixed properties (a message store, a profile section); invalid once its session
 * logs off (CHILD-1).
 */
final class PropObject implements MapiProp {

    private final ChildGuard guard;
    private final List<PropValue> properties;

    PropObject(SessionGuard session, List<PropValue> properties) {
        this.guard = session.newChild(null);
        this.properties = List.copyOf(properties);
    }

    @Override
    public int getProps(int[] tags, int flags, Out<List<PropValue>> values) {
        if (values != null) {
            values.set(null);
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
        List<PropValue> found = new ArrayList<>(tags.length);
        for (int tag : tags) {
            found.add(properties.stream().filter(p -> p.tag() == tag).findFirst().orElse(new PropValue(tag, null)));
        }
        values.set(List.copyOf(found));
        return S_OK;
    }

    @Override
    public int queryInterface(UUID iid, Out<Object> ppv) {
        return ChildObjects.queryInterface(guard, this, iid, ppv);
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
