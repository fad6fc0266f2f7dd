package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.fixture.CountingSink;

/** Spec B.6: the final Release of a logged-on handle (REL-1). */
public interface ReleaseRules extends TckContext {

    /**
     * Checks {@link org.mapi4j.tck.Rule#REL_1}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("REL-1")
    @DisplayName("required REL-1 The final Release of a logged-on handle logs it off first, without shared-logoff notification")
    default Stream<DynamicTest> required_REL_1_finalReleaseLogsOff() {
        return Stream.of(
                tckCase("individual session", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    CountingSink sink = probe().sink("of the session");
                    probe().advise(handle, 0, sink);
                    Out<MapiTable> table = new Out<>();
                    boolean hasTable = handle.getMsgStoresTable(0, table) == S_OK && table.get() != null;
                    if (hasTable) {
                        fx().track(table.get());
                    }
                    int n = fx().release(handle);
                    verify().check(n == 0, "the final release() of a logged-on handle expected 0 but was " + n);
                    verify().check(sink.releases() == 1, "the final release() of a logged-on handle must release its"
                            + " advise sink once (implicit logoff) but released it " + sink.releases() + " time(s)");
                    verify().check(sink.count() == 0, "the final release() must not notify the handle's own sink: "
                            + sink.received());
                    if (hasTable) {
                        verify().expectHr("getRowCount(0) on the message-stores table after the final release()",
                                MAPI_E_INVALID_OBJECT, table.get().getRowCount(0, new IntOut()));
                        fx().release(table.get());
                    }
                    fx().uninitialize();
                }),
                tckCase("shared session: no shared-logoff notification", () -> {
                    fx().requireDestructive("a published shared session");
                    fx().initialize();
                    MapiSessionHandle publisher = fx().instance().publish();
                    MapiSessionHandle watcher = fx().instance().join();
                    MapiSessionHandle last = fx().instance().join();
                    CountingSink sink = probe().sink("of another participant");
                    probe().advise(watcher, 0, sink);
                    fx().release(publisher);
                    if (fx().has(org.mapi4j.spi.ProviderCapability.SYNCHRONOUS_NOTIFICATIONS)) {
                        verify().check(sink.count() == 0, "the final release() of a logged-on participant must not"
                                + " notify the others, but " + sink + " received " + sink.received());
                    }
                    probe().expectLoggedOn(watcher, "the final release() of another participant");
                    verify().check(fx().instance().published(), "the final release() of one participant unpublished"
                            + " the shared session while others are logged on");
                    if (!fx().has(org.mapi4j.spi.ProviderCapability.SYNCHRONOUS_NOTIFICATIONS)) {
                        // Asynchronous delivery: the other's shared logoff is the marker after which a wrong
                        // notification from the final release would have arrived too.
                        verify().expectHr("logoff(0, MAPI_LOGOFF_SHARED, 0)", S_OK, last.logoff(0, MAPI_LOGOFF_SHARED, 0));
                        verify().expectNotifications(sink, 1, "one participant's final release() and another's"
                                + " logoff(0, MAPI_LOGOFF_SHARED, 0)");
                    } else {
                        fx().logoff(last);
                    }
                    fx().release(last);
                    fx().close(watcher);
                    fx().uninitialize();
                }));
    }
}
