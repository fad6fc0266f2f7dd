package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.tck.fixture.TckFixture;

/**
 * Spec B.6 and decision 8: objects opened through a session (CHILD-1), QueryInterface included: after
 * the session left LOGGED_ON it answers MAPI_E_INVALID_OBJECT and NULL; with a NULL IID on a live object,
 * MAPI_E_INVALID_PARAMETER.
 */
public interface ChildRules extends TckContext {

    /** A kind of child object: how to open it, and its non-IUnknown calls. */
    enum Child {
        /** GetMsgStoresTable. */
        MESSAGE_STORES_TABLE("the message-stores table"),
        /** OpenMsgStore on the first store. */
        MESSAGE_STORE("a message store"),
        /** GetStatusTable. */
        STATUS_TABLE("the status table"),
        /** OpenProfileSection(NULL). */
        PROFILE_SECTION("the profile section"),
        /** QueryInterface(IID_IMAPIClientShutdown) on the session. */
        CLIENT_SHUTDOWN("IMAPIClientShutdown");

        final String text;

        Child(String text) {
            this.text = text;
        }

        /** @return the opened child, or {@code null} if the provider does not offer it */
        MapiUnknown open(TckFixture fx, MapiSessionHandle handle) {
            switch (this) {
                case MESSAGE_STORES_TABLE: {
                    Out<MapiTable> out = new Out<>();
                    return handle.getMsgStoresTable(0, out) == S_OK ? out.get() : null;
                }
                case STATUS_TABLE: {
                    Out<MapiTable> out = new Out<>();
                    return handle.getStatusTable(0, out) == S_OK ? out.get() : null;
                }
                case PROFILE_SECTION: {
                    Out<MapiProp> out = new Out<>();
                    return handle.openProfileSection(null, null, 0, out) == S_OK ? out.get() : null;
                }
                case CLIENT_SHUTDOWN: {
                    Out<Object> out = new Out<>();
                    return handle.queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, out) == S_OK
                            && out.get() instanceof MapiUnknown unknown ? unknown : null;
                }
                default: {
                    byte[] id = Stores.firstEntryId(fx, handle);
                    Out<MapiProp> out = new Out<>();
                    return id != null && handle.openMsgStore(0, id, null, 0, out) == S_OK ? out.get() : null;
                }
            }
        }

