package org.mapi4j.tck.broken.logon;

import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_ALLOW_OTHERS;
import static org.mapi4j.spi.MapiConstants.MAPI_NEW_SESSION;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks LOGON-5: every new session is published, MAPI_ALLOW_OTHERS or not. */
public final class Logon5EveryNewSessionPublished extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Logon5EveryNewSessionPublished() {
        super(Rule.LOGON_5, "every new session is published, MAPI_ALLOW_OTHERS or not",
                "[without MAPI_ALLOW_OTHERS nothing is published] LOGON-5: a logon without MAPI_ALLOW_OTHERS published its session");
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        int wider = (flags & MAPI_NEW_SESSION) != 0 ? flags | MAPI_ALLOW_OTHERS : flags;
        int hr = p.delegate.logon(ui, profile, password, wider, out);
        if (hr == S_OK && out.get() != null) {
            DelegatingSession wrapped = p.newSession(out.get(), flags, profile);
            p.sessions.add(wrapped);
            out.set(wrapped);
        }
        return hr;
    }
}
