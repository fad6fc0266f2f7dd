package org.mapi4j;

import org.mapi4j.spi.HResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.internal.Rules;

/** MapiException messages name the operation, the HRESULT and the rule. */
class MapiExceptionTest {

    @Test
    @DisplayName("the message names operation, HRESULT (name and hex) and rule, then the advice")
    void messageNamesEverything() {
        MapiException e = new MapiException("IMAPISession::Logoff(flags=[])", 0x80040106, "LOGOFF-FLAGS-2", "fix it");
        assertEquals("IMAPISession::Logoff(flags=[]) failed with MAPI_E_UNKNOWN_FLAGS (0x80040106) [LOGOFF-FLAGS-2]: fix it",
                e.getMessage());
        assertEquals(0x80040106, e.code());
        assertEquals(HResult.of(0x80040106), e.hresult());
        assertEquals(Optional.of("LOGOFF-FLAGS-2"), e.ruleId());
    }

    @Test
    @DisplayName("without a rule or detail, and with an unknown code, the message stays readable")
    void withoutRule() {
        MapiException e = new MapiException("MAPILogonEx", 0x80041234, null, null);
        assertEquals("MAPILogonEx failed with 0x80041234", e.getMessage());
        assertEquals(Optional.empty(), e.ruleId());
    }

    @Test
    @DisplayName("the rule names of Logoff, logon and initialize HRESULTs")
    void ruleNames() {
        assertEquals("LOGOFF-FLAGS-2", Rules.forLogoff(0x80040106));
        assertEquals("LOGOFF-RESERVED-1", Rules.forLogoff(0x80070057));
        assertEquals("POSTLOGOFF-1", Rules.forLogoff(0x80040108));
        assertEquals("LOGOFF-UI-2", Rules.forLogoff(0x80040113));
        assertEquals("LOGOFF-UI-3", Rules.forLogoff(0x80004005));
        assertEquals("SHARED-8", Rules.forLogoff(0x80070005));
        assertEquals("INIT-10", Rules.forLogon(0x80040605));
        assertEquals("LOGON-1", Rules.forLogon(0x80040106));
        assertEquals("INIT-4", Rules.forInitialize(0x80040106));
        assertEquals("INIT-3", Rules.forInitialize(0x80070057));
        assertTrue(Rules.logonAdvice(0x80040111).contains("64 characters"));
    }
}
