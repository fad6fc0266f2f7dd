package org.mapi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SharedSessionExampleTest {

    @Test
    void ownersSharedLogoffNotifiesTheTwoOtherClientsWhoLogOffAndTheCautionIsLogged() {
        Logger guardLogger = (Logger) LoggerFactory.getLogger("org.mapi4j.spi.SessionGuard");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        guardLogger.addAppender(log);
        List<String> lines;
        try {
            lines = Capture.lines(SharedSessionExample::run);
        } finally {
            guardLogger.detachAppender(log);
        }

        assertEquals(List.of(
                "owner: published the shared session",
                "client-2: joined the shared session",
                "client-3: joined the shared session",
                "client-2: notified, scode MAPI_E_END_OF_SESSION (0x80040200); logging off",
                "client-2: logged off",
                "client-3: notified, scode MAPI_E_END_OF_SESSION (0x80040200); logging off",
                "client-3: logged off",
                "owner: logged off with MAPI_LOGOFF_SHARED; 2 clients notified"), lines);
        List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertEquals(1, warnings.size(), "one fast-shutdown caution: " + warnings);
        assertTrue(warnings.get(0).getFormattedMessage().contains("MAPI_LOGOFF_SHARED"));
    }
}
