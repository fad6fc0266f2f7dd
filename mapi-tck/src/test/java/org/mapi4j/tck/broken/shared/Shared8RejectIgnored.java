package org.mapi4j.tck.broken.shared;

import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;

import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;

/** Breaks SHARED-8: SharedLogoffPolicy.REJECT behaves as WARN. */
public final class Shared8RejectIgnored extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Shared8RejectIgnored() {
        super(Rule.SHARED_8, "SharedLogoffPolicy.REJECT behaves as WARN",
                "[REJECT on a shared session] SHARED-8: logoff(0, MAPI_LOGOFF_SHARED, 0) under SharedLogoffPolicy.REJECT expected MAPI_E_NO_ACCESS (0x80070005) but was S_OK (0x00000000)");
    }

    @Override
    protected SharedLogoffPolicy policy(SharedLogoffPolicy policy) {
        return policy == SharedLogoffPolicy.REJECT ? SharedLogoffPolicy.WARN : policy;
    }
}
