package org.mapi4j.tck.broken.init;

import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_NT_SERVICE;

import org.mapi4j.spi.MapiInit;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;

/** Breaks INIT-2: MAPIInitialize with MAPI_NT_SERVICE returns MAPI_E_UNKNOWN_FLAGS. */
public final class Init2NtServiceRejected extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Init2NtServiceRejected() {
        super(Rule.INIT_2, "MAPIInitialize with MAPI_NT_SERVICE returns MAPI_E_UNKNOWN_FLAGS",
                "[initialize({0, 0x00010000})] INIT-2: initialize({0, 0x00010000}) expected S_OK (0x00000000) but was MAPI_E_UNKNOWN_FLAGS (0x80040106)");
    }

    @Override
    protected int initialize(DelegatingProvider p, MapiInit init) {
        return init != null && (init.flags() & MAPI_NT_SERVICE) != 0 ? MAPI_E_UNKNOWN_FLAGS : super.initialize(p, init);
    }
}
