package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.support.AbstractSessionHandle;
import org.slf4j.LoggerFactory;

/** SHARED-8 (decision 4): the policy for MAPI_LOGOFF_SHARED: WARN (default), REJECT, ALLOW. */
class SharedLogoffPolicyTest {

    private final Fx fx = new Fx();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AbstractSessionHandle.class);

    @BeforeEach
    void attach() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(appender);
        fx.close();
    }

    private List<ILoggingEvent> warnings() {
        return appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    }

    @Test
    @DisplayName("SHARED-8: WARN is the default: one warning naming the risk, then the shared logoff happens")
    void SHARED_8_warnIsDefault() {
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        RecordingSink sink = new RecordingSink();
        Fx.advise(joiner, sink);
        assertEquals(Hr.S_OK, owner.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(1, warnings().size(), () -> "warnings: " + appender.list);
        String message = warnings().get(0).getFormattedMessage();
        assertTrue(message.contains("MAPI_LOGOFF_SHARED") && message.contains("shutting down"), message);
        assertEquals(1, sink.criticalErrors(), "passed on after the warning");
    }

    @Test
    @DisplayName("SHARED-8: WARN logs once per Logoff call, and not for rejected or plain Logoffs")
    void SHARED_8_warnOncePerCall() {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.WARN);
        InMemorySessionHandle handle = fx.publish();
        assertEquals(Hr.MAPI_E_UNKNOWN_FLAGS, handle.logoff(0, Hr.LOGOFF_SHARED | 0x4, 0));
        assertEquals(Hr.MAPI_E_INVALID_PARAMETER, handle.logoff(0, Hr.LOGOFF_SHARED, 1));
        assertEquals(0, warnings().size());
        assertEquals(Hr.S_OK, fx.individual().logoff(0, 0, 0));
        assertEquals(0, warnings().size());
        assertEquals(Hr.S_OK, handle.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(1, warnings().size());
    }

    @Test
    @DisplayName("SHARED-8: WARN does not warn for an individual session, where MAPI_LOGOFF_SHARED does nothing (SHARED-4)")
    void SHARED_8_noWarningForIndividualSession() {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.WARN);
        InMemorySessionHandle handle = fx.individual();
        assertEquals(Hr.S_OK, handle.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(HandleState.LOGGED_OFF, handle.handleState());
        assertEquals(0, warnings().size(), () -> "warnings: " + appender.list);
    }

    @Test
    @DisplayName("SHARED-8: REJECT -> MAPI_E_NO_ACCESS (0x80070005), nothing changed, hook not asked")
    void SHARED_8_rejectChangesNothing() {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.REJECT);
        AtomicInteger asked = new AtomicInteger();
        fx.provider.setLogoffConfirmation(ui -> asked.incrementAndGet() > 0);
        Probe probe = Probe.shared(fx);
        assertEquals(0x80070005, probe.handle.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(0x80070005, probe.handle.logoff(3, Hr.LOGOFF_SHARED | Hr.LOGOFF_UI, 0));
        assertEquals(0, asked.get());
        probe.assertUnchanged();
        assertEquals(probe.handle.session(), fx.join().session(), "still published");
        assertEquals(0x80070005, fx.individual().logoff(0, Hr.LOGOFF_SHARED, 0), "also on an individual session");
        assertEquals(0, warnings().size());
        probe.assertNormalLogoff();
    }

    @Test
    @DisplayName("SHARED-8: ALLOW passes MAPI_LOGOFF_SHARED on silently")
    void SHARED_8_allowIsSilent() {
        fx.provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        RecordingSink sink = new RecordingSink();
        Fx.advise(joiner, sink);
        assertEquals(Hr.S_OK, owner.logoff(0, Hr.LOGOFF_SHARED, 0));
        assertEquals(1, sink.criticalErrors());
        assertEquals(HandleState.LOGGED_OFF, owner.handleState());
        assertEquals(0, warnings().size());
    }
}
