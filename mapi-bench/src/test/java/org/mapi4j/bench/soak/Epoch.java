package org.mapi4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;

/**
 * A LOGGED_ON handle under fuzz, from its logon to the Logoff that the oracle accepts: the target
 * handle with a session-level registration, and in a shared session a second participant (the
 * peer) with its own, which must hear nothing until an accepted {@code MAPI_LOGOFF_SHARED}.
 */
final class Epoch {

    final MapiSessionHandle target;
    final CountingSink targetSink = new CountingSink();
    long connection;
    /** The other participant of the shared session, or {@code null} for an individual session. */
    final MapiSessionHandle peer;
    final CountingSink peerSink = new CountingSink();

    private Epoch(MapiSessionHandle target, MapiSessionHandle peer) {
        this.target = target;
        this.peer = peer;
    }

    /**
     * Logs on (publishing a shared session and joining it when {@code shared}) and registers the sinks.
     * Only critical errors are asked for, so the optional fnevExtended of LOGOFF-4 never counts.
     */
    static Epoch open(MapiProvider provider, boolean shared) {
        MapiSessionHandle target = Rig.logon(provider, shared ? Rig.SHARE : Rig.NEW_SESSION);
        MapiSessionHandle peer = shared ? Rig.logon(provider, Rig.JOIN) : null;
        Epoch epoch = new Epoch(target, peer);
        epoch.connection = advise(target, epoch.targetSink);
        if (peer != null) {
            advise(peer, epoch.peerSink);
        }
        return epoch;
    }

    /** Re-registers the target's sink after its registration was proven alive by Unadvise. */
    void readvise() {
        connection = advise(target, targetSink);
    }

    /** Ends the epoch after the target was logged off: the peer logs off plainly, both are released. */
    void close() {
        assertEquals(0, target.release(), "final Release of the target");
        if (peer != null) {
            assertEquals(HResult.describe(HResult.S_OK), HResult.describe(peer.logoff(0, 0, 0)), "peer Logoff(0,0,0)");
            assertEquals(0, peer.release(), "final Release of the peer");
        }
    }

    private static long advise(MapiSessionHandle handle, CountingSink sink) {
        LongOut connection = new LongOut();
        int hr = handle.advise(null, MapiConstants.FNEV_CRITICAL_ERROR, sink, connection);
        assertEquals(HResult.describe(HResult.S_OK), HResult.describe(hr), "Advise");
        return connection.get();
    }
}
