package org.mapi4j.bench.soak;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NO_ACCESS;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.HandleState;

/**
 * The expected outcome of one Logoff, written from the spec and nothing else: GEN-3's order
 * (state, then flags outside {@code 0x3}, then {@code reserved != 0}), then the SHARED-8 policy,
 * then the confirmation of decision 3, then the logoff itself.
 */
final class LogoffOracle {

    /**
     * Where a Logoff happens.
     *
     * @param state the handle's state (DESTROYED is not callable and never asked)
     * @param confirmation the installed hook's answer, {@code null} for no hook
     * @param policy the SHARED-8 policy
     * @param sharedSession whether the handle belongs to a shared session with another participant
     */
    record Situation(HandleState state, ScriptedConfirmation.Answer confirmation, SharedLogoffPolicy policy,
            boolean sharedSession) {
    }

    private LogoffOracle() {
    }

    /** @return the HRESULT Logoff must return */
    static int expected(Situation s, Triple t) {
        if (s.state() != HandleState.LOGGED_ON) {
            return MAPI_E_INVALID_OBJECT; // POSTLOGOFF-1: state first, arguments not looked at
        }
        if ((t.flags() & ~MapiConstants.MAPI_LOGOFF_VALID_MASK) != 0) {
            return MAPI_E_UNKNOWN_FLAGS; // LOGOFF-FLAGS-2, LOGOFF-RESERVED-2
        }
        if (t.reserved() != 0) {
            return MAPI_E_INVALID_PARAMETER; // LOGOFF-RESERVED-1
        }
        if (shared(t) && s.policy() == SharedLogoffPolicy.REJECT) {
            return MAPI_E_NO_ACCESS; // SHARED-8
        }
        if (asksConfirmation(s, t)) {
            switch (s.confirmation()) {
                case DECLINE:
                    return MAPI_E_USER_CANCEL; // LOGOFF-UI-2
                case THROW:
                    return MAPI_E_CALL_FAILED; // LOGOFF-UI-3
                default:
                    break;
            }
        }
        return S_OK; // LOGOFF-1
    }

    /** @return whether the hook is asked (exactly once, with the exact uiParam): only past validation and policy */
    static boolean asksConfirmation(Situation s, Triple t) {
        return s.state() == HandleState.LOGGED_ON && s.confirmation() != null
                && (t.flags() & MapiConstants.MAPI_LOGOFF_UI) != 0
                && (t.flags() & ~MapiConstants.MAPI_LOGOFF_VALID_MASK) == 0 && t.reserved() == 0
                && !(shared(t) && s.policy() == SharedLogoffPolicy.REJECT);
    }

    /** @return the notifications the other participant receives: one only for an accepted shared logoff (SHARED-5) */
    static int peerNotifications(Situation s, Triple t) {
        return s.sharedSession() && shared(t) && expected(s, t) == S_OK ? 1 : 0;
    }

    private static boolean shared(Triple t) {
        return (t.flags() & MapiConstants.MAPI_LOGOFF_SHARED) != 0;
    }
}
