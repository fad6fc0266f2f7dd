package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.fixture.CountingSink;
import org.mapi4j.tck.fixture.TckInstance;

/** Spec B.2: MAPIInitialize and MAPIUninitialize (INIT-1 to INIT-11). */
public interface InitRules extends TckContext {

    /** INIT-8: logons before the last MAPIUninitialize, of which every tenth stays logged on. */
    int INIT_8_LOGONS = 300;

    /**
     * Checks that MAPI is not initialized: MAPILogonEx fails. (The exact code is INIT-10's business, so
     * that a provider that breaks only the code is reported under INIT-10 only.)
     */
    private void expectNotInitialized(String context) {
        Out<MapiSessionHandle> out = new Out<>();
        int hr = fx().instance().logon(0, null, null, TckInstance.NEW_SESSION_FLAGS, out);
        if (hr == S_OK) {
            fx().release(out.get());
        }
        verify().check(!HResult.succeeded(hr), "after " + context + " MAPI must not be initialized, but logon(0,"
                + " NULL, NULL, " + HResult.hex(TckInstance.NEW_SESSION_FLAGS) + ") returned " + HResult.describe(hr)
                + " instead of " + HResult.describe(MAPI_E_NOT_INITIALIZED));
    }

    /** Checks that MAPILogonEx returns exactly MAPI_E_NOT_INITIALIZED and no handle (INIT-10). */
    private void expectNotInitializedCode(String context) {
        Out<MapiSessionHandle> out = new Out<>();
        out.set(Sentinels.of(MapiSessionHandle.class));
        int hr = fx().instance().logon(0, null, null, TckInstance.NEW_SESSION_FLAGS, out);
        verify().expectHr("logon(0, NULL, NULL, " + HResult.hex(TckInstance.NEW_SESSION_FLAGS) + ") after " + context,
                MAPI_E_NOT_INITIALIZED, hr);
        verify().check(out.get() == null, "after " + context + " a failed logon must leave its out-parameter NULL");
    }

