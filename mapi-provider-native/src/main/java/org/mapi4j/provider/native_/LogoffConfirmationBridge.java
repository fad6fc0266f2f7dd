package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
import static org.mapi4j.spi.HResult.S_OK;

import com.sun.jna.Pointer;
import org.mapi4j.spi.LogoffConfirmation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the API's {@link LogoffConfirmation} to the reference library's
 * {@code MAPI4J_SetLogoffConfirmation} (spec decision 3). The library calls the hook on the thread
 * that called Logoff, without a lock held; a {@link ThreadLocal} set around each native Logoff
 * tells the hook which provider's confirmation to ask, and records whether it declined or threw, so
 * the session can call {@code SessionGuard.keepLoggedOn()} (LOGOFF-UI-2/3): the HRESULT alone
 * cannot tell, since an injected Logoff fault may also be {@code MAPI_E_CALL_FAILED} and that one
 * does log off (LOGOFF-3).
 *
 * <p>The native hook is one process-wide callback held in a static field (never collected); it is
 * (re)installed before each Logoff that carries {@code MAPI_LOGOFF_UI}, because it is process-wide
 * and {@code MAPI4J_ResetInstance} removes it. With no Java confirmation it answers {@code S_OK}:
 * {@code MAPI_LOGOFF_UI} then behaves as 0.
 */
final class LogoffConfirmationBridge {

    private static final Logger LOG = LoggerFactory.getLogger(LogoffConfirmationBridge.class);

    /** The state of one Logoff on this thread. */
    static final class Context {
        private final LogoffConfirmation confirmation;
        private final long sessionId;
        private boolean declined;
        private Context previous;

        Context(LogoffConfirmation confirmation, long sessionId) {
            this.confirmation = confirmation;
            this.sessionId = sessionId;
        }

        /** @return whether the hook declined or threw, so the logoff did not happen */
        boolean declined() {
            return declined;
        }
    }

    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    /** A holder so the callback is made (and its thread initializer registered) only when first needed. */
    private static final class Hook {
        static final Callbacks.LogoffConfirm CALLBACK = LogoffConfirmationBridge::confirm;

        static {
            Callbacks.functionPointer(CALLBACK, "mapi4j-logoff-confirmation");
        }
    }

    private LogoffConfirmationBridge() {
    }

    /** Installs the process-wide hook into the reference library (idempotent). */
    static void install(ReferenceControl control) {
        control.MAPI4J_SetLogoffConfirmation(Hook.CALLBACK, null);
    }

    /**
     * Starts a native Logoff on this thread.
     *
     * @param confirmation the provider's confirmation, or {@code null}
     * @param sessionId for log lines
     * @return the context to pass to {@link #end}
     */
    static Context begin(LogoffConfirmation confirmation, long sessionId) {
        Context previous = CURRENT.get();
        Context context = new Context(confirmation, sessionId);
        CURRENT.set(context);
        context.previous = previous;
        return context;
    }

    /** Ends a native Logoff begun with {@link #begin} (restores a Logoff this one was nested in). */
    static void end(Context context) {
        if (context.previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(context.previous);
        }
    }

    // Called by the library exactly once per Logoff with MAPI_LOGOFF_UI, with the exact ulUIParam.
    private static int confirm(Pointer uiParam, Pointer context) {
        Context current = CURRENT.get();
        if (current == null || current.confirmation == null) {
            return S_OK;
        }
        long parentWindow = Pointer.nativeValue(uiParam);
        if (Abi.POINTER_SIZE == 4) {
            parentWindow &= 0xFFFFFFFFL;
        }
        try {
            if (current.confirmation.confirmLogoff(parentWindow)) {
                return S_OK;
            }
            current.declined = true;
            LOG.debug("Session {}: logoff declined by the confirmation (LOGOFF-UI-2)", current.sessionId);
            return MAPI_E_USER_CANCEL;
        } catch (Throwable t) {
            // Nothing may unwind into native code; the library answers MAPI_E_CALL_FAILED (LOGOFF-UI-3).
            current.declined = true;
            LOG.warn("Session {}: the logoff confirmation threw; the session stays logged on (LOGOFF-UI-3)",
                    current.sessionId, t);
            return MAPI_E_CALL_FAILED;
        }
    }
}
