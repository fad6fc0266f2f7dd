package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
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
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.tck.fixture.CountingSink;
import org.mapi4j.tck.fixture.TckInstance;

/** Spec B.9: fast shutdown through IMAPIClientShutdown (FAST-1 to FAST-5). */
public interface FastShutdownRules extends TckContext {

    /**
     * QueryInterface for IMAPIClientShutdown; the interface is tracked. When it cannot be had, the
     * calling rule is not applicable: FAST-1 alone fails for that.
     */
    private ClientShutdown clientShutdown(MapiSessionHandle handle) {
        Out<Object> out = new Out<>();
        int hr = handle.queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, out);
        if (hr != S_OK || !(out.get() instanceof ClientShutdown)) {
            if (out.get() instanceof org.mapi4j.spi.MapiUnknown unknown) {
                unknown.release();
            }
            throw verify().notApplicable("queryInterface(IID_IMAPIClientShutdown) returned " + HResult.describe(hr)
                    + " and no IMAPIClientShutdown (see FAST-1)");
        }
        return fx().track((ClientShutdown) out.get());
    }

    /** The instance for a fast-shutdown policy, or a not-applicable abort. */
    private TckInstance withPolicy(int policy) {
        fx().require(ProviderCapability.CONFIGURABLE_FAST_SHUTDOWN_POLICY, "fast-shutdown policy " + policy);
        TckInstance instance = fx().instanceWithPolicy(policy);
        if (instance == null) {
            throw verify().notApplicable("the TCK subclass cannot create a provider with fast-shutdown policy " + policy
                    + " (override MapiProviderTck.createProvider(FastShutdownPolicy))");
        }
        return instance;
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#FAST_1}, case by case.
     */
    @Test
    @Tag("FAST-1")
    @DisplayName("required FAST-1 QueryInterface(IID_IMAPIClientShutdown) answers as the provider declares")
    default void required_FAST_1_clientShutdownInterface() {
        fx().initialize();
        MapiSessionHandle handle = fx().logon();
        if (fx().has(ProviderCapability.FAST_SHUTDOWN)) {
            Out<Object> out = new Out<>();
            verify().expectHr("queryInterface(IID_IMAPIClientShutdown) on a provider with FAST_SHUTDOWN", S_OK,
                    handle.queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, out));
            verify().check(out.get() instanceof ClientShutdown, "queryInterface(IID_IMAPIClientShutdown) returned S_OK"
                    + " and " + out.get() + ", which is not an IMAPIClientShutdown");
            fx().release(fx().track((ClientShutdown) out.get()));
        } else {
            Out<Object> out = new Out<>();
            out.set("sentinel");
            verify().expectHr("queryInterface(IID_IMAPIClientShutdown) on a provider without FAST_SHUTDOWN",
                    MAPI_E_INTERFACE_NOT_SUPPORTED, handle.queryInterface(Iids.IID_IMAPICLIENTSHUTDOWN, out));
            verify().check(out.get() == null, "a failed queryInterface must set the interface to NULL");
        }
        fx().close(handle);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#FAST_2}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("FAST-2")
    @DisplayName("required FAST-2 QueryFastShutdown returns S_OK or MAPI_E_NO_SUPPORT by policy and changes nothing")
    default Stream<DynamicTest> required_FAST_2_queryFastShutdown() {
        List<DynamicTest> cases = new ArrayList<>();
        cases.add(tckCase("the provider as created", () -> query(fx().instance(), -1)));
        for (int policy = 0; policy <= 2; policy++) {
            int p = policy;
            cases.add(tckCase("policy " + p, () -> query(withPolicy(p), p)));
        }
        return cases.stream();
    }

    private int query(TckInstance instance, int policy) {
        instance.initialize();
        MapiSessionHandle handle = instance.logon();
        ClientShutdown shutdown = clientShutdown(handle);
        int first = shutdown.queryFastShutdown();
        verify().expectHrIn("queryFastShutdown()", first, S_OK, MAPI_E_NO_SUPPORT);
        if (policy == 2) {
            verify().expectHr("queryFastShutdown() under policy 2", MAPI_E_NO_SUPPORT, first);
        }
        verify().expectHr("a second queryFastShutdown()", first, shutdown.queryFastShutdown());
        probe().expectLoggedOn(handle, "queryFastShutdown()");
        fx().release(shutdown);
        fx().close(handle);
        instance.uninitialize();
        return first;
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#FAST_3}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("FAST-3")
    @DisplayName("required FAST-3 NotifyProcessShutdown returns S_OK and leaves the session usable")
    default Stream<DynamicTest> required_FAST_3_notifyProcessShutdown() {
        List<DynamicTest> cases = new ArrayList<>();
        cases.add(tckCase("the provider as created", () -> notifyShutdown(fx().instance())));
        for (int policy = 0; policy <= 2; policy++) {
            int p = policy;
            cases.add(tckCase("policy " + p, () -> notifyShutdown(withPolicy(p))));
        }
        return cases.stream();
    }

    private void notifyShutdown(TckInstance instance) {
        instance.initialize();
        MapiSessionHandle handle = instance.logon();
        ClientShutdown shutdown = clientShutdown(handle);
        shutdown.queryFastShutdown();
        verify().expectHr("notifyProcessShutdown()", S_OK, shutdown.notifyProcessShutdown());
        verify().expectHr("a second notifyProcessShutdown()", S_OK, shutdown.notifyProcessShutdown());
        probe().expectLoggedOn(handle, "notifyProcessShutdown()");
        fx().release(shutdown);
        fx().close(handle);
        MapiSessionHandle again = instance.logon();
        fx().close(again);
        instance.uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#FAST_4}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("FAST-4")
    @DisplayName("required FAST-4 DoFastShutdown follows the policy, with or without QueryFastShutdown")
    default Stream<DynamicTest> required_FAST_4_doFastShutdown() {
        List<DynamicTest> cases = new ArrayList<>();
        cases.add(tckCase("the provider as created", () ->
                doShutdown(fx().instance(), fx().freshInstance(), -1)));
        for (int policy = 0; policy <= 2; policy++) {
            int p = policy;
            cases.add(tckCase("policy " + p, () -> doShutdown(withPolicy(p), withPolicy(p), p)));
        }
        return cases.stream();
    }

    private void doShutdown(TckInstance first, TckInstance unqueried, int policy) {
        first.initialize();
        MapiSessionHandle handle = first.logon();
        ClientShutdown shutdown = clientShutdown(handle);
        int queried = shutdown.queryFastShutdown();
        // What the policy answers: known for policy 2 (A.11), else what QueryFastShutdown said (FAST-2).
        int answer = policy == 2 ? MAPI_E_NO_SUPPORT : queried;
        verify().expectHrIn("queryFastShutdown()", queried, S_OK, MAPI_E_NO_SUPPORT);
        shutdown.notifyProcessShutdown(); // its code is FAST-3's business
        verify().expectHr("doFastShutdown() after queryFastShutdown() (policy " + (policy < 0 ? "as created" : policy)
                + " answers " + HResult.describe(answer) + ")", answer, shutdown.doFastShutdown());
        fx().release(shutdown);
        if (answer == S_OK) {
            first.forgetBalance();
            fx().release(handle);
        } else {
            probe().expectLoggedOn(handle, "a refused doFastShutdown()");
            fx().close(handle);
            first.uninitialize();
        }

        unqueried.initialize();
        MapiSessionHandle other = unqueried.logon();
        ClientShutdown direct = clientShutdown(other);
        verify().expectHr("doFastShutdown() without queryFastShutdown() (the same policy answered "
                + HResult.describe(answer) + ")", answer, direct.doFastShutdown());
        fx().release(direct);
        if (answer == S_OK) {
            unqueried.forgetBalance();
            fx().release(other);
        } else {
            probe().expectLoggedOn(other, "a refused doFastShutdown()");
            fx().close(other);
            unqueried.uninitialize();
        }
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#FAST_5}, case by case.
     */
    @Test
    @Tag("FAST-5")
    @DisplayName("required FAST-5 After DoFastShutdown the instance is terminated")
    default void required_FAST_5_terminatedAfterFastShutdown() {
        TckInstance instance = fx().instance();
        instance.initialize();
        MapiSessionHandle probe = instance.logon();
        ClientShutdown probeShutdown = clientShutdown(probe);
        int answer = probeShutdown.queryFastShutdown();
        fx().release(probeShutdown);
        fx().close(probe);
        instance.uninitialize();
        if (answer != S_OK) {
            if (!fx().has(ProviderCapability.CONFIGURABLE_FAST_SHUTDOWN_POLICY)) {
                throw verify().notApplicable("queryFastShutdown() returns MAPI_E_NO_SUPPORT and the policy cannot be"
                        + " configured");
            }
            instance = withPolicy(0);
        } else {
            instance = fx().freshInstance(); // the probe's MAPIInitialize must not be re-done (INIT-11)
        }
        instance.initialize();
        MapiSessionHandle individual = instance.logon();
        MapiSessionHandle publisher = instance.publish();
        MapiSessionHandle joiner = instance.join();
        CountingSink sink = probe().sink("of a participant");
        probe().advise(joiner, 0, sink);
        Out<MapiTable> table = new Out<>();
        boolean hasTable = individual.getMsgStoresTable(0, table) == S_OK && table.get() != null;
        if (hasTable) {
            fx().track(table.get());
        }
        ClientShutdown shutdown = clientShutdown(individual);
        verify().expectHr("queryFastShutdown()", S_OK, shutdown.queryFastShutdown());
        verify().expectHr("notifyProcessShutdown()", S_OK, shutdown.notifyProcessShutdown());
        verify().expectHr("doFastShutdown()", S_OK, shutdown.doFastShutdown());
        instance.forgetBalance();
        String context = "doFastShutdown()";
        for (MapiSessionHandle handle : List.of(individual, publisher, joiner)) {
            verify().expectHr("logoff(0, 0, 0) after " + context, MAPI_E_INVALID_OBJECT, handle.logoff(0, 0, 0));
            probe().expectNotLoggedOn(handle, context);
        }
        if (hasTable) {
            verify().expectHr("getRowCount(0) on a table after " + context, MAPI_E_INVALID_OBJECT,
                    table.get().getRowCount(0, new IntOut()));
        }
        if (fx().has(ProviderCapability.SYNCHRONOUS_NOTIFICATIONS)) {
            verify().check(sink.criticalErrors() == 0, context + " must not send shared-logoff notifications, but "
                    + sink + " received " + sink.received());
        }
        Out<MapiSessionHandle> out = new Out<>();
        verify().expectHr("logon after " + context, MAPI_E_NOT_INITIALIZED,
                instance.logon(0, null, null, TckInstance.NEW_SESSION_FLAGS, out));
        verify().expectHr("initialize(NULL) after " + context, MAPI_E_NOT_INITIALIZED, instance.provider().initialize(null));
        try {
            instance.provider().uninitialize();
        } catch (RuntimeException e) {
            throw verify().failure("uninitialize() after " + context + " must be a no-op, but threw " + e);
        }
        int again = instance.logon(0, null, null, TckInstance.NEW_SESSION_FLAGS, out);
        verify().check(!HResult.succeeded(again), "logon after " + context + " and uninitialize() must still fail,"
                + " but returned " + HResult.describe(again));
        fx().release(shutdown);
        if (hasTable) {
            fx().release(table.get());
        }
        for (MapiSessionHandle handle : List.of(individual, publisher, joiner)) {
            int n = fx().release(handle);
            verify().check(n == 0, "release() after " + context + " expected 0 but was " + n);
        }
    }
}
