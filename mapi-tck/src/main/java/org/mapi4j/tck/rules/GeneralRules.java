package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.fixture.CountingSink;
import org.mapi4j.tck.fixture.TckInstance;

/**
 * Spec B.1 and decision 7: the validation order, the absence of side effects on rejection, and SPI
 * methods that never throw (GEN-3, GEN-4, GEN-5).
 */
public interface GeneralRules extends TckContext {

    /**
     * Checks {@link org.mapi4j.tck.Rule#GEN_3}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("GEN-3")
    @DisplayName("required GEN-3 Validation order: state, then flags, then other parameters")
    default Stream<DynamicTest> required_GEN_3_validationOrder() {
        return Stream.of(
                tckCase("logged-off handle, bad flags, bad reserved: MAPI_E_INVALID_OBJECT", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    fx().logoff(handle);
                    verify().expectHr("logoff(0, 0x4, 1) after logoff", MAPI_E_INVALID_OBJECT, handle.logoff(0, 0x4, 1));
                    verify().expectHr("advise(NULL, 0, NULL sink) after logoff", MAPI_E_INVALID_OBJECT,
                            handle.advise(null, 0, null, new LongOut()));
                    verify().expectHr("unadvise(0) after logoff", MAPI_E_INVALID_OBJECT, handle.unadvise(0));
                    fx().release(handle);
                    fx().uninitialize();
                }),
                tckCase("invalidated handle, bad flags: MAPI_E_INVALID_OBJECT", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    fx().uninitialize();
                    verify().expectHr("logoff(0, 0x80000000, 7) after the last uninitialize()", MAPI_E_INVALID_OBJECT,
                            handle.logoff(0, 0x80000000, 7));
                    fx().release(handle);
                }),
                tckCase("compareEntryIDs with a flag bit set: MAPI_E_UNKNOWN_FLAGS", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    byte[] id = Stores.firstEntryId(fx(), handle);
                    byte[] entry = id != null ? id : new byte[] {0, 0, 0, 0, 1, 2, 3, 4};
                    for (int flags : new int[] {0x1, 0x80000000, -1}) {
                        org.mapi4j.spi.IntOut result = new org.mapi4j.spi.IntOut();
                        result.set(0x5A5A);
                        String call = "compareEntryIDs(storeEntryId, storeEntryId, " + HResult.hex(flags) + ", &result)";
                        verify().expectHr(call, MAPI_E_UNKNOWN_FLAGS, verify().spi(call,
                                () -> handle.compareEntryIDs(entry, entry, flags, result)));
                        verify().check(result.get() == 0, call + " was rejected but left " + result.get() + " in its"
                                + " out-parameter");
                    }
                    fx().logoff(handle);
                    verify().expectHr("compareEntryIDs(storeEntryId, storeEntryId, 0x1, &result) after logoff",
                            MAPI_E_INVALID_OBJECT, handle.compareEntryIDs(entry, entry, 0x1,
                                    new org.mapi4j.spi.IntOut()));
                    fx().release(handle);
                    fx().uninitialize();
                }),
                tckCase("openMsgStore with an entry ID no store of the session has: MAPI_E_UNKNOWN_ENTRYID", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    byte[] unknown = {0x6D, 0x61, 0x70, 0x69, 0x34, 0x6A, 0x2D, 0x74, 0x63, 0x6B, 0, 0, 0, 0, 0, 1};
                    Out<org.mapi4j.spi.MapiProp> store = new Out<>();
                    store.set(Sentinels.of(org.mapi4j.spi.MapiProp.class));
                    String call = "openMsgStore(0, entry ID no store has, NULL, 0, &store)";
                    int hr = verify().spi(call, () -> handle.openMsgStore(0, unknown, null, 0, store));
                    if (hr == S_OK && store.get() != null) {
                        fx().track(store.get());
                    }
                    verify().expectHr(call, org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_ENTRYID, hr);
                    verify().check(store.get() == null, call + " failed but left an object in its out-parameter");
                    fx().close(handle);
                    fx().uninitialize();
                }),
                tckCase("compareEntryIDs with a NULL entry ID: MAPI_E_INVALID_PARAMETER", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    byte[] entry = entryIdOrAny(handle);
                    expectRejectedCompare(handle, "compareEntryIDs(NULL, storeEntryId, 0, &result)", null, entry);
                    expectRejectedCompare(handle, "compareEntryIDs(storeEntryId, NULL, 0, &result)", entry, null);
                    fx().close(handle);
                    fx().uninitialize();
                }),
                tckCase("openProfileSection with a MAPIUID that is not 16 bytes: MAPI_E_INVALID_PARAMETER", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    for (int length : new int[] {0, 15, 17}) {
                        Out<org.mapi4j.spi.MapiProp> section = new Out<>();
                        section.set(Sentinels.of(org.mapi4j.spi.MapiProp.class));
                        String call = "openProfileSection(" + length + "-byte MAPIUID, NULL, 0, &section)";
                        int hr = verify().spi(call, () -> handle.openProfileSection(new byte[length], null, 0, section));
                        keepIfReturned(hr, section.get());
                        verify().expectHr(call, MAPI_E_INVALID_PARAMETER, hr);
                        verify().check(section.get() == null, call + " was rejected but left an object in its"
                                + " out-parameter");
                    }
                    fx().close(handle);
                    fx().uninitialize();
                }),
                tckCase("queryRows for 0 or fewer rows: MAPI_E_INVALID_PARAMETER", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    Out<MapiTable> table = new Out<>();
                    if (handle.getMsgStoresTable(0, table) != S_OK || table.get() == null) {
                        fx().close(handle);
                        fx().uninitialize();
                        throw verify().notApplicable("the provider offers no message-stores table to query");
                    }
                    fx().track(table.get());
                    for (int count : new int[] {0, -1, Integer.MIN_VALUE}) {
                        Out<List<List<org.mapi4j.spi.PropValue>>> rows = new Out<>();
                        rows.set(List.of());
                        String call = "queryRows(" + count + ", 0, &rows) on the message-stores table";
                        verify().expectHr(call, MAPI_E_INVALID_PARAMETER,
                                verify().spi(call, () -> table.get().queryRows(count, 0, rows)));
                        verify().check(rows.get() == null, call + " was rejected but left " + rows.get()
                                + " in its out-parameter");
                    }
                    fx().release(table.get());
                    fx().close(handle);
                    fx().uninitialize();
                }),
                tckCase("queryInterface with an IID the session does not implement: MAPI_E_INTERFACE_NOT_SUPPORTED",
                        () -> {
                            fx().initialize();
                            MapiSessionHandle handle = fx().logon();
                            Out<Object> object = new Out<>();
                            object.set(Sentinels.of(org.mapi4j.spi.MapiUnknown.class));
                            String call = "queryInterface(an IID no MAPI interface has, &obj)";
                            int hr = verify().spi(call, () -> handle.queryInterface(unknownIid(), object));
                            keepIfReturned(hr, object.get());
                            verify().expectHr(call, MAPI_E_INTERFACE_NOT_SUPPORTED, hr);
                            verify().check(object.get() == null, call + " failed but left " + object.get()
                                    + " in its out-parameter");
                            fx().close(handle);
                            fx().uninitialize();
                        }),
                tckCase("MAPIInitialize: flags before version", () -> {
                    verify().expectHr("initialize({1, 0x2})", MAPI_E_UNKNOWN_FLAGS,
                            fx().instance().initialize(new MapiInit(1, 0x2)));
                }),
                tckCase("MAPILogonEx: state before flags and parameters", () -> {
                    Out<MapiSessionHandle> out = new Out<>();
                    verify().expectHr("logon(0, NULL, \"secret\", 0x400) before initialize()", MAPI_E_NOT_INITIALIZED,
                            fx().instance().logon(0, null, "secret", 0x400, out));
                }),
                tckCase("MAPILogonEx: flags before other parameters", () -> {
                    fx().initialize();
                    Out<MapiSessionHandle> out = new Out<>();
                    verify().expectHr("logon(0, NULL, \"secret\", NEW_SESSION | 0x400)", MAPI_E_UNKNOWN_FLAGS,
                            fx().instance().logon(0, null, "secret", TckInstance.NEW_SESSION_FLAGS | 0x400, out));
                    fx().uninitialize();
                }),
                tckCase("Advise: state before parameters", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    verify().expectHr("advise(NULL, 0, NULL sink)", MAPI_E_INVALID_PARAMETER,
                            handle.advise(null, 0, null, new LongOut()));
                    fx().close(handle);
                    fx().uninitialize();
                }));
    }

    // An interface identifier that no MAPI interface has: "mapi4j-tck-none!" in ASCII.
    private static java.util.UUID unknownIid() {
        return new java.util.UUID(0x6D617069346A2D74L, 0x636B2D6E6F6E6521L);
    }

    private byte[] entryIdOrAny(MapiSessionHandle handle) {
        byte[] id = Stores.firstEntryId(fx(), handle);
        return id != null ? id : new byte[] {0, 0, 0, 0, 1, 2, 3, 4};
    }

    private void expectRejectedCompare(MapiSessionHandle handle, String call, byte[] first, byte[] second) {
        org.mapi4j.spi.IntOut result = new org.mapi4j.spi.IntOut();
        result.set(0x5A5A);
        verify().expectHr(call, MAPI_E_INVALID_PARAMETER,
                verify().spi(call, () -> handle.compareEntryIDs(first, second, 0, result)));
        verify().check(result.get() == 0, call + " was rejected but left " + result.get() + " in its out-parameter");
    }

    // An object a wrongly successful call returned is released with the test's other references.
    private void keepIfReturned(int hr, Object returned) {
        if (hr == S_OK && returned instanceof org.mapi4j.spi.MapiUnknown unknown) {
            fx().track(unknown);
        }
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#GEN_4}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("GEN-4")
    @DisplayName("required GEN-4 A rejected call changes no state, no reference count, notifies nobody, clears out-parameters")
    default Stream<DynamicTest> required_GEN_4_rejectedCallChangesNothing() {
        return Stream.of(
                tckCase("rejected Logoff keeps the reference count and the registrations", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    CountingSink sink = probe().sink("of the session");
                    long connection = probe().advise(handle, 0, sink);
                    fx().addRef(handle);
                    handle.logoff(0, 0x4, 0);
                    handle.logoff(0, 0, 9);
                    int after = fx().release(handle);
                    verify().check(after == 1, "rejected logoff calls changed the reference count: after addRef(),"
                            + " two rejected logoff calls and release() the count must be 1 but release() returned "
                            + after);
                    verify().check(sink.addRefs() == 1 && sink.releases() == 0 && sink.count() == 0, "rejected logoff"
                            + " calls touched the sink: AddRef " + sink.addRefs() + ", Release " + sink.releases()
                            + ", notified " + sink.received());
                    verify().expectHr("unadvise(" + connection + ") after rejected logoff calls", S_OK,
                            handle.unadvise(connection));
                    fx().close(handle);
                    fx().uninitialize();
                }),
                tckCase("rejected Advise takes no sink reference and clears the connection", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    fx().logoff(handle);
                    CountingSink sink = probe().sink("offered after logoff");
                    LongOut connection = new LongOut();
                    connection.set(77);
                    handle.advise(null, 0, sink, connection);
                    verify().check(connection.get() == 0 && sink.addRefs() == 0, "an advise rejected after logoff left"
                            + " connection " + connection.get() + " and took " + sink.addRefs() + " sink reference(s)");
                    fx().release(handle);
                    fx().uninitialize();
                }),
                tckCase("rejected MAPI_LOGOFF_SHARED notifies nobody and keeps the session published", () -> {
                    fx().requireDestructive("a published shared session");
                    fx().initialize();
                    MapiSessionHandle publisher = fx().instance().publish();
                    MapiSessionHandle joiner = fx().instance().join();
                    CountingSink sink = probe().sink("of the other participant");
                    probe().advise(joiner, 0, sink);
                    publisher.logoff(0, MAPI_LOGOFF_SHARED | 0x8, 0);
                    publisher.logoff(0, MAPI_LOGOFF_SHARED, 3);
                    verify().expectNoNotification(sink, "rejected logoff calls with MAPI_LOGOFF_SHARED");
                    verify().check(fx().instance().published(), "rejected logoff calls with MAPI_LOGOFF_SHARED"
                            + " unpublished the session");
                    fx().close(joiner);
                    fx().close(publisher);
                    fx().uninitialize();
                }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#GEN_5}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("GEN-5")
    @DisplayName("required GEN-5 A NULL out-parameter is answered with an HRESULT, never an exception")
    default Stream<DynamicTest> required_GEN_5_nullOutParameters() {
        List<DynamicTest> cases = new ArrayList<>();
        for (boolean loggedOn : new boolean[] {true, false}) {
            for (NullOutCalls.Call call : NullOutCalls.all()) {
                String state = loggedOn ? "on a logged-on handle" : "after logoff(0, 0, 0)";
                int expected = loggedOn ? MAPI_E_INVALID_PARAMETER : MAPI_E_INVALID_OBJECT;
                cases.add(tckCase(call.text() + " " + state, () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    byte[] found = Stores.firstEntryId(fx(), handle);
                    byte[] storeId = found != null ? found : new byte[] {0, 0, 0, 0, 1, 2, 3, 4};
                    if (!loggedOn) {
                        fx().logoff(handle);
                    }
                    verify().expectHr(call.text() + " " + state, expected, verify().spi(call.text(),
                            () -> call.invoke().apply(handle, storeId)));
                    if (loggedOn) {
                        fx().close(handle);
                    } else {
                        fx().release(handle);
                    }
                    fx().uninitialize();
                }));
            }
        }
        cases.add(tckCase("logon(0, NULL, NULL, flags, NULL)", () -> {
            fx().initialize();
            int hr = verify().spi("logon(0, NULL, NULL, flags, NULL)", () -> fx().provider().logon(0, null, null,
                    TckInstance.NEW_SESSION_FLAGS, null));
            verify().expectHrIn("logon(0, NULL, NULL, " + HResult.hex(TckInstance.NEW_SESSION_FLAGS) + ", NULL)", hr,
                    MAPI_E_INVALID_PARAMETER, MAPI_E_LOGON_FAILED);
            fx().uninitialize();
        }));
        return cases.stream();
    }
}
