package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_END_OF_SESSION;
import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_NO_ACCESS;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.FNEV_CRITICAL_ERROR;
import static org.mapi4j.spi.MapiConstants.MAPI_ALLOW_OTHERS;
import static org.mapi4j.spi.MapiConstants.MAPI_EXTENDED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;
import static org.mapi4j.spi.MapiConstants.MAPI_NO_MAIL;
import static org.mapi4j.spi.MapiConstants.MAPI_USE_DEFAULT;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Notification;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.tck.fixture.CountingSink;
import org.mapi4j.tck.fixture.TckInstance;

/** Spec B.7 and decision 4: shared sessions (SHARED-2 to SHARED-5, SHARED-8). */
public interface SharedSessionRules extends TckContext {

    /**
     * Checks {@link org.mapi4j.tck.Rule#SHARED_2}, case by case.
     */
    @Test
    @Tag("SHARED-2")
    @DisplayName("required SHARED-2 Without MAPI_NEW_SESSION and nothing published a logon creates a new session")
    default void required_SHARED_2_noPublishedSessionCreatesOne() {
        fx().initialize();
        int flags = MAPI_EXTENDED | MAPI_NO_MAIL | MAPI_USE_DEFAULT;
        MapiSessionHandle plain = fx().instance().logon(null, flags);
        probe().expectLoggedOn(plain, "a logon without MAPI_NEW_SESSION while nothing was published");
        Out<MapiSessionHandle> out = new Out<>();
        verify().expectHr("logon(0, \"" + fx().settings().unknownProfileName() + "\", NULL, "
                + HResult.hex(TckInstance.JOIN_FLAGS) + ") while nothing is published", MAPI_E_LOGON_FAILED,
                fx().instance().logon(0, fx().settings().unknownProfileName(), null, TckInstance.JOIN_FLAGS, out));
        MapiSessionHandle shared = fx().instance().logon(null, flags | MAPI_ALLOW_OTHERS);
        verify().check(fx().instance().published(), "a logon with MAPI_ALLOW_OTHERS and without MAPI_NEW_SESSION,"
                + " while nothing was published, must create and publish a session");
        fx().close(shared);
        fx().close(plain);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#SHARED_3}, case by case.
     */
    @Test
    @Tag("SHARED-3")
    @DisplayName("required SHARED-3 A plain Logoff of one participant affects no other; the last one unpublishes")
    default void required_SHARED_3_plainLogoffOfParticipant() {
        fx().initialize();
        MapiSessionHandle publisher = fx().instance().publish();
        MapiSessionHandle first = fx().instance().join();
        MapiSessionHandle second = fx().instance().join();
        CountingSink publisherSink = probe().sink("of the publisher");
        CountingSink secondSink = probe().sink("of the second joiner");
        probe().advise(publisher, 0, publisherSink);
        probe().advise(second, 0, secondSink);
        fx().logoff(first);
        probe().expectNotLoggedOn(first, "its logoff(0, 0, 0)");
        probe().expectLoggedOn(publisher, "logoff(0, 0, 0) of another participant");
        probe().expectLoggedOn(second, "logoff(0, 0, 0) of another participant");
        verify().expectNoNotification(publisherSink, "logoff(0, 0, 0) of another participant");
        verify().expectNoNotification(secondSink, "logoff(0, 0, 0) of another participant");
        verify().check(fx().instance().published(), "a plain logoff of one participant unpublished the shared session");
        fx().logoff(publisher);
        verify().expectNoNotification(secondSink, "logoff(0, 0, 0) of the publisher");
        verify().check(fx().instance().published(), "a plain logoff of the publisher unpublished the shared session"
                + " while another participant is logged on");
        fx().logoff(second);
        verify().check(!fx().instance().published(), "the shared session stayed published after its last participant"
                + " logged off");
        fx().release(first);
        fx().release(publisher);
        fx().release(second);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#SHARED_4}, case by case.
     */
    @Test
    @Tag("SHARED-4")
    @DisplayName("required SHARED-4 MAPI_LOGOFF_SHARED on an individual session is a plain Logoff")
    default void required_SHARED_4_sharedFlagOnIndividualSession() {
        fx().initialize();
        MapiSessionHandle publisher = fx().instance().publish();
        MapiSessionHandle joiner = fx().instance().join();
        MapiSessionHandle individual = fx().logon();
        MapiSessionHandle bystander = fx().logon();
        CountingSink own = probe().sink("of the individual session");
        CountingSink bystanderSink = probe().sink("of another individual session");
        CountingSink joinerSink = probe().sink("of a shared-session participant");
        probe().advise(individual, 0, own);
        probe().advise(bystander, 0, bystanderSink);
        probe().advise(joiner, 0, joinerSink);
        String call = "logoff(0, MAPI_LOGOFF_SHARED, 0) on an individual session";
        verify().expectHr(call, S_OK, individual.logoff(0, MAPI_LOGOFF_SHARED, 0));
        probe().expectNotLoggedOn(individual, call);
        for (MapiSessionHandle other : List.of(publisher, joiner, bystander)) {
            probe().expectLoggedOn(other, call);
        }
        verify().expectNoNotification(bystanderSink, call);
        verify().expectNoNotification(joinerSink, call);
        verify().check(fx().instance().published(), call + " unpublished an unrelated shared session");
        fx().release(individual);
        fx().close(bystander);
        fx().close(joiner);
        fx().close(publisher);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#SHARED_5}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("SHARED-5")
    @DisplayName("required SHARED-5 A shared Logoff notifies every other participant's sinks exactly once")
    default Stream<DynamicTest> required_SHARED_5_sharedLogoffNotifiesOthers() {
        return Stream.of("the publisher", "a joiner").map(who -> tckCase(who + " logs off shared", () -> {
            fx().initialize();
            int n = fx().settings().sharedParticipants();
            List<MapiSessionHandle> handles = new ArrayList<>();
            handles.add(fx().instance().publish());
            for (int i = 1; i < n; i++) {
                handles.add(fx().instance().join());
            }
            MapiSessionHandle bystander = fx().logon();
            CountingSink bystanderSink = probe().sink("of an individual session");
            probe().advise(bystander, 0, bystanderSink);
            List<List<CountingSink>> sinks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<CountingSink> own = new ArrayList<>();
                own.add(probe().sink("0 of participant " + i));
                probe().advise(handles.get(i), 0, own.get(0));
                if (i % 2 == 1) {
                    own.add(probe().sink("1 of participant " + i));
                    probe().advise(handles.get(i), FNEV_CRITICAL_ERROR, own.get(1));
                }
                sinks.add(own);
            }
            int caller = who.equals("the publisher") ? 0 : n / 2;
            String call = "logoff(0, MAPI_LOGOFF_SHARED, 0) by " + who;
            verify().expectHr(call, S_OK, handles.get(caller).logoff(0, MAPI_LOGOFF_SHARED, 0));
            probe().expectNotLoggedOn(handles.get(caller), call);
            for (int i = 0; i < n; i++) {
                for (CountingSink sink : sinks.get(i)) {
                    if (i == caller) {
                        verify().check(sink.criticalErrors() == 0, call + " sent the caller's own " + sink
                                + " a critical error: " + sink.received());
                        continue;
                    }
                    verify().expectNotifications(sink, 1, call);
                    Notification got = sink.received().get(0);
                    verify().check(got instanceof ErrorNotification && got.eventType() == FNEV_CRITICAL_ERROR, call
                            + " must send " + sink + " an fnevCriticalError ERROR_NOTIFICATION but sent " + got);
                    ErrorNotification error = (ErrorNotification) got;
                    verify().check(error.entryId() == null && error.flags() == 0, call + " must send an"
                            + " ERROR_NOTIFICATION with a NULL entry id and flags 0, but sent " + error);
                    if (fx().has(ProviderCapability.END_OF_SESSION_SCODE)) {
                        verify().expectHr("the scode of the notification " + call + " sent to " + sink,
                                MAPI_E_END_OF_SESSION, error.scode());
                    }
                }
                if (i != caller) {
                    probe().expectLoggedOn(handles.get(i), call);
                }
            }
            verify().expectNoNotification(bystanderSink, call);
            verify().check(!fx().instance().published(), call + " must unpublish the session at once, but a logon"
                    + " without MAPI_NEW_SESSION still joined it");
            for (int i = 0; i < n; i++) {
                if (i != caller) {
                    fx().logoff(handles.get(i));
                }
                fx().release(handles.get(i));
            }
            fx().close(bystander);
            fx().uninitialize();
        }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#SHARED_8}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("SHARED-8")
    @DisplayName("required SHARED-8 SharedLogoffPolicy: REJECT returns MAPI_E_NO_ACCESS and changes nothing; WARN and ALLOW proceed")
    default Stream<DynamicTest> required_SHARED_8_sharedLogoffPolicy() {
        List<DynamicTest> cases = new ArrayList<>();
        cases.add(tckCase("REJECT on a shared session", () -> {
            fx().provider().setSharedLogoffPolicy(SharedLogoffPolicy.REJECT);
            fx().initialize();
            MapiSessionHandle publisher = fx().instance().publish();
            MapiSessionHandle joiner = fx().instance().join();
            CountingSink sink = probe().sink("of the other participant");
            probe().advise(joiner, 0, sink);
            String call = "logoff(0, MAPI_LOGOFF_SHARED, 0) under SharedLogoffPolicy.REJECT";
            verify().expectHr(call, MAPI_E_NO_ACCESS, publisher.logoff(0, MAPI_LOGOFF_SHARED, 0));
            probe().expectLoggedOn(publisher, call);
            verify().expectNoNotification(sink, call);
            verify().check(fx().instance().published(), call + " unpublished the shared session");
            verify().expectHr("logoff(0, 0, 0) under SharedLogoffPolicy.REJECT", S_OK, publisher.logoff(0, 0, 0));
            fx().release(publisher);
            fx().close(joiner);
            fx().uninitialize();
        }));
        cases.add(tckCase("REJECT on an individual session", () -> {
            fx().provider().setSharedLogoffPolicy(SharedLogoffPolicy.REJECT);
            fx().initialize();
            MapiSessionHandle handle = fx().logon();
            String call = "logoff(0, MAPI_LOGOFF_SHARED, 0) on an individual session under SharedLogoffPolicy.REJECT";
            verify().expectHr(call, MAPI_E_NO_ACCESS, handle.logoff(0, MAPI_LOGOFF_SHARED, 0));
            probe().expectLoggedOn(handle, call);
            verify().expectHr("logoff(0, MAPI_LOGOFF_SHARED | 0x4, 0) under SharedLogoffPolicy.REJECT",
                    MAPI_E_UNKNOWN_FLAGS, handle.logoff(0, MAPI_LOGOFF_SHARED | 0x4, 0));
            fx().close(handle);
            fx().uninitialize();
        }));
        for (SharedLogoffPolicy policy : List.of(SharedLogoffPolicy.WARN, SharedLogoffPolicy.ALLOW)) {
            cases.add(tckCase(policy + " proceeds", () -> {
                fx().provider().setSharedLogoffPolicy(policy);
                fx().initialize();
                MapiSessionHandle publisher = fx().instance().publish();
                MapiSessionHandle joiner = fx().instance().join();
                CountingSink sink = probe().sink("of the other participant");
                probe().advise(joiner, 0, sink);
                String call = "logoff(0, MAPI_LOGOFF_SHARED, 0) under SharedLogoffPolicy." + policy;
                verify().expectHr(call, S_OK, publisher.logoff(0, MAPI_LOGOFF_SHARED, 0));
                verify().expectSomeNotification(sink, call);
                fx().release(publisher);
                fx().close(joiner);
                fx().uninitialize();
            }));
        }
        return cases.stream();
    }
}
