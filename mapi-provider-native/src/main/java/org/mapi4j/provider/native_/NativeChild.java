package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;

import com.sun.jna.Pointer;
import java.util.UUID;
import org.mapi4j.spi.ChildGuard;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.SessionGuard;

/**
 * What every native object opened through a session shares: the {@link ChildGuard} in front of
 * every call (CHILD-1), one native reference that the Java object's final Release gives up
 * exactly once, and IUnknown answered in Java (the Java object owns exactly one native
 * reference; AddRef and Release count in Java).
 */
abstract class NativeChild implements MapiUnknown {

    final NativeProvider provider;
    final ComObject com;
    private final ChildGuard child;
    private final UUID iid;

    /**
     * @param provider the provider
     * @param session the guard of the session that opened it
     * @param self the interface pointer; this object takes over its one reference
     * @param slotCount the number of slots of the interface
     * @param iid the interface's IID, or {@code null} if only IUnknown is known
     */
    NativeChild(NativeProvider provider, SessionGuard session, Pointer self, int slotCount, UUID iid) {
        this.provider = provider;
        this.com = new ComObject(self, slotCount, provider.outstanding(), provider.vtables());
        this.child = session.newChild(com::release);
        this.iid = iid;
    }

    /**
     * The state check, then the pin on the native object; call {@link #end()} after a success.
     *
     * @return {@code S_OK}, or {@code MAPI_E_INVALID_OBJECT}
     */
    final int begin() {
        int hr = child.enter();
        if (hr != S_OK) {
            return hr;
        }
        return com.enter() ? S_OK : MAPI_E_INVALID_OBJECT;
    }

    /** Ends a call begun with {@link #begin()}. */
    final void end() {
        com.exit();
    }

    @Override
    public int queryInterface(UUID requested, Out<Object> ppv) {
        if (ppv != null) {
            ppv.set(null);
        }
        if (requested == null || ppv == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (Iids.IID_IUNKNOWN.equals(requested) || requested.equals(iid)) {
            child.addRef();
            ppv.set(this);
            return S_OK;
        }
        return MAPI_E_INTERFACE_NOT_SUPPORTED;
    }

    @Override
    public int addRef() {
        return child.addRef();
    }

    @Override
    public int release() {
        return child.release();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + com + "]";
    }
}
