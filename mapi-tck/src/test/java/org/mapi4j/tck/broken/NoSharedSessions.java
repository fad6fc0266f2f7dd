package org.mapi4j.tck.broken;

import static org.mapi4j.spi.MapiConstants.MAPI_ALLOW_OTHERS;
import static org.mapi4j.spi.MapiConstants.MAPI_NEW_SESSION;

import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/**
 * No shared sessions at all: every logon is a new, individual session. Not one rule's breakage: it
 * must fail the shared-session rules only.
 */
public final class NoSharedSessions extends Breakage {

    /** No single rule, so no single failure. */
    public NoSharedSessions() {
        super(null, "every logon creates a new individual session: no publishing, no joining", null);
    }

    @Override
    protected int logon(DelegatingProvider p, long ui, String profile, String password, int flags,
            Out<MapiSessionHandle> out) {
        return super.logon(p, ui, profile, password, (flags & ~MAPI_ALLOW_OTHERS) | MAPI_NEW_SESSION, out);
    }
}
