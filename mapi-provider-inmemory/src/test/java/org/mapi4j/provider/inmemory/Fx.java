package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/** Test fixture: one initialized in-memory provider; {@link #close()} uninitializes it completely. */
final class Fx implements AutoCloseable {

    final InMemoryProvider provider;

    Fx() {
        this(new InMemoryProvider());
    }

    Fx(InMemoryProvider provider) {
        this.provider = provider;
        assertEquals(Hr.S_OK, provider.initialize(null));
    }

    /** A logon that must succeed. */
    InMemorySessionHandle logon(String profile, int flags) {
        Out<MapiSessionHandle> out = new Out<>();
        int hr = provider.logon(0, profile, null, flags, out);
        assertEquals(Hr.S_OK, hr, () -> "logon(" + profile + ", 0x" + Integer.toHexString(flags) + ")");
        assertNotNull(out.get());
        return (InMemorySessionHandle) out.get();
    }

    /** A new individual session on the default profile. */
    InMemorySessionHandle individual() {
        return logon(null, Hr.USE_DEFAULT | Hr.NEW_SESSION | Hr.EXTENDED);
    }

    /** A new session published as the shared one (if nothing is published yet). */
    InMemorySessionHandle publish() {
        return logon(null, Hr.USE_DEFAULT | Hr.NEW_SESSION | Hr.ALLOW_OTHERS | Hr.EXTENDED);
    }

    /** A logon without NEW_SESSION: joins the published session. */
    InMemorySessionHandle join() {
        return logon(null, Hr.EXTENDED);
    }

    /** Advises a session-level sink for critical errors and extended events, must succeed. */
    static long advise(MapiSessionHandle handle, RecordingSink sink) {
        LongOut connection = new LongOut();
        assertEquals(Hr.S_OK, handle.advise(null, Hr.FNEV_CRITICAL_ERROR | Hr.FNEV_EXTENDED, sink, connection));
        return connection.get();
    }

    @Override
    public void close() {
        provider.setLogoffConfirmation(null);
        while (provider.initCount() > 0) {
            provider.uninitialize();
        }
    }
}
