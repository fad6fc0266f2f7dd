package org.mapi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.internal.Rules;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiSessionHandle;

/** MapiException messages name the operation, the HRESULT, the rule for that operation and its link. */
class MapiExceptionTest {

    private static final String SPEC = "https://github.com/mapi4j/mapi4j/blob/main/docs/specification.md#";

    @Test
    @DisplayName("the message names operation, HRESULT (name and hex), rule, the advice and the rule's link")
    void messageNamesEverything() {
        MapiException e = new MapiException("IMAPISession::Logoff(flags=[])", 0x80040106, "LOGOFF-FLAGS-2", "fix it");
        assertEquals("IMAPISession::Logoff(flags=[]) failed with MAPI_E_UNKNOWN_FLAGS (0x80040106) [LOGOFF-FLAGS-2]:"
                + " fix it. See " + SPEC + "logoff-flags-2", e.getMessage());
        assertEquals(0x80040106, e.code());
        assertEquals(HResult.of(0x80040106), e.hresult());
        assertEquals(Optional.of("LOGOFF-FLAGS-2"), e.ruleId());
        assertEquals(Optional.of(SPEC + "logoff-flags-2"), e.ruleLink());
    }

    @Test
    @DisplayName("without a rule or detail, and with an unknown code, the message stays readable and links nothing")
    void withoutRule() {
        MapiException e = new MapiException("MAPILogonEx", 0x80041234, null, null);
        assertEquals("MAPILogonEx failed with 0x80041234", e.getMessage());
        assertEquals(Optional.empty(), e.ruleId());
        assertEquals(Optional.empty(), e.ruleLink());
        assertThrows(NullPointerException.class, () -> new MapiException(null, 0, null, null));
    }

    @Test
    @DisplayName("the Logoff rule depends on the flags and on whether the handle is still logged on")
    void logoffRules() {
        int ui = MapiConstants.MAPI_LOGOFF_UI;
        int shared = MapiConstants.MAPI_LOGOFF_SHARED;
        assertEquals("LOGOFF-FLAGS-2", Rules.forLogoff(HResult.MAPI_E_UNKNOWN_FLAGS, 0x4, true));
        assertEquals("LOGOFF-RESERVED-1", Rules.forLogoff(HResult.MAPI_E_INVALID_PARAMETER, 0, true));
        assertEquals("POSTLOGOFF-1", Rules.forLogoff(HResult.MAPI_E_INVALID_OBJECT, 0, false));
        assertEquals("LOGOFF-UI-2", Rules.forLogoff(HResult.MAPI_E_USER_CANCEL, ui, true));
        assertEquals("LOGOFF-UI-3", Rules.forLogoff(HResult.MAPI_E_CALL_FAILED, ui, true));
        assertEquals("LOGOFF-3", Rules.forLogoff(HResult.MAPI_E_CALL_FAILED, ui, false));
        assertEquals("LOGOFF-3", Rules.forLogoff(HResult.MAPI_E_CALL_FAILED, 0, false));
        assertNull(Rules.forLogoff(HResult.MAPI_E_CALL_FAILED, 0, true));
        assertEquals("SHARED-8", Rules.forLogoff(HResult.MAPI_E_NO_ACCESS, shared, true));
        assertTrue(Rules.logoffAdvice(HResult.MAPI_E_NO_ACCESS, shared, true).contains("SharedLogoffPolicy is REJECT"));
    }

    @Test
    @DisplayName("the logon rule and advice depend on the profile name and the flags")
    void logonRules() {
        int useDefault = MapiConstants.MAPI_USE_DEFAULT;
        int bothDialogs = MapiConstants.MAPI_LOGON_UI | MapiConstants.MAPI_PASSWORD_UI;
        assertEquals("INIT-10", Rules.forLogon(HResult.MAPI_E_NOT_INITIALIZED, null, useDefault));
        assertEquals("LOGON-1", Rules.forLogon(HResult.MAPI_E_UNKNOWN_FLAGS, null, 0x100));
        assertEquals("LOGON-2", Rules.forLogon(HResult.MAPI_E_LOGON_FAILED, "x".repeat(65), 0));
        assertEquals("LOGON-2", Rules.forLogon(HResult.MAPI_E_LOGON_FAILED, null, bothDialogs));
        assertEquals("LOGON-4", Rules.forLogon(HResult.MAPI_E_LOGON_FAILED, null, 0));
        assertEquals("LOGON-4", Rules.forLogon(HResult.MAPI_E_LOGON_FAILED, "NoSuchProfile", 0));
        assertTrue(Rules.logonAdvice(HResult.MAPI_E_LOGON_FAILED, null, MapiConstants.MAPI_NEW_SESSION)
                .contains("LogonFlag.USE_DEFAULT was not set"));
        assertTrue(Rules.logonAdvice(HResult.MAPI_E_LOGON_FAILED, "x".repeat(65), 0).contains("at most 64 characters"));
        assertEquals("INIT-4", Rules.forInitialize(HResult.MAPI_E_UNKNOWN_FLAGS));
        assertEquals("INIT-3", Rules.forInitialize(HResult.MAPI_E_INVALID_PARAMETER));
    }

