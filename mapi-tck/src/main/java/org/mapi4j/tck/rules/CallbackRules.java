package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.FNEV_CRITICAL_ERROR;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_UI;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.tck.fixture.CountingSink;
import org.mapi4j.tck.fixture.TckInstance;
import org.mapi4j.tck.fixture.TckFixture;

/**
 * Spec decisions 9 to 11: user code that the provider calls (the logoff confirmation, advise sinks) may
 * call back into MAPI, may throw, and may end MAPI while calls are in flight (CALLBACK-1 to CALLBACK-3).
 * Every case runs under the watchdog ({@link TckFixture#bounded}): a hang fails the rule with every
 * thread's stack instead of hanging the build.
 */
public interface CallbackRules extends TckContext {

    /** What a sink or a confirmation throws in CALLBACK-2: an {@link Error}, not an exception. */
    final class CallbackError extends Error {
        /** The serialized form's version. */
        private static final long serialVersionUID = 1L;

        CallbackError(String message) {
            super(message);
        }
    }

    /** The ulUIParam the TCK passes with MAPI_LOGOFF_UI. */
    long UI = 0x4D41_5049L;

    /** Installs a confirmation; the case fails unverified if the provider cannot take a scripted one. */
    private void confirmation(org.mapi4j.spi.LogoffConfirmation hook) {
        fx().require(ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION, "a confirmation that calls back");
        fx().provider().setLogoffConfirmation(hook);
    }

    /** Logoff with MAPI_LOGOFF_UI; an Error thrown by user code that escapes is a failure, not a crash. */
    private int logoffUi(MapiSessionHandle handle, int flags) {
        String call = "logoff(0x" + Long.toHexString(UI) + ", " + HResult.hex(flags) + ", 0)";
        try {
            return verify().spi(call, () -> handle.logoff(UI, flags, 0));
        } catch (CallbackError e) {
            throw verify().failure(call + " let the Error thrown by user code escape: " + e.getMessage());
        }
    }

    /** A shared logoff by {@code publisher}; an Error thrown by a sink that escapes is a failure. */
    private int sharedLogoff(MapiSessionHandle publisher) {
        try {
            return verify().spi("logoff(0, MAPI_LOGOFF_SHARED, 0)", () -> publisher.logoff(0, MAPI_LOGOFF_SHARED, 0));
        } catch (CallbackError e) {
            throw verify().failure("logoff(0, MAPI_LOGOFF_SHARED, 0) let the Error thrown by a sink escape: "
                    + e.getMessage());
        }
    }

