package org.mapi4j.spi;

import java.util.UUID;

/**
 * IUnknown: the three methods every MAPI object has (slots 0 to 2 of every vtable).
 *
 * <p>Reference counting is explicit, as in COM: an object is created with a count of 1, and the
 * call to {@link #release()} that brings it to 0 destroys it. After Logoff and after invalidation
 * {@link #addRef()} and {@link #release()} keep working (POSTLOGOFF-2/3, CHILD-1).
 */
public interface MapiUnknown {

    /**
     * IUnknown::QueryInterface.
     *
     * @param iid the interface identifier, see {@link Iids}
     * @param ppv receives the interface (with a reference added) or {@code null}
     * @return {@code S_OK}, {@code MAPI_E_INTERFACE_NOT_SUPPORTED}, or {@code MAPI_E_INVALID_OBJECT}
     *     on an invalidated object
     */
    int queryInterface(UUID iid, Out<Object> ppv);

    /**
     * IUnknown::AddRef.
     *
     * @return the new reference count (informational, as in COM)
     */
    int addRef();

    /**
     * IUnknown::Release. Works in every state.
     *
     * @return the new reference count; 0 means the object is destroyed
     */
    int release();
}
