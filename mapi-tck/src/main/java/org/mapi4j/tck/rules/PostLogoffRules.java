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

/** Spec B.6: a handle after Logoff or invalidation (POSTLOGOFF-1 to POSTLOGOFF-4). */
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

    /** POSTLOGOFF-1. */
    @TestFactory
    @Tag("POSTLOGOFF-1")
    @DisplayName("POSTLOGOFF-1 Every IMAPISession method after Logoff returns MAPI_E_INVALID_OBJECT")
    default Stream<DynamicTest> POSTLOGOFF_1_everyMethodInvalid() {
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
                    fx().expectHr(call.text() + " " + ending.text, MAPI_E_INVALID_OBJECT, result.hr());
                    fx().check(result.outsCleared(), call.text() + " " + ending.text + " returned"
                            + " MAPI_E_INVALID_OBJECT but did not set its out-parameters to NULL/0");
                    fx().release(handle);
                    ending.finish(fx());
                }));
            }
        }
        return cases.stream();
    }

    /** POSTLOGOFF-2. */
    @TestFactory
    @Tag("POSTLOGOFF-2")
    @DisplayName("POSTLOGOFF-2 Release after Logoff returns the decremented count down to 0")
    default Stream<DynamicTest> POSTLOGOFF_2_releaseWorks() {
        return Stream.of(Ending.values()).map(ending -> tckCase(ending.text, () -> {
            fx().initialize();
            MapiSessionHandle handle = fx().logon();
            fx().addRef(handle);
            fx().addRef(handle);
            ending.end(fx(), handle);
            for (int expected = 2; expected >= 0; expected--) {
                int n = fx().release(handle);
                fx().check(n == expected, "release() " + ending.text + " with " + (expected + 1)
                        + " reference(s) expected " + expected + " but was " + n);
            }
            ending.finish(fx());
        }));
    }

    /** POSTLOGOFF-3. */
    @TestFactory
    @Tag("POSTLOGOFF-3")
    @DisplayName("POSTLOGOFF-3 AddRef after Logoff returns the incremented count")
    default Stream<DynamicTest> POSTLOGOFF_3_addRefWorks() {
        return Stream.of(Ending.values()).map(ending -> tckCase(ending.text, () -> {
            fx().initialize();
            MapiSessionHandle handle = fx().logon();
            ending.end(fx(), handle);
            for (int expected = 2; expected <= 3; expected++) {
                int n = fx().addRef(handle);
                fx().check(n == expected, "addRef() " + ending.text + " with " + (expected - 1)
                        + " reference(s) expected " + expected + " but was " + n);
            }
            fx().release(handle);
            fx().release(handle);
            fx().release(handle);
            ending.finish(fx());
        }));
    }

    /** POSTLOGOFF-4. */
    @TestFactory
    @Tag("POSTLOGOFF-4")
    @DisplayName("POSTLOGOFF-4 QueryInterface after Logoff returns MAPI_E_INVALID_OBJECT and NULL for every IID")
    default Stream<DynamicTest> POSTLOGOFF_4_queryInterfaceInvalid() {
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
                    fx().expectHr("queryInterface(" + iid + ") " + ending.text, MAPI_E_INVALID_OBJECT, hr);
                    fx().check(out.get() == null, "queryInterface(" + iid + ") " + ending.text
                            + " must set the interface to NULL but left " + out.get());
                    fx().release(handle);
                    ending.finish(fx());
                }));
            }
        }
        return cases.stream();
    }
}