    /** Checks that MAPI is initialized: a logon succeeds (the handle is closed again). */
    private void expectInitialized(String context) {
        Out<MapiSessionHandle> out = new Out<>();
        int hr = fx().instance().logon(0, null, null, TckInstance.NEW_SESSION_FLAGS, out);
        verify().check(hr == S_OK, "after " + context + " MAPI must be initialized, but logon(0, NULL, NULL, "
                + HResult.hex(TckInstance.NEW_SESSION_FLAGS) + ") returned " + HResult.describe(hr));
        fx().close(out.get());
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_1}, case by case.
     */
    @Test
    @Tag("INIT-1")
    @DisplayName("required INIT-1 MAPIInitialize(NULL) returns S_OK and counts once")
    default void required_INIT_1_initializeNull() {
        verify().expectHr("initialize(NULL)", S_OK, fx().instance().initialize(null));
        expectInitialized("initialize(NULL)");
        fx().uninitialize();
        expectNotInitialized("initialize(NULL) and one uninitialize()");
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_2}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("INIT-2")
    @DisplayName("required INIT-2 MAPIInitialize with every valid MAPIINIT_0 flag combination")
    default Stream<DynamicTest> required_INIT_2_initializeValidFlags() {
        int[] bits = {MapiConstants.MAPI_MULTITHREAD_NOTIFICATIONS, MapiConstants.MAPI_NO_COINIT,
                MapiConstants.MAPI_NT_SERVICE};
        List<DynamicTest> cases = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            int flags = 0;
            for (int b = 0; b < 3; b++) {
                if ((mask & (1 << b)) != 0) {
                    flags |= bits[b];
                }
            }
            int f = flags;
            cases.add(tckCase("initialize({0, " + HResult.hex(f) + "})", () -> {
                String call = "initialize({0, " + HResult.hex(f) + "})";
                verify().expectHr(call, S_OK, fx().instance().initialize(new MapiInit(0, f)));
                expectInitialized(call);
                fx().uninitialize();
                expectNotInitialized(call + " and one uninitialize()");
            }));
        }
        return cases.stream();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_3}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("INIT-3")
    @DisplayName("required INIT-3 MAPIInitialize with a bad ulVersion returns MAPI_E_INVALID_PARAMETER")
    default Stream<DynamicTest> required_INIT_3_badVersionRejected() {
        return Stream.of(1, 2, -1, Integer.MIN_VALUE, Integer.MAX_VALUE).map(v -> tckCase(
                "initialize({" + v + ", 0})", () -> {
                    String call = "initialize({" + v + ", 0})";
                    verify().expectHr(call, MAPI_E_INVALID_PARAMETER, fx().instance().initialize(new MapiInit(v, 0)));
                    expectNotInitialized("a rejected " + call);
                }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_4}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("INIT-4")
    @DisplayName("required INIT-4 MAPIInitialize with an undefined flag bit returns MAPI_E_UNKNOWN_FLAGS")
    default Stream<DynamicTest> required_INIT_4_unknownInitFlagsRejected() {
        List<DynamicTest> cases = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            int flag = 1 << bit;
            if ((flag & MapiConstants.MAPI_INIT_VALID_MASK) != 0) {
                continue;
            }
            cases.add(tckCase("initialize({0, " + HResult.hex(flag) + "})", () -> {
                String call = "initialize({0, " + HResult.hex(flag) + "})";
                verify().expectHr(call, MAPI_E_UNKNOWN_FLAGS, fx().instance().initialize(new MapiInit(0, flag)));
                expectNotInitialized("a rejected " + call);
            }));
        }
        return cases.stream();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_5}, case by case.
     */
    @Test
    @Tag("INIT-5")
    @DisplayName("required INIT-5 MAPIInitialize nests: S_OK each time, initialized until balanced")
    default void required_INIT_5_initializeNests() {
        verify().expectHr("initialize({0, 0})", S_OK, fx().instance().initialize(new MapiInit(0, 0)));
        verify().expectHr("nested initialize({0, 0})", S_OK, fx().instance().initialize(new MapiInit(0, 0)));
        verify().expectHr("nested initialize({0, MAPI_MULTITHREAD_NOTIFICATIONS})", S_OK,
                fx().instance().initialize(new MapiInit(0, MapiConstants.MAPI_MULTITHREAD_NOTIFICATIONS)));
        for (int i = 1; i <= 2; i++) {
            fx().uninitialize();
            expectInitialized("3 initialize() and " + i + " uninitialize()");
        }
        fx().uninitialize();
        expectNotInitialized("3 initialize() and 3 uninitialize()");
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_6}, case by case.
     */
    @Test
    @Tag("INIT-6")
    @DisplayName("required INIT-6 A failing MAPIInitialize does not count while MAPI is initialized")
    default void required_INIT_6_failedInitializeDoesNotCount() {
        fx().initialize();
        verify().expectHr("nested initialize({0, 0x2})", MAPI_E_UNKNOWN_FLAGS,
                fx().instance().initialize(new MapiInit(0, 0x2)));
        verify().expectHr("nested initialize({0, 0x100})", MAPI_E_UNKNOWN_FLAGS,
                fx().instance().initialize(new MapiInit(0, 0x100)));
        fx().uninitialize();
        expectNotInitialized("initialize(), two failing nested initialize() and one uninitialize()");
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_7}, case by case.
     */
    @Test
    @Tag("INIT-7")
    @DisplayName("required INIT-7 MAPIUninitialize decrements; sessions survive a non-last MAPIUninitialize")
    default void required_INIT_7_uninitializeDecrements() {
        fx().initialize();
        fx().instance().initialize(new MapiInit(0, 0)); // nested: its code is INIT-5's business
        MapiSessionHandle handle = fx().logon();
        fx().uninitialize();
        probe().expectLoggedOn(handle, "a MAPIUninitialize that left the count at 1");
        expectInitialized("2 initialize() and 1 uninitialize()");
        fx().close(handle);
        fx().uninitialize();
        expectNotInitialized("2 initialize() and 2 uninitialize()");
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_8}, case by case.
     */
    @Test
    @Tag("INIT-8")
    @DisplayName("required INIT-8 The last MAPIUninitialize invalidates live sessions and releases their sinks")
    default void required_INIT_8_lastUninitializeInvalidates() {
        fx().initialize();
        // Many logons and final Releases first: whatever a provider keeps its live sessions in, the
        // old ones that are still logged on must be found as well as the newest.
        List<MapiSessionHandle> kept = new ArrayList<>();
        for (int i = 0; i < INIT_8_LOGONS; i++) {
            MapiSessionHandle session = fx().logon();
            if (i % 10 == 0) {
                kept.add(session);
            } else {
                fx().release(session); // REL-1: logged off by its final Release
            }
        }
        MapiSessionHandle individual = fx().logon();
        CountingSink sink = probe().sink("individual");
        probe().advise(individual, 0, sink);
        MapiSessionHandle publisher = null;
        MapiSessionHandle joiner = null;
        CountingSink publisherSink = probe().sink("publisher");
        CountingSink joinerSink = probe().sink("joiner");
        if (fx().destructiveAllowed()) {
            publisher = fx().instance().publish();
            joiner = fx().instance().join();
            probe().advise(publisher, 0, publisherSink);
            probe().advise(joiner, 0, joinerSink);
        }
        fx().uninitialize();
        String context = "the last uninitialize()";
        probe().expectNotLoggedOn(individual, context);
        verify().expectHr("logoff(0, 0, 0) after " + context, MAPI_E_INVALID_OBJECT, individual.logoff(0, 0, 0));
        verify().check(sink.releases() == sink.addRefs(), "after " + context + " the sink of a live session must be"
                + " released (AddRef " + sink.addRefs() + ", Release " + sink.releases() + ")");
        verify().check(sink.count() == 0, "the last uninitialize() must not notify: " + sink.received());
        for (int i = 0; i < kept.size(); i++) {
            probe().expectNotLoggedOn(kept.get(i), context + " (session " + (i + 1) + " of the " + kept.size()
                    + " kept from " + INIT_8_LOGONS + " logons)");
        }
        for (MapiSessionHandle session : kept) {
            fx().release(session);
        }
        if (publisher != null) {
            probe().expectNotLoggedOn(publisher, context);
            probe().expectNotLoggedOn(joiner, context);
            verify().check(publisherSink.criticalErrors() == 0 && joinerSink.criticalErrors() == 0,
                    "the last uninitialize() must not send shared-logoff notifications: " + publisherSink.received()
                            + " " + joinerSink.received());
        }
        int n = fx().release(individual);
        verify().check(n == 0, "release() of an invalidated handle with one reference expected 0 but was " + n);
        if (publisher != null) {
            fx().release(publisher);
            fx().release(joiner);
            if (fx().instance().initialize(new MapiInit(0, 0)) == S_OK) { // re-initialization is INIT-11's business
                verify().check(!fx().instance().published(), "after " + context + " and a new initialize() no shared"
                        + " session may be published");
                fx().uninitialize();
            }
        }
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_9}, case by case.
     */
    @Test
    @Tag("INIT-9")
    @DisplayName("required INIT-9 An unbalanced MAPIUninitialize is a no-op")
    default void required_INIT_9_unbalancedUninitializeIsNoOp() {
        try {
            fx().provider().uninitialize();
            fx().provider().uninitialize();
        } catch (RuntimeException e) {
            throw verify().failure("an unbalanced uninitialize() must not throw, but threw " + e);
        }
        expectNotInitialized("two unbalanced uninitialize()");
        fx().initialize();
        expectInitialized("two unbalanced uninitialize() and one initialize()");
        fx().uninitialize();
        expectNotInitialized("two unbalanced uninitialize(), one initialize() and one uninitialize()");
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_10}, case by case.
     */
    @Test
    @Tag("INIT-10")
    @DisplayName("required INIT-10 MAPILogonEx before MAPIInitialize returns MAPI_E_NOT_INITIALIZED")
    default void required_INIT_10_logonBeforeInitialize() {
        expectNotInitializedCode("nothing (a fresh provider)");
        fx().initialize();
        fx().uninitialize();
        expectNotInitializedCode("initialize() and uninitialize()");
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#INIT_11}, case by case.
     */
    @Test
    @Tag("INIT-11")
    @DisplayName("required INIT-11 MAPIInitialize again after the count reached 0; old handles stay invalid")
    default void required_INIT_11_reinitialize() {
        fx().initialize();
        MapiSessionHandle old = fx().logon();
        fx().uninitialize();
        verify().expectHr("initialize({0, 0}) after the count returned to 0", S_OK,
                fx().instance().initialize(new MapiInit(0, 0)));
        probe().expectNotLoggedOn(old, "the last uninitialize() and a new initialize()");
        MapiSessionHandle fresh = fx().logon();
        probe().expectLoggedOn(fresh, "a logon after re-initialization");
        fx().close(fresh);
        fx().release(old);
        fx().uninitialize();
        expectNotInitialized("re-initialization and its uninitialize()");
    }
}
