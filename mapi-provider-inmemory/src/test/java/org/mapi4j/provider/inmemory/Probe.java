package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;

/**
 * Observes everything a rejected call must leave alone (GEN-4): the handle's state and reference
 * count, its advise registration and sink, an open child object, the instance's counts, and what
 * another participant of the same session receives.
 */
final class Probe {

    final Fx fx;
    final InMemorySessionHandle handle;
    final RecordingSink sink = new RecordingSink();
    final RecordingSink otherSink = new RecordingSink();
    final InMemorySessionHandle other;
    final MapiTable table;
    private final int refs;
    private final int live;
    private final int initCount;

    /** Probes a handle of a published shared session that has one other participant. */
    static Probe shared(Fx fx) {
        InMemorySessionHandle handle = fx.publish();
        return new Probe(fx, handle, fx.join());
    }

    /** Probes a handle that joins the published session (which must exist). */
    static Probe joined(Fx fx) {
        return new Probe(fx, fx.join(), null);
    }

    /** Probes an individual session. */
    static Probe individual(Fx fx) {
        return new Probe(fx, fx.individual(), null);
    }

    private Probe(Fx fx, InMemorySessionHandle handle, InMemorySessionHandle other) {
        this.fx = fx;
        this.handle = handle;
        this.other = other;
        Fx.advise(handle, sink);
        if (other != null) {
            Fx.advise(other, otherSink);
        }
        Out<MapiTable> out = new Out<>();
        assertEquals(Hr.S_OK, handle.getMsgStoresTable(0, out));
        this.table = out.get();
        this.refs = handle.references();
        this.live = fx.provider.liveSessionCount();
        this.initCount = fx.provider.initCount();
    }

    /** Asserts that nothing changed: still logged on, nothing notified, nothing released. */
    void assertUnchanged() {
        assertEquals(HandleState.LOGGED_ON, handle.handleState(), "handle state");
        assertEquals(refs, handle.references(), "reference count");
        assertEquals(1, handle.registrationCount(), "advise registrations");
        assertEquals(1, sink.held(), "sink references");
        assertEquals(0, sink.calls.get(), "own sink notified");
        assertEquals(0, otherSink.calls.get(), "other participant notified");
        assertEquals(live, fx.provider.liveSessionCount(), "live sessions");
        assertEquals(initCount, fx.provider.initCount(), "init count");
        IntOut rows = new IntOut();
        assertEquals(Hr.S_OK, table.getRowCount(0, rows), "child object still works");
        assertEquals(Hr.S_OK, handle.queryIdentity(new Out<>()), "handle still works");
    }

    /** Asserts that a normal {@code Logoff(0, 0, 0)} still works and does its job. */
    void assertNormalLogoff() {
        assertEquals(Hr.S_OK, handle.logoff(0, 0, 0));
        assertEquals(HandleState.LOGGED_OFF, handle.handleState());
        assertEquals(0, sink.held(), "sink released by Logoff");
        assertEquals(Hr.MAPI_E_INVALID_OBJECT, table.getRowCount(0, new IntOut()));
        assertEquals(0, otherSink.calls.get(), "plain logoff notifies nobody");
    }
}