    @Test
    @DisplayName("a Logoff that fails but logs off anyway is reported under LOGOFF-3 and says the session is logged off")
    void failedLogoffThatLoggedOff() {
        MapiSession session = new MapiSession(handle(HResult.MAPI_E_CALL_FAILED, false));
        MapiException e = assertThrows(MapiException.class, () -> session.logoff(LogoffFlag.UI));
        assertEquals(Optional.of("LOGOFF-3"), e.ruleId());
        assertTrue(e.getMessage().startsWith("IMAPISession::Logoff(flags=[UI]) failed with MAPI_E_CALL_FAILED"
                + " (0x80004005) [LOGOFF-3]: the session is logged off nevertheless"), e.getMessage());
        assertTrue(e.getMessage().endsWith("See " + SPEC + "logoff-3"), e.getMessage());
    }

    @Test
    @DisplayName("a declined or failed confirmation leaves the session logged on and is reported under LOGOFF-UI-2/3")
    void failedConfirmation() {
        MapiException failed = assertThrows(MapiException.class,
                () -> new MapiSession(handle(HResult.MAPI_E_CALL_FAILED, true)).logoff(LogoffFlag.UI));
        assertEquals(Optional.of("LOGOFF-UI-3"), failed.ruleId());
        assertTrue(failed.getMessage().contains("the session is still logged on"), failed.getMessage());
        MapiException declined = assertThrows(MapiException.class,
                () -> new MapiSession(handle(HResult.MAPI_E_USER_CANCEL, true)).logoff(LogoffFlag.UI));
        assertEquals(Optional.of("LOGOFF-UI-2"), declined.ruleId());
    }

    @Test
    @DisplayName("MAPI_E_NO_ACCESS for a shared logoff names SHARED-8 and the policy to change")
    void rejectedSharedLogoff() {
        MapiException e = assertThrows(MapiException.class,
                () -> new MapiSession(handle(HResult.MAPI_E_NO_ACCESS, true)).logoff(LogoffFlag.SHARED));
        assertEquals(Optional.of("SHARED-8"), e.ruleId());
        assertTrue(e.getMessage().contains("sharedLogoffPolicy(SharedLogoffPolicy.WARN)"), e.getMessage());
    }

    @Test
    @DisplayName("null arguments throw NullPointerException naming the parameter")
    void nullArguments() {
        MapiSession session = new MapiSession(handle(HResult.S_OK, true));
        assertEquals("flags", assertThrows(NullPointerException.class,
                () -> session.logoff((LogoffFlag[]) null)).getMessage());
        assertEquals("listener", assertThrows(NullPointerException.class,
                () -> session.onSharedLogoff(null)).getMessage());
        assertEquals("flags", assertThrows(NullPointerException.class,
                () -> MapiSubsystem.builder().initFlags((InitFlag) null)).getMessage());
        assertEquals("name", assertThrows(NullPointerException.class, () -> Mapi.provider(null)).getMessage());
    }

    /** A handle whose Logoff returns {@code logoffResult} and which is then logged on or not. */
    private static MapiSessionHandle handle(int logoffResult, boolean loggedOnAfterwards) {
        return (MapiSessionHandle) Proxy.newProxyInstance(MapiSessionHandle.class.getClassLoader(),
                new Class<?>[] {MapiSessionHandle.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "logoff": return logoffResult;
                        case "compareEntryIDs":
                            return loggedOnAfterwards ? HResult.S_OK : HResult.MAPI_E_INVALID_OBJECT;
                        case "toString": return "test handle";
                        case "hashCode": return 0;
                        case "equals": return proxy == args[0];
                        default: return method.getReturnType() == int.class ? HResult.S_OK : null;
                    }
                });
    }
}
