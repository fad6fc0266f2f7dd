package org.mapi4j.tck.broken.general;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;

import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks GEN-4: a rejected Logoff adds a reference to the handle. */
public final class Gen4RejectionLeaksReference extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Gen4RejectionLeaksReference() {
        super(Rule.GEN_4, "a rejected Logoff adds a reference to the handle",
                "[rejected Logoff keeps the reference count and the registrations] GEN-4: rejected logoff calls changed the reference count: after addRef(), two rejected logoff calls and release() the count must be 1 but release() returned 3");
    }

    @Override
    protected int afterLogoff(DelegatingSession s, int hr, int flags, int reserved) {
        if (hr == MAPI_E_UNKNOWN_FLAGS || hr == MAPI_E_INVALID_PARAMETER) {
            s.delegate.addRef();
        }
        return hr;
    }
}
