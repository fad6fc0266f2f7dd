package org.mapi4j.provider.inmemory;

import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.support.AbstractProp;
import org.mapi4j.spi.support.AbstractSessionHandle;

/**
 * An object with fixed properties (a message store, a profile section); invalid once its session
 * logs off (CHILD-1).
 */
final class PropObject extends AbstractProp {

    private final List<PropValue> properties;

    PropObject(AbstractSessionHandle session, List<PropValue> properties) {
        super(session);
        this.properties = List.copyOf(properties);
    }

    @Override
    protected int doGetProps(int[] tags, int flags, Out<List<PropValue>> values) {
        if (tags == null) {
            values.set(properties);
            return S_OK;
        }
        List<PropValue> found = new ArrayList<>(tags.length);
        for (int tag : tags) {
            found.add(find(tag));
        }
        values.set(List.copyOf(found));
        return S_OK;
    }

    // An absent property comes back with a null value.
    private PropValue find(int tag) {
        for (PropValue property : properties) {
            if (property.tag() == tag) {
                return property;
            }
        }
        return new PropValue(tag, null);
    }
}
