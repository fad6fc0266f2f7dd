package org.mapi4j.examples.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mapi4j.LogoffFlag;
import org.mapi4j.LogonFlag;
import org.mapi4j.MapiException;
import org.mapi4j.MapiSession;
import org.mapi4j.MapiSubsystem;
import org.mapi4j.spi.SharedLogoffPolicy;

/** What the in-memory provider's failures look like to an application: the rule, the hint, the link. */
class MessagesTest {

    private static final String SPEC = "https://github.com/mapi4j/mapi4j/blob/main/docs/specification.md#";

    @Test
    void aLogonWithoutProfileAndWithoutUseDefaultSaysWhatToAdd() {
        try (MapiSubsystem mapi = MapiSubsystem.builder().providerName("inmemory").initialize()) {
            MapiException e = assertThrows(MapiException.class,
                    () -> mapi.logon(0L, null, Set.of(LogonFlag.NEW_SESSION, LogonFlag.EXTENDED)));
            assertEquals(Optional.of("LOGON-4"), e.ruleId());
            assertTrue(e.getMessage().contains("MAPI_E_LOGON_FAILED (0x80040111) [LOGON-4]: no profile was named and"
                    + " LogonFlag.USE_DEFAULT was not set"), e.getMessage());
            assertTrue(e.getMessage().endsWith("See " + SPEC + "logon-4"), e.getMessage());
        }
    }

    @Test
    void aSharedLogoffRefusedByThePolicyNamesThePolicy() {
        try (MapiSubsystem mapi = MapiSubsystem.builder().providerName("inmemory")
                .sharedLogoffPolicy(SharedLogoffPolicy.REJECT).initialize();
             MapiSession session = mapi.logon()) {
            MapiException e = assertThrows(MapiException.class, () -> session.logoff(LogoffFlag.SHARED));
            assertEquals(Optional.of("SHARED-8"), e.ruleId());
            assertTrue(e.getMessage().startsWith("IMAPISession::Logoff(flags=[SHARED]) failed with MAPI_E_NO_ACCESS"
                    + " (0x80070005) [SHARED-8]: the subsystem's SharedLogoffPolicy is REJECT"), e.getMessage());
            assertTrue(session.isLoggedOn());
        }
    }

    @Test
    void aConfirmationThatThrowsIsLogoffUi3AndTheSessionStaysLoggedOn() {
        try (MapiSubsystem mapi = MapiSubsystem.builder().providerName("inmemory")
                .logoffConfirmation(window -> {
                    throw new IllegalStateException("no dialog here");
                }).initialize();
             MapiSession session = mapi.logon()) {
            MapiException e = assertThrows(MapiException.class, () -> session.logoff(7L, LogoffFlag.UI));
            assertEquals(Optional.of("LOGOFF-UI-3"), e.ruleId());
            assertTrue(e.getMessage().contains("the session is still logged on"), e.getMessage());
            assertTrue(session.isLoggedOn());
            session.logoff();
        }
    }

    @Test
    void aSecondLogoffIsPostlogoff1() {
        try (MapiSubsystem mapi = MapiSubsystem.builder().providerName("inmemory").initialize();
             MapiSession session = mapi.logon()) {
            session.logoff();
            MapiException e = assertThrows(MapiException.class, session::logoff);
            assertEquals("IMAPISession::Logoff(flags=[]) failed with MAPI_E_INVALID_OBJECT (0x80040108) [POSTLOGOFF-1]:"
                    + " the session was already logged off or invalidated. See " + SPEC + "postlogoff-1", e.getMessage());
        }
    }
}
