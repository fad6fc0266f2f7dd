package org.mapi4j.provider.inmemory;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.UUID;
import org.mapi4j.spi.ChildGuard;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;

/** QueryInterface for child objects, which answer only IID_IUnknown. */
final class ChildObjects {

    private ChildObjects() {
    }

    static int queryInterface(ChildGuard guard, MapiUnknown self, UUID iid, Out<Object> ppv) {
        if (ppv != null) {
            ppv.set(null);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (iid == null || ppv == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (!Iids.IID_IUNKNOWN.equals(iid)) {
            return MAPI_E_INTERFACE_NOT_SUPPORTED;
        }
        self.addRef();
        ppv.set(self);
        return S_OK;
    }
}