    /**
     * A case whose whole body, cleanup calls included, runs under the watchdog: a callback that calls
     * back may wedge the provider anywhere.
     */
    private DynamicTest callbackCase(String name, org.junit.jupiter.api.function.Executable body) {
        return tckCase(name, () -> verify().bounded(name, () -> {
            try {
                body.execute();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            return null;
        }));
    }

    /** Runs a case body under the watchdog. */
    private void watched(String what, Runnable body) {
        verify().bounded(what, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#CALLBACK_1}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("CALLBACK-1")
    @DisplayName("required CALLBACK-1 A confirmation or a sink that calls back into MAPI never hangs")
    default Stream<DynamicTest> required_CALLBACK_1_callbacksMayCallBack() {
        List<DynamicTest> cases = new ArrayList<>();
        cases.add(callbackCase("the confirmation calls Logoff on its own session", () -> {
            fx().initialize();
            MapiSessionHandle handle = fx().logon();
            AtomicInteger inner = new AtomicInteger(Integer.MIN_VALUE);
            confirmation(ui -> {
                inner.set(handle.logoff(0, 0, 0));
                return true;
            });
            watched("logoff(UI) whose confirmation calls logoff(0, 0, 0) on the same handle", () -> {
                verify().expectHr("logoff(0x" + Long.toHexString(UI) + ", MAPI_LOGOFF_UI, 0)", S_OK,
                        logoffUi(handle, MAPI_LOGOFF_UI));
                verify().expectHr("logoff(0, 0, 0) inside the confirmation of a logoff of the same handle (LOGOFF-5)",
                        MAPI_E_INVALID_OBJECT, inner.get());
                probe().expectNotLoggedOn(handle, "logoff(MAPI_LOGOFF_UI) whose confirmation called logoff");
            });
            fx().provider().setLogoffConfirmation(null);
            fx().release(handle);
            fx().uninitialize();
        }));
        cases.add(callbackCase("the confirmation makes the final Release of its own session", () -> {
            fx().initialize();
            MapiSessionHandle handle = fx().logon();
            AtomicInteger released = new AtomicInteger(Integer.MIN_VALUE);
            confirmation(ui -> {
                released.set(fx().release(handle));
                return true;
            });
            watched("logoff(UI) whose confirmation releases the handle", () -> {
                verify().expectHr("logoff(0x" + Long.toHexString(UI) + ", MAPI_LOGOFF_UI, 0) whose confirmation made the"
                        + " final release()", S_OK, logoffUi(handle, MAPI_LOGOFF_UI));
                verify().check(released.get() == 0, "the final release() inside the confirmation expected 0 but was "
                        + released.get());
                int n = handle.addRef();
                verify().check(n == 0, "addRef() after a logoff whose confirmation made the final release() must find"
                        + " the handle destroyed (POSTLOGOFF-6) and return 0, but returned " + n);
            });
            fx().provider().setLogoffConfirmation(null);
            fx().uninitialize();
        }));
        cases.add(callbackCase("the confirmation logs another session on and off", () -> {
            fx().initialize();
            MapiSessionHandle handle = fx().logon();
            AtomicReference<String> problem = new AtomicReference<>();
            confirmation(ui -> {
                Out<MapiSessionHandle> out = new Out<>();
                int hr = fx().instance().logon(0, null, null, TckInstance.NEW_SESSION_FLAGS, out);
                if (hr != S_OK || out.get() == null) {
                    problem.set("logon inside the confirmation returned " + HResult.describe(hr));
                    return true;
                }
                int off = out.get().logoff(0, 0, 0);
                fx().release(out.get());
                if (off != S_OK) {
                    problem.set("logoff(0, 0, 0) of another session inside the confirmation returned "
                            + HResult.describe(off));
                }
                return true;
            });
            watched("logoff(UI) whose confirmation logs another session on and off", () -> {
                verify().expectHr("logoff(0x" + Long.toHexString(UI) + ", MAPI_LOGOFF_UI, 0)", S_OK,
                        logoffUi(handle, MAPI_LOGOFF_UI));
                verify().check(problem.get() == null, String.valueOf(problem.get()));
            });
            fx().provider().setLogoffConfirmation(null);
            fx().release(handle);
            fx().uninitialize();
        }));
        cases.add(callbackCase("the confirmation calls the last MAPIUninitialize", () -> {
            fx().initialize();
            MapiSessionHandle handle = fx().logon();
            confirmation(ui -> {
                fx().uninitialize();
                return true;
            });
            watched("logoff(UI) whose confirmation calls the last uninitialize()", () -> {
                int hr = logoffUi(handle, MAPI_LOGOFF_UI);
                verify().expectHrIn("logoff(0x" + Long.toHexString(UI) + ", MAPI_LOGOFF_UI, 0) whose confirmation called"
                        + " the last uninitialize()", hr, S_OK, MAPI_E_INVALID_OBJECT);
                probe().expectNotLoggedOn(handle, "the last uninitialize() inside a logoff's confirmation");
            });
            fx().provider().setLogoffConfirmation(null);
            fx().release(handle);
        }));
        cases.add(callbackCase("a sink logs its own handle off while other threads log on and off", () -> {
            fx().requireDestructive("MAPI_LOGOFF_SHARED");
            fx().initialize();
            MapiSessionHandle publisher = fx().instance().publish();
            MapiSessionHandle joiner = fx().instance().join();
            CountingSink sink = probe().sink("that logs its handle off");
            AtomicInteger inner = new AtomicInteger(Integer.MIN_VALUE);
            sink.duringNotify(() -> inner.compareAndSet(Integer.MIN_VALUE, joiner.logoff(0, 0, 0)));
            probe().advise(joiner, FNEV_CRITICAL_ERROR, sink);
            watched("a shared logoff whose notification makes the receiver log off, with 4 threads logging on and"
                    + " off", () -> {
                        Churn churn = new Churn(fx(), 4, 25);
                        verify().expectHr("logoff(0, MAPI_LOGOFF_SHARED, 0)", S_OK, sharedLogoff(publisher));
                        verify().expectSomeNotification(sink, "logoff(0, MAPI_LOGOFF_SHARED, 0)");
                        churn.finish();
                        verify().expectHr("logoff(0, 0, 0) of the notified handle inside its sink", S_OK, inner.get());
                        probe().expectNotLoggedOn(joiner, "logoff(0, 0, 0) inside the sink");
                    });
            fx().release(joiner);
            fx().release(publisher);
            fx().uninitialize();
        }));
        cases.add(callbackCase("a sink unadvises itself and makes the final Release of its handle", () -> {
            fx().requireDestructive("MAPI_LOGOFF_SHARED");
            fx().initialize();
            MapiSessionHandle publisher = fx().instance().publish();
            MapiSessionHandle joiner = fx().instance().join();
            CountingSink sink = probe().sink("that unadvises and releases");
            AtomicLong connection = new AtomicLong();
            AtomicReference<String> problem = new AtomicReference<>();
            sink.duringNotify(() -> {
                int un = joiner.unadvise(connection.get());
                if (un != S_OK) {
                    problem.set("unadvise(" + connection.get() + ") inside its own OnNotify returned "
                            + HResult.describe(un));
                }
                int n = fx().release(joiner);
                if (n != 0) {
                    problem.set("the final release() inside OnNotify returned " + n);
                }
            });
            connection.set(probe().advise(joiner, FNEV_CRITICAL_ERROR, sink));
            watched("a shared logoff whose notification unadvises and releases the receiver", () -> {
                verify().expectHr("logoff(0, MAPI_LOGOFF_SHARED, 0)", S_OK, sharedLogoff(publisher));
                verify().expectSomeNotification(sink, "logoff(0, MAPI_LOGOFF_SHARED, 0)");
                verify().check(problem.get() == null, String.valueOf(problem.get()));
            });
            fx().release(publisher);
            fx().uninitialize();
        }));
        return cases.stream();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#CALLBACK_2}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("CALLBACK-2")
    @DisplayName("required CALLBACK-2 A confirmation or a sink that throws an Error does not stop the operation")
    default Stream<DynamicTest> required_CALLBACK_2_faultsInUserCode() {
        return Stream.of(
                callbackCase("the confirmation throws an Error", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    confirmation(ui -> {
                        throw new CallbackError("TCK: the confirmation fails with an Error");
                    });
                    watched("logoff(UI) whose confirmation throws an Error", () -> {
                        verify().expectHr("logoff(0x" + Long.toHexString(UI) + ", MAPI_LOGOFF_UI, 0) whose confirmation"
                                + " throws an Error", MAPI_E_CALL_FAILED, logoffUi(handle, MAPI_LOGOFF_UI));
                        probe().expectLoggedOn(handle, "a confirmation that threw an Error");
                    });
                    fx().provider().setLogoffConfirmation(null);
                    fx().close(handle);
                    fx().uninitialize();
                }),
                callbackCase("a sink throws an Error during the shared-logoff delivery", () -> {
                    fx().requireDestructive("MAPI_LOGOFF_SHARED");
                    fx().initialize();
                    MapiSessionHandle publisher = fx().instance().publish();
                    MapiSessionHandle thrower = fx().instance().join();
                    MapiSessionHandle other = fx().instance().join();
                    CountingSink failing = probe().sink("that throws an Error");
                    CountingSink counting = probe().sink("of the other participant");
                    failing.duringNotify(() -> {
                        throw new CallbackError("TCK: the sink fails with an Error");
                    });
                    probe().advise(thrower, FNEV_CRITICAL_ERROR, failing);
                    probe().advise(other, FNEV_CRITICAL_ERROR, counting);
                    watched("a shared logoff whose delivery meets a sink that throws an Error", () -> {
                        verify().expectHr("logoff(0, MAPI_LOGOFF_SHARED, 0) with a sink that throws an Error", S_OK,
                                sharedLogoff(publisher));
                        verify().expectNotifications(counting, 1, "logoff(0, MAPI_LOGOFF_SHARED, 0) with another sink"
                                + " throwing an Error");
                        probe().expectNotLoggedOn(publisher, "logoff(0, MAPI_LOGOFF_SHARED, 0)");
                        probe().expectLoggedOn(thrower, "a shared logoff whose notification its sink answered with"
                                + " an Error");
                        probe().expectLoggedOn(other, "a shared logoff");
                    });
                    fx().close(thrower);
                    fx().close(other);
                    fx().release(publisher);
                    fx().uninitialize();
                }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#CALLBACK_3}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("CALLBACK-3")
    @DisplayName("required CALLBACK-3 The last MAPIUninitialize waits for calls in flight; a second shared logoff"
            + " notifies nobody again")
    default Stream<DynamicTest> required_CALLBACK_3_callsInFlight() {
        return Stream.of(
                callbackCase("the last MAPIUninitialize during a shared logoff's delivery waits for it", () -> {
                    fx().requireDestructive("MAPI_LOGOFF_SHARED");
                    fx().initialize();
                    MapiSessionHandle publisher = fx().instance().publish();
                    MapiSessionHandle joiner = fx().instance().join();
                    CountingSink sink = probe().sink("that waits while the last uninitialize() runs");
                    CountDownLatch uninitialized = new CountDownLatch(1);
                    AtomicBoolean returnedEarly = new AtomicBoolean();
                    AtomicReference<Thread> other = new AtomicReference<>();
                    sink.duringNotify(() -> {
                        Thread t = new Thread(() -> {
                            fx().uninitialize();
                            uninitialized.countDown();
                        }, "mapi4j-tck-last-uninitialize");
                        t.setDaemon(true);
                        other.set(t);
                        t.start();
                        try {
                            // Only an early return is a finding; a correct provider makes this wait run out.
                            returnedEarly.set(uninitialized.await(300, TimeUnit.MILLISECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    probe().advise(joiner, FNEV_CRITICAL_ERROR, sink);
                    watched("a shared logoff whose delivery overlaps the last uninitialize() on another thread", () -> {
                        int hr = sharedLogoff(publisher);
                        verify().expectHrIn("logoff(0, MAPI_LOGOFF_SHARED, 0) overlapping the last uninitialize()", hr,
                                S_OK, MAPI_E_INVALID_OBJECT);
                        verify().expectSomeNotification(sink, "logoff(0, MAPI_LOGOFF_SHARED, 0)");
                        try {
                            uninitialized.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        verify().check(!returnedEarly.get(), "the last uninitialize() returned while a shared logoff that"
                                + " started before it was still delivering its notification");
                        probe().expectNotLoggedOn(joiner, "the last uninitialize()");
                    });
                    fx().release(joiner);
                    fx().release(publisher);
                }),
                callbackCase("a second MAPI_LOGOFF_SHARED during the delivery notifies nobody again", () -> {
                    fx().requireDestructive("MAPI_LOGOFF_SHARED");
                    fx().initialize();
                    MapiSessionHandle publisher = fx().instance().publish();
                    MapiSessionHandle second = fx().instance().join();
                    MapiSessionHandle third = fx().instance().join();
                    CountingSink secondSink = probe().sink("of the participant that logs off shared too");
                    CountingSink thirdSink = probe().sink("of the third participant");
                    AtomicInteger inner = new AtomicInteger(Integer.MIN_VALUE);
                    secondSink.duringNotify(() -> inner.compareAndSet(Integer.MIN_VALUE,
                            second.logoff(0, MAPI_LOGOFF_SHARED, 0)));
                    probe().advise(second, FNEV_CRITICAL_ERROR, secondSink);
                    probe().advise(third, FNEV_CRITICAL_ERROR, thirdSink);
                    watched("a shared logoff whose notification makes a participant log off shared", () -> {
                        verify().expectHr("logoff(0, MAPI_LOGOFF_SHARED, 0)", S_OK, sharedLogoff(publisher));
                        verify().expectSomeNotification(secondSink, "logoff(0, MAPI_LOGOFF_SHARED, 0)");
                        verify().expectHr("a second logoff(0, MAPI_LOGOFF_SHARED, 0) inside the delivery", S_OK,
                                inner.get());
                        verify().expectNotifications(thirdSink, 1, "two shared logoffs of one session");
                        probe().expectNotLoggedOn(second, "logoff(0, MAPI_LOGOFF_SHARED, 0) inside the delivery");
                        probe().expectLoggedOn(third, "two shared logoffs of other participants");
                    });
                    fx().close(third);
                    fx().release(second);
                    fx().release(publisher);
                    fx().uninitialize();
                }),
                callbackCase("the last MAPIUninitialize from inside a sink", () -> {
                    fx().requireDestructive("MAPI_LOGOFF_SHARED");
                    fx().initialize();
                    MapiSessionHandle publisher = fx().instance().publish();
                    MapiSessionHandle joiner = fx().instance().join();
                    CountingSink sink = probe().sink("that calls the last uninitialize()");
                    sink.duringNotify(() -> fx().uninitialize());
                    probe().advise(joiner, FNEV_CRITICAL_ERROR, sink);
                    watched("a shared logoff whose notification calls the last uninitialize()", () -> {
                        int hr = sharedLogoff(publisher);
                        verify().expectHrIn("logoff(0, MAPI_LOGOFF_SHARED, 0) whose delivery called the last"
                                + " uninitialize()", hr, S_OK, MAPI_E_INVALID_OBJECT);
                        verify().expectSomeNotification(sink, "logoff(0, MAPI_LOGOFF_SHARED, 0)");
                        probe().expectNotLoggedOn(publisher, "the last uninitialize() inside the delivery");
                        probe().expectNotLoggedOn(joiner, "the last uninitialize() inside the delivery");
                    });
                    fx().release(joiner);
                    fx().release(publisher);
                }));
    }

    /** Threads that log on and off on the provider under test until {@link #finish()}. */
    final class Churn {
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicReference<String> problem = new AtomicReference<>();
        private final TckFixture fx;

        Churn(TckFixture fx, int threads, int rounds) {
            this.fx = fx;
            for (int t = 0; t < threads; t++) {
                Thread thread = new Thread(() -> {
                    for (int r = 0; r < rounds; r++) {
                        Out<MapiSessionHandle> out = new Out<>();
                        int hr = fx.instance().logon(0, null, null, TckInstance.NEW_SESSION_FLAGS, out);
                        if (hr != S_OK || out.get() == null) {
                            problem.compareAndSet(null, "a concurrent logon returned " + HResult.describe(hr));
                            return;
                        }
                        int off = out.get().logoff(0, 0, 0);
                        fx.release(out.get());
                        if (off != S_OK) {
                            problem.compareAndSet(null, "a concurrent logoff(0, 0, 0) returned " + HResult.describe(off));
                            return;
                        }
                    }
                }, "mapi4j-tck-churn-" + t);
                thread.setDaemon(true);
                this.threads.add(thread);
                thread.start();
            }
        }

        /** Waits for the threads (the caller runs under the watchdog) and fails on what they found. */
        void finish() {
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            fx.verify().check(problem.get() == null, String.valueOf(problem.get()));
        }
    }
}