        /**
         * @return each call that must fail once the session left LOGGED_ON, with its text: HRESULT, and
         *     whether the out-parameter is NULL/0 (QueryInterface, as for the session, POSTLOGOFF-4)
         */
        List<Call> calls() {
            Call queryInterface = new Call("queryInterface(IID_IUnknown, &obj)", (o, fx) -> {
                Out<Object> out = new Out<>();
                out.set("sentinel");
                int hr = o.queryInterface(Iids.IID_IUNKNOWN, out);
                if (hr == S_OK && out.get() instanceof MapiUnknown unknown) {
                    unknown.release();
                }
                return new SessionCalls.Result(hr, out.get() == null);
            });
            if (this == CLIENT_SHUTDOWN) {
                return List.of(queryInterface);
            }
            if (this == MESSAGE_STORES_TABLE || this == STATUS_TABLE) {
                return List.of(queryInterface, new Call("getRowCount(0, &count)", (o, fx) -> {
                    IntOut count = new IntOut();
                    count.set(42);
                    return new SessionCalls.Result(((MapiTable) o).getRowCount(0, count), count.get() == 0);
                }), new Call("queryRows(10, 0, &rows)", (o, fx) -> {
                    Out<List<List<PropValue>>> rows = new Out<>();
                    rows.set(List.of());
                    return new SessionCalls.Result(((MapiTable) o).queryRows(10, 0, rows), rows.get() == null);
                }));
            }
            return List.of(queryInterface, new Call("getProps(NULL, 0, &values)", (o, fx) -> {
                Out<List<PropValue>> values = new Out<>();
                values.set(List.of());
                return new SessionCalls.Result(((MapiProp) o).getProps(null, 0, values), values.get() == null);
            }));
        }
    }

    /** One call on a child. */
    record Call(String text, BiFunction<MapiUnknown, TckFixture, SessionCalls.Result> invoke) {
    }

    /** How the session leaves LOGGED_ON. */
    enum SessionEnd {
        /** Logoff(0, 0, 0). */
        LOGOFF("logoff(0, 0, 0) of its session"),
        /** The last MAPIUninitialize. */
        LAST_UNINITIALIZE("the last uninitialize()"),
        /** The final Release without Logoff (REL-1). */
        FINAL_RELEASE("the final release() of its logged-on session");

        final String text;

        SessionEnd(String text) {
            this.text = text;
        }
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#CHILD_1}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("CHILD-1")
    @DisplayName("required CHILD-1 Child objects return MAPI_E_INVALID_OBJECT once their session left LOGGED_ON")
    default Stream<DynamicTest> required_CHILD_1_childrenInvalidated() {
        List<DynamicTest> cases = new ArrayList<>();
        for (SessionEnd end : SessionEnd.values()) {
            for (Child child : Child.values()) {
                cases.add(tckCase(child.text + " after " + end.text, () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    MapiUnknown object = child.open(fx(), handle);
                    if (object == null) {
                        fx().close(handle);
                        fx().uninitialize();
                        if (child == Child.MESSAGE_STORES_TABLE) {
                            throw verify().failure("getMsgStoresTable(0, &table) on a logged-on session must return a table");
                        }
                        throw verify().notApplicable("the provider does not offer " + child.text);
                    }
                    fx().track(object);
                    switch (end) {
                        case LOGOFF -> fx().logoff(handle);
                        case LAST_UNINITIALIZE -> fx().uninitialize();
                        default -> fx().release(handle);
                    }
                    for (Call call : child.calls()) {
                        SessionCalls.Result result = call.invoke().apply(object, fx());
                        verify().expectHr(call.text() + " on " + child.text + " after " + end.text, MAPI_E_INVALID_OBJECT,
                                result.hr());
                        verify().check(result.outsCleared(), call.text() + " on " + child.text + " after " + end.text
                                + " must leave its out-parameter NULL/0");
                    }
                    int n;
                    try {
                        n = fx().release(object);
                    } catch (RuntimeException e) {
                        throw verify().failure("release() of " + child.text + " after " + end.text + " threw " + e);
                    }
                    verify().check(n == 0, "release() of " + child.text + " after " + end.text + " expected 0 but was " + n);
                    if (end != SessionEnd.FINAL_RELEASE) {
                        fx().release(handle);
                    }
                    if (end != SessionEnd.LAST_UNINITIALIZE) {
                        fx().uninitialize();
                    }
                }));
            }
        }
        for (Child child : Child.values()) {
            cases.add(tckCase("queryInterface(NULL, &obj) on " + child.text + " of a logged-on session", () -> {
                fx().initialize();
                MapiSessionHandle handle = fx().logon();
                MapiUnknown object = child.open(fx(), handle);
                if (object == null) {
                    fx().close(handle);
                    fx().uninitialize();
                    throw verify().notApplicable("the provider does not offer " + child.text);
                }
                fx().track(object);
                Out<Object> out = new Out<>();
                out.set("sentinel");
                String call = "queryInterface(NULL, &obj) on " + child.text + " of a logged-on session";
                int hr = verify().spi(call, () -> object.queryInterface(null, out));
                if (hr == S_OK && out.get() instanceof MapiUnknown unknown) {
                    unknown.release();
                }
                verify().expectHr(call, MAPI_E_INVALID_PARAMETER, hr);
                verify().check(out.get() == null, call + " must set the interface to NULL but left " + out.get());
                fx().release(object);
                fx().close(handle);
                fx().uninitialize();
            }));
        }
        return cases.stream();
    }
}
