package org.mapi4j.tck.broken.general;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks GEN-3: QueryInterface hands out the session for an interface it does not implement. */
public final class Gen3AnyInterfaceIsTheSession extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Gen3AnyInterfaceIsTheSession() {
        super(Rule.GEN_3, "QueryInterface answers S_OK and the session for an IID it does not implement",
                "[queryInterface with an IID the session does not implement: MAPI_E_INTERFACE_NOT_SUPPORTED] GEN-3:"
                        + " queryInterface(an IID no MAPI interface has, &obj) expected MAPI_E_INTERFACE_NOT_SUPPORTED"
                        + " (0x80004002) but was S_OK (0x00000000)");
    }

    @Override
    protected int afterQueryInterface(DelegatingSession session, int hr, Out<Object> ppv) {
        if (hr != MAPI_E_INTERFACE_NOT_SUPPORTED || ppv == null) {
            return hr;
        }
        session.addRef();
        ppv.set(session);
        return S_OK;
    }
}
