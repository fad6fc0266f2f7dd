package org.mapi4j.tck.broken.postlogoff;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;

import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks POSTLOGOFF-4: QueryInterface after Logoff returns MAPI_E_INTERFACE_NOT_SUPPORTED. */
public final class PostLogoff4QiNotSupported extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public PostLogoff4QiNotSupported() {
        super(Rule.POSTLOGOFF_4, "QueryInterface after Logoff returns MAPI_E_INTERFACE_NOT_SUPPORTED",
                "[queryInterface(00000000-0000-0000-c000-000000000046) after logoff(0, 0, 0)] POSTLOGOFF-4: queryInterface(00000000-0000-0000-c000-000000000046) after logoff(0, 0, 0) expected MAPI_E_INVALID_OBJECT (0x80040108) but was MAPI_E_INTERFACE_NOT_SUPPORTED (0x80004002)");
    }

    @Override
    protected int afterQueryInterface(DelegatingSession session, int hr, Out<Object> ppv) {
        return hr == MAPI_E_INVALID_OBJECT && ppv != null && !session.destroyed ? MAPI_E_INTERFACE_NOT_SUPPORTED : hr;
    }
}
