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
        Logger guardLogger = (Logger) LoggerFactory.getLogger("org.mapi4j.spi.support.AbstractSessionHandle");
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
                "client-3: joined the shared session"), lines.subList(0, 3));
        // The spec leaves the order in which participants are notified open; each logs off after its notice.
        List<String> notices = lines.subList(3, 7);
        for (String client : List.of("client-2", "client-3")) {
            int notified = notices.indexOf(client + ": notified, scode MAPI_E_END_OF_SESSION (0x80040200); logging off");
            int loggedOff = notices.indexOf(client + ": logged off");
            assertTrue(notified >= 0 && loggedOff == notified + 1, client + " in " + lines);
        }
        assertEquals(List.of("owner: logged off with MAPI_LOGOFF_SHARED; 2 clients notified"), lines.subList(7, lines.size()));
        List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertEquals(1, warnings.size(), "one fast-shutdown caution: " + warnings);
        assertTrue(warnings.get(0).getFormattedMessage().contains("MAPI_LOGOFF_SHARED"));
    }
}
