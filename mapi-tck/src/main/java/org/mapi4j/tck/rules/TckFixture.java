package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.tck.MapiProviderTck;
import org.mapi4j.tck.NotApplicableException;
import org.mapi4j.tck.Rule;
import org.opentest4j.AssertionFailedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one rule's test works with: the provider instance under test, failure messages that name the
 * rule, and bookkeeping so that every object the test created is released and MAPIInitialize is
 * balanced even when the test ends early. Thread-safe.
 *
 * <p>Tests release objects through {@link #release(MapiUnknown)} (never directly), so that
 * {@link #cleanup()} releases exactly what is left.
 */
public final class TckFixture {

    private static final Logger LOG = LoggerFactory.getLogger(TckFixture.class);

    private final Rule rule;
    private final TckSettings settings;
    private TckInstance instance;
    private boolean mainOwned;
    private int cases;
    private final IntFunction<MapiProvider> policyFactory;
    private final java.util.function.Supplier<MapiProvider> freshFactory;
    private final Consumer<MapiProvider> disposer;
    private final boolean destructiveAllowed;
    private final List<TckInstance> extraInstances = new ArrayList<>();
    private final Map<MapiUnknown, Integer> references = new IdentityHashMap<>();
    private java.util.Set<String> knownGaps = java.util.Set.of();
    private volatile boolean hung;

    /**
     * @param rule the rule under test
     * @param provider the fresh provider
     * @param settings the provider's environment
     * @param freshFactory makes a further fresh provider like {@code provider}
     * @param policyFactory makes a fresh provider with a fast-shutdown policy, or returns {@code null}
     * @param disposer disposes of a provider made by either factory
     * @param destructiveAllowed whether destructive cases may run against this provider
     */
    public TckFixture(Rule rule, MapiProvider provider, TckSettings settings,
            java.util.function.Supplier<MapiProvider> freshFactory, IntFunction<MapiProvider> policyFactory,
            Consumer<MapiProvider> disposer, boolean destructiveAllowed) {
        this.rule = rule;
        this.settings = settings;
        this.instance = new TckInstance(this, provider);
        this.freshFactory = freshFactory;
        this.policyFactory = policyFactory;
        this.disposer = disposer;
        this.destructiveAllowed = destructiveAllowed;
    }

    /**
     * @return whether cases that use MAPI_LOGOFF_SHARED, the published shared session or fast shutdown
     *     may run against this provider (spec decision 5)
     */
    public boolean destructiveAllowed() {
        return destructiveAllowed;
    }

    /**
     * Skips the current (dynamic) case unless destructive cases may run.
     *
     * @param what what the case does
     */
    public void requireDestructive(String what) {
        if (!destructiveAllowed) {
            throw new org.mapi4j.tck.DestructiveSkippedException(rule, what);
        }
    }

    /**
     * Ends the current case as not applicable unless the provider declares the capability.
     *
     * @param capability the capability
     * @param what what the case does
     */
    public void require(ProviderCapability capability, String what) {
        if (!has(capability)) {
            throw new NotApplicableException(rule, what + " needs capability " + capability + ", which "
                    + provider().name() + " does not declare", MapiProviderTck.OBSERVATION_CAPABILITIES.contains(capability));
        }
    }

    /** @return a further fresh instance of the provider under test, cleaned up with this fixture */
    public TckInstance freshInstance() {
        return extra(freshFactory.get());
    }

    private TckInstance extra(MapiProvider provider) {
        TckInstance extra = new TckInstance(this, provider);
        synchronized (this) {
            extraInstances.add(extra);
        }
        return extra;
    }

    /**
     * @param gaps the TCK subclass's known provider gaps ({@link MapiProviderTck#knownProviderGaps()})
     */
    public void knownGaps(java.util.Set<String> gaps) {
        this.knownGaps = java.util.Set.copyOf(gaps);
    }

    /** @return the TCK subclass's known provider gaps */
    public java.util.Set<String> knownGaps() {
        return knownGaps;
    }

    /** @return the rule under test */
    public Rule rule() {
        return rule;
    }

    /** @return the settings */
    public TckSettings settings() {
        return settings;
    }

    /** @return the provider instance under test */
    public synchronized TckInstance instance() {
        return instance;
    }

    /**
     * Starts one case of a rule with several cases: from the second case on, what the previous case left
     * is cleaned up and a fresh provider replaces the one under test, so that cases are as independent
     * as tests.
     */
    public void startCase() {
        synchronized (this) {
            if (cases++ == 0) {
                return;
            }
        }
        boolean abandon = hung;
        if (!abandon && rule.id().startsWith("CALLBACK-")) {
            try {
                org.mapi4j.tck.internal.Watchdog.run("cleanup of the previous case", settings.callbackTimeout(), () -> {
                    releaseAll();
                    return null;
                });
            } catch (Exception | Error e) {
                LOG.warn("{}: cleanup of the previous case did not finish; its provider is abandoned", rule.id(), e);
                abandon = true;
            }
        }
        if (abandon) {
            // A previous case hung (or its cleanup did): its objects may be wedged, so they are abandoned.
            synchronized (this) {
                references.clear();
                extraInstances.clear();
            }
            hung = false;
        } else if (!rule.id().startsWith("CALLBACK-")) {
            releaseAll();
        }
        MapiProvider fresh = freshFactory.get();
        TckInstance old;
        boolean owned;
        synchronized (this) {
            old = instance;
            owned = mainOwned;
            instance = new TckInstance(this, fresh);
            mainOwned = true;
        }
        if (owned && !abandon) {
            quietly(() -> disposer.accept(old.provider()));
        }
    }

    /** @return the provider under test */
    public MapiProvider provider() {
        return instance().provider();
    }

    /**
     * @param capability a capability
     * @return whether the provider declares it
     */
    public boolean has(ProviderCapability capability) {
        return provider().capabilities().contains(capability);
    }

    /**
     * A further fresh provider instance with a fast-shutdown policy (A.11), cleaned up with this fixture.
     *
     * @param policy 0, 1 or 2
     * @return the instance, or {@code null} if the TCK subclass cannot make one
     */
    public TckInstance instanceWithPolicy(int policy) {
        MapiProvider provider = policyFactory.apply(policy);
        return provider == null ? null : extra(provider);
    }

    // ---------------------------------------------------------------- failures

    /**
     * @param what what went wrong, without the rule ID
     * @return a failure whose message starts with the rule ID
     */
    public AssertionFailedError failure(String what) {
        return new AssertionFailedError(rule.id() + ": " + what);
    }

    /**
     * @param condition must hold
     * @param what the failure message without the rule ID
     */
    public void check(boolean condition, String what) {
        if (!condition) {
            throw failure(what);
        }
    }

    /**
     * @param call the call as a C caller would write it, e.g. {@code logoff(0, 0x4, 0)}
     * @param expected the expected HRESULT
     * @param actual the HRESULT returned
     */
    public void expectHr(String call, int expected, int actual) {
        if (expected != actual) {
            throw new AssertionFailedError(rule.id() + ": " + call + " expected " + HResult.describe(expected)
                    + " but was " + HResult.describe(actual), HResult.describe(expected), HResult.describe(actual));
        }
    }

    /**
     * @param call the call
     * @param actual the HRESULT returned
     * @param allowed the HRESULTs the rule allows
     */
    public void expectHrIn(String call, int actual, int... allowed) {
        for (int a : allowed) {
            if (a == actual) {
                return;
            }
        }
        throw failure(call + " expected one of " + Arrays.stream(allowed).mapToObj(HResult::describe)
                .collect(Collectors.joining(", ")) + " but was " + HResult.describe(actual));
    }

    /**
     * Ends the test as not applicable (a capability or optional behaviour is missing).
     *
     * @param reason why
     * @return never returns normally; declared for {@code throw fx.notApplicable(...)}
     */
    public NotApplicableException notApplicable(String reason) {
        return new NotApplicableException(rule, reason);
    }

    /**
     * Ends the current case as not applicable because the TCK cannot observe a mandatory behaviour of
     * this provider; the rule is then not verified (spec decision 12).
     *
     * @param reason why
     * @return never returns normally; declared for {@code throw fx.unverifiable(...)}
     */
    public NotApplicableException unverifiable(String reason) {
        return new NotApplicableException(rule, reason, true);
    }

    /**
     * Makes one SPI call and reports an exception that escapes it as a GEN-5 failure naming the call,
     * whichever rule is running (spec decision 7).
     *
     * @param call the call as a C caller would write it
     * @param action the call
     * @return what the call returned
     */
    public int spi(String call, java.util.function.IntSupplier action) {
        try {
            return action.getAsInt();
        } catch (RuntimeException | LinkageError e) {
            throw new AssertionFailedError(org.mapi4j.tck.internal.EscapedExceptions.message(call, e, rule), e);
        }
    }

    /**
     * Runs a step that may hang (a callback that calls back) under the watchdog: if it does not end
     * within the callback timeout, the rule fails with every thread's stack (spec decision 9).
     *
     * @param what what the step does
     * @param step the step
     * @param <T> its result
     * @return its result
     */
    public <T> T bounded(String what, java.util.concurrent.Callable<T> step) {
        try {
            return org.mapi4j.tck.internal.Watchdog.run(what, settings.callbackTimeout(), step);
        } catch (org.mapi4j.tck.internal.Watchdog.HangException e) {
            hung = true;
            throw failure(e.getMessage());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return whether a step of this test hung: the provider may be wedged, so cleanup runs under the
     *     watchdog and gives up rather than hang the build
     */
    public boolean hung() {
        return hung;
    }

    // ---------------------------------------------------------------- shortcuts to the main instance

    /** MAPIInitialize(NULL) on the provider under test, which must succeed. */
    public void initialize() {
        instance().initialize();
    }

    /** MAPIUninitialize on the provider under test. */
    public void uninitialize() {
        instance().uninitialize();
    }

    /** @return a new individual session on the default profile */
    public MapiSessionHandle logon() {
        return instance().logon();
    }

    // ---------------------------------------------------------------- objects

    /**
     * Tracks an object the test owns one reference to.
     *
     * @param object the object
     * @param <T> its type
     * @return the object
     */
    public synchronized <T extends MapiUnknown> T track(T object) {
        references.merge(object, 1, Integer::sum);
        return object;
    }

    /**
     * AddRef, tracked.
     *
     * @param object the object
     * @return what AddRef returned
     */
    public int addRef(MapiUnknown object) {
        int n = object.addRef();
        track(object);
        return n;
    }

    /**
     * Release, tracked.
     *
     * @param object the object
     * @return what Release returned
     */
    public int release(MapiUnknown object) {
        synchronized (this) {
            references.computeIfPresent(object, (k, v) -> v > 1 ? v - 1 : null);
        }
        return object.release();
    }

    /**
     * Logoff(0, 0, 0), which must return S_OK.
     *
     * @param handle the handle
     */
    public void logoff(MapiSessionHandle handle) {
        expectHr("logoff(0, 0, 0)", S_OK, handle.logoff(0, 0, 0));
    }

    /**
     * Logoff(0, 0, 0), which must return S_OK, then Release (its count is checked by POSTLOGOFF-2 only).
     *
     * @param handle the handle
     */
    public void close(MapiSessionHandle handle) {
        logoff(handle);
        release(handle);
    }

    // ---------------------------------------------------------------- sinks and state probes

    /**
     * @param name a name for messages
     * @return a new counting sink
     */
    public CountingSink sink(String name) {
        return new CountingSink(name);
    }

    /**
     * Advise(NULL, mask, sink), which must succeed with a non-zero connection.
     *
     * @param handle the handle
     * @param mask the event mask
     * @param sink the sink
     * @return the connection number
     */
    public long advise(MapiSessionHandle handle, int mask, CountingSink sink) {
        org.mapi4j.spi.LongOut connection = new org.mapi4j.spi.LongOut();
        expectHr("advise(NULL, " + HResult.hex(mask) + ", " + sink + ")", S_OK,
                handle.advise(null, mask, sink, connection));
        check(connection.get() != 0, "advise(NULL, " + HResult.hex(mask) + ", " + sink
                + ") returned S_OK with connection 0");
        return connection.get();
    }

    /**
     * Checks that a handle is logged on: a session-level Advise succeeds (then it is undone).
     *
     * @param handle the handle
     * @param context what just happened, for the message
     */
    public void expectLoggedOn(MapiSessionHandle handle, String context) {
        CountingSink probe = new CountingSink("probe");
        org.mapi4j.spi.LongOut connection = new org.mapi4j.spi.LongOut();
        int hr = handle.advise(null, 0, probe, connection);
        if (hr != S_OK) {
            throw failure("after " + context + " the handle must still be logged on, but advise(NULL, 0, sink)"
                    + " returned " + HResult.describe(hr));
        }
        int un = handle.unadvise(connection.get());
        if (un != S_OK) {
            throw failure("after " + context + " the handle must still be logged on, but unadvise("
                    + connection.get() + ") returned " + HResult.describe(un));
        }
    }

    /**
     * Checks that a handle is not logged on: a session-level Advise returns MAPI_E_INVALID_OBJECT.
     *
     * @param handle the handle
     * @param context what just happened
     */
    public void expectNotLoggedOn(MapiSessionHandle handle, String context) {
        CountingSink probe = new CountingSink("probe");
        org.mapi4j.spi.LongOut connection = new org.mapi4j.spi.LongOut();
        int hr = handle.advise(null, 0, probe, connection);
        if (hr == S_OK) {
            handle.unadvise(connection.get());
        }
        if (hr != MAPI_E_INVALID_OBJECT) {
            throw failure("after " + context + " the handle must be logged off, but advise(NULL, 0, sink) returned "
                    + HResult.describe(hr) + " instead of " + HResult.describe(MAPI_E_INVALID_OBJECT));
        }
    }

    /**
     * Checks that a sink received exactly {@code n} notifications: at once with synchronous delivery,
     * else after waiting up to the notification timeout (SHARED-7).
     *
     * @param sink the sink
     * @param n how many
     * @param context what triggered them
     */
    public void expectNotifications(CountingSink sink, int n, String context) {
        if (!has(ProviderCapability.SYNCHRONOUS_NOTIFICATIONS)) {
            try {
                sink.awaitCount(n, settings.notificationTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for notifications");
            }
        }
        int got = sink.count();
        check(got == n, "after " + context + " " + sink + " expected exactly " + n + " notification(s) but got "
                + got + " " + sink.received());
    }

    /**
     * Checks that a sink received at least one notification (waiting up to the notification timeout
     * with asynchronous delivery); exactly-once is SHARED-5's business.
     *
     * @param sink the sink
     * @param context what triggered it
     */
    public void expectSomeNotification(CountingSink sink, String context) {
        try {
            sink.awaitCount(1, has(ProviderCapability.SYNCHRONOUS_NOTIFICATIONS) ? java.time.Duration.ZERO
                    : settings.notificationTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for notifications");
        }
        check(sink.count() >= 1, "after " + context + " " + sink + " expected a notification but got none");
    }

    /**
     * Checks that a sink received no notification. With asynchronous delivery it first waits for the
     * marker sinks to receive theirs, so that a late notification would have arrived too.
     *
     * @param sink the sink
     * @param context what happened
     * @param markers sinks that must each receive (at least) one notification first
     */
    public void expectNoNotification(CountingSink sink, String context, CountingSink... markers) {
        if (!has(ProviderCapability.SYNCHRONOUS_NOTIFICATIONS)) {
            for (CountingSink marker : markers) {
                try {
                    marker.awaitCount(1, settings.notificationTimeout());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure("interrupted while waiting for notifications");
                }
            }
        }
        int got = sink.count();
        check(got == 0, "after " + context + " " + sink + " expected no notification but got " + got + " "
                + sink.received());
    }

    // ---------------------------------------------------------------- cleanup

    /**
     * Releases every object the test still owns and balances MAPIInitialize on every instance; never
     * throws. Called after every test.
     */
    public void cleanup() {
        if (hung || rule.id().startsWith("CALLBACK-")) {
            try {
                org.mapi4j.tck.internal.Watchdog.run("cleanup after a hang", settings.callbackTimeout(), () -> {
                    cleanupNow();
                    return null;
                });
            } catch (Exception | Error e) {
                LOG.warn("{}: cleanup after a hang did not finish; the provider instance is abandoned", rule.id(), e);
            }
            return;
        }
        cleanupNow();
    }

    private void cleanupNow() {
        releaseAll();
        TckInstance main;
        boolean owned;
        synchronized (this) {
            main = instance;
            owned = mainOwned;
            mainOwned = false;
        }
        if (owned) {
            quietly(() -> disposer.accept(main.provider()));
        }
    }

    private void releaseAll() {
        TckInstance main = instance();
        List<Map.Entry<MapiUnknown, Integer>> left;
        List<TckInstance> extras;
        synchronized (this) {
            left = new ArrayList<>(references.entrySet());
            references.clear();
            extras = new ArrayList<>(extraInstances);
            extraInstances.clear();
        }
        for (Map.Entry<MapiUnknown, Integer> entry : left) {
            for (int i = 0; i < entry.getValue(); i++) {
                quietly(() -> entry.getKey().release());
            }
        }
        quietly(main::cleanup);
        for (TckInstance extra : extras) {
            quietly(extra::cleanup);
            quietly(() -> disposer.accept(extra.provider()));
        }
    }

    private void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("{}: cleanup step failed", rule.id(), e);
        }
    }
}
