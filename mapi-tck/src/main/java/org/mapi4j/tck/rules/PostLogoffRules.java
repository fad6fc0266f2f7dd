package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.fixture.TckFixture;

/**
 * Spec B.6 and decision 6: a handle after Logoff, invalidation or its final Release (POSTLOGOFF-1 to
 * POSTLOGOFF-4, POSTLOGOFF-6).
 */
public interface PostLogoffRules extends TckContext {

    /** How a handle leaves LOGGED_ON. */
    enum Ending {
        /** Logoff(0, 0, 0): LOGGED_OFF. */
        LOGOFF("after logoff(0, 0, 0)"),
        /** The last MAPIUninitialize: INVALIDATED (INIT-8). */
        LAST_UNINITIALIZE("after the last uninitialize()");

        final String text;

        Ending(String text) {
            this.text = text;
        }

        /** Ends the handle; afterwards the instance is initialized for LOGOFF, uninitialized otherwise. */
        void end(TckFixture fx, MapiSessionHandle handle) {
            if (this == LOGOFF) {
                fx.logoff(handle);
            } else {
                fx.uninitialize();
            }
        }

        /** Undoes the initialization that {@link #end} left. */
        void finish(TckFixture fx) {
            if (this == LOGOFF) {
                fx.uninitialize();
            }
        }
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#POSTLOGOFF_1}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("POSTLOGOFF-1")
    @DisplayName("required POSTLOGOFF-1 Every IMAPISession method after Logoff returns MAPI_E_INVALID_OBJECT")
    default Stream<DynamicTest> required_POSTLOGOFF_1_everyMethodInvalid() {
        List<DynamicTest> cases = new ArrayList<>();
        for (Ending ending : Ending.values()) {
            for (SessionCalls.Call call : SessionCalls.all()) {
                cases.add(tckCase("slot " + call.slot() + " " + call.text() + " " + ending.text, () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    byte[] storeId = Stores.firstEntryId(fx(), handle);
                    if (storeId == null) {
                        storeId = new byte[] {0, 0, 0, 0, 1, 2, 3, 4};
                    }
                    ending.end(fx(), handle);
                    SessionCalls.Result result = call.invoke().apply(handle, storeId);
                    verify().expectHr(call.text() + " " + ending.text, MAPI_E_INVALID_OBJECT, result.hr());
                    verify().check(result.outsCleared(), call.text() + " " + ending.text + " returned"
                            + " MAPI_E_INVALID_OBJECT but did not set its out-parameters to NULL/0");
                    fx().release(handle);
                    ending.finish(fx());
                }));
            }
        }
        return cases.stream();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#POSTLOGOFF_2}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("POSTLOGOFF-2")
    @DisplayName("required POSTLOGOFF-2 Release after Logoff returns the decremented count down to 0")
    default Stream<DynamicTest> required_POSTLOGOFF_2_releaseWorks() {
        return Stream.of(Ending.values()).map(ending -> tckCase(ending.text, () -> {
            fx().initialize();
            MapiSessionHandle handle = fx().logon();
            fx().addRef(handle);
            fx().addRef(handle);
            ending.end(fx(), handle);
            for (int expected = 2; expected >= 0; expected--) {
                int n = fx().release(handle);
                verify().check(n == expected, "release() " + ending.text + " with " + (expected + 1)
                        + " reference(s) expected " + expected + " but was " + n);
            }
            ending.finish(fx());
        }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#POSTLOGOFF_3}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("POSTLOGOFF-3")
    @DisplayName("required POSTLOGOFF-3 AddRef after Logoff returns the incremented count")
    default Stream<DynamicTest> required_POSTLOGOFF_3_addRefWorks() {
        return Stream.of(Ending.values()).map(ending -> tckCase(ending.text, () -> {
            fx().initialize();
            MapiSessionHandle handle = fx().logon();
            ending.end(fx(), handle);
            for (int expected = 2; expected <= 3; expected++) {
                int n = fx().addRef(handle);
                verify().check(n == expected, "addRef() " + ending.text + " with " + (expected - 1)
                        + " reference(s) expected " + expected + " but was " + n);
            }
            fx().release(handle);
            fx().release(handle);
            fx().release(handle);
            ending.finish(fx());
        }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#POSTLOGOFF_4}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("POSTLOGOFF-4")
    @DisplayName("required POSTLOGOFF-4 QueryInterface after Logoff returns MAPI_E_INVALID_OBJECT and NULL for every IID")
    default Stream<DynamicTest> required_POSTLOGOFF_4_queryInterfaceInvalid() {
        List<DynamicTest> cases = new ArrayList<>();
        UUID[] iids = {Iids.IID_IUNKNOWN, Iids.IID_IMAPISESSION, Iids.IID_IMAPICLIENTSHUTDOWN,
            Iids.IID_IMAPIADVISESINK, Iids.IID_IMAPIPROVIDERSHUTDOWN, UUID.fromString("0badcafe-0000-0000-c000-000000000046")};
        for (Ending ending : Ending.values()) {
            for (UUID iid : iids) {
                cases.add(tckCase("queryInterface(" + iid + ") " + ending.text, () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    ending.end(fx(), handle);
                    Out<Object> out = new Out<>();
                    out.set("sentinel");
                    int hr = handle.queryInterface(iid, out);
                    if (hr == S_OK && out.get() instanceof org.mapi4j.spi.MapiUnknown unknown) {
                        unknown.release();
                    }
                    verify().expectHr("queryInterface(" + iid + ") " + ending.text, MAPI_E_INVALID_OBJECT, hr);
                    verify().check(out.get() == null, "queryInterface(" + iid + ") " + ending.text
                            + " must set the interface to NULL but left " + out.get());
                    fx().release(handle);
                    ending.finish(fx());
                }));
            }
        }
        return cases.stream();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#POSTLOGOFF_6}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("POSTLOGOFF-6")
    @DisplayName("required POSTLOGOFF-6 A destroyed handle returns MAPI_E_INVALID_OBJECT from every method, 0 from AddRef and Release")
    default Stream<DynamicTest> required_POSTLOGOFF_6_destroyedHandle() {
        List<DynamicTest> cases = new ArrayList<>();
        for (boolean logoffFirst : new boolean[] {true, false}) {
            String ending = logoffFirst ? "after logoff(0, 0, 0) and the final release()"
                    : "after the final release() without logoff";
            List<String> calls = new ArrayList<>();
            for (SessionCalls.Call call : SessionCalls.all()) {
                calls.add(call.text());
                cases.add(tckCase("slot " + call.slot() + " " + call.text() + " " + ending, () -> {
                    MapiSessionHandle handle = destroyed(fx(), logoffFirst);
                    byte[] storeId = {0, 0, 0, 0, 1, 2, 3, 4};
                    SessionCalls.Result result = call.invoke().apply(handle, storeId);
                    verify().expectHr(call.text() + " " + ending, MAPI_E_INVALID_OBJECT, result.hr());
                    verify().check(result.outsCleared(), call.text() + " " + ending + " returned"
                            + " MAPI_E_INVALID_OBJECT but did not set its out-parameters to NULL/0");
                    fx().uninitialize();
                }));
            }
            cases.add(tckCase("queryInterface(IID_IMAPISession) " + ending, () -> {
                MapiSessionHandle handle = destroyed(fx(), logoffFirst);
                Out<Object> out = new Out<>();
                out.set("sentinel");
                int hr = handle.queryInterface(Iids.IID_IMAPISESSION, out);
                verify().expectHr("queryInterface(IID_IMAPISession) " + ending, MAPI_E_INVALID_OBJECT, hr);
                verify().check(out.get() == null, "queryInterface(IID_IMAPISession) " + ending
                        + " must set the interface to NULL but left " + out.get());
                fx().uninitialize();
            }));
            cases.add(tckCase("addRef() and release() " + ending, () -> {
                MapiSessionHandle handle = destroyed(fx(), logoffFirst);
                int added = handle.addRef();
                verify().check(added == 0, "addRef() " + ending + " expected 0 but was " + added);
                int released = handle.release();
                verify().check(released == 0, "release() " + ending + " (after an addRef()) expected 0 but was "
                        + released);
                int again = handle.release();
                verify().check(again == 0, "a second release() " + ending + " expected 0 but was " + again);
                verify().expectHr("logoff(0, 0, 0) " + ending + " and a further addRef()", MAPI_E_INVALID_OBJECT,
                        handle.logoff(0, 0, 0));
                fx().uninitialize();
            }));
        }
        return cases.stream();
    }

    /** A logged-on handle brought to DESTROYED by its final Release, MAPI still initialized. */
    private static MapiSessionHandle destroyed(TckFixture fx, boolean logoffFirst) {
        fx.initialize();
        MapiSessionHandle handle = fx.logon();
        if (logoffFirst) {
            fx.logoff(handle);
        }
        int n = fx.release(handle);
        fx.verify().check(n == 0, "the final release() expected 0 but was " + n);
        return handle;
    }
}
