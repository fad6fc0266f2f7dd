package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
import static org.mapi4j.spi.HResult.S_OK;

import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.support.UserCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the API's {@link LogoffConfirmation} to the reference library's
 * {@code MAPI4J_SetLogoffConfirmation} (spec decision 3). The library's hook is one process-wide
 * callback, called on the thread that called Logoff, with no lock held; so each native Logoff with
 * {@code MAPI_LOGOFF_UI} runs inside a {@link Confirmation} on its thread, which tells the hook
 * whose confirmation to ask and records the answer, for the session to return as its
 * {@code LogoffResult}. An accepted answer is reported to the session at once, so other callers
 * stop waiting while the native Logoff finishes.
 *
 * <p>The upcall is made once per JVM by the {@link Binding} (never freed) and is (re)installed before each such
 * Logoff, because {@code MAPI4J_ResetInstance} removes it. Without a Java confirmation it answers
 * {@code S_OK}: {@code MAPI_LOGOFF_UI} then behaves as 0.
 */
final class LogoffConfirmationBridge {

    private static final Logger LOG = LoggerFactory.getLogger(LogoffConfirmationBridge.class);
    private static final ThreadLocal<Confirmation> CURRENT = new ThreadLocal<>();

    /** One native Logoff's confirmation on this thread. */
    static final class Confirmation implements AutoCloseable {
        private final NativeSession session;
        private final LogoffConfirmation hook;
        private final Confirmation outer;
        private boolean declined;

        private Confirmation(NativeSession session, LogoffConfirmation hook, Confirmation outer) {
            this.session = session;
            this.hook = hook;
            this.outer = outer;
        }

        /** @return whether the hook declined or threw, so the logoff did not happen (LOGOFF-UI-2/3) */
        boolean declined() {
            return declined;
        }

        /** Ends it; a Logoff this one was nested in (from inside a callback) becomes current again. */
        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** A holder so the upcall is made only when first needed. */
    private static final class Hook {
        static final long FUNCTION = Abi.B.upcall(Binding.Upcall.LOGOFF_CONFIRM, "mapi4j-logoff-confirmation");
    }

    private LogoffConfirmationBridge() {
    }

    /**
     * Starts the confirmation of a native Logoff on this thread; installs the library's hook first.
     *
     * @param library the reference library
     * @param session the session logging off
     * @param hook the instance's confirmation, or {@code null}
     * @return the confirmation, to close after the native Logoff
     */
    static Confirmation begin(NativeBinding library, NativeSession session, LogoffConfirmation hook) {
        library.setLogoffConfirmation(Hook.FUNCTION);
        Confirmation confirmation = new Confirmation(session, hook, CURRENT.get());
        CURRENT.set(confirmation);
        return confirmation;
    }

    // Called by the library exactly once per Logoff with MAPI_LOGOFF_UI, with the exact ulUIParam (the
    // upcall target of Binding.Upcall.LOGOFF_CONFIRM).
    static int confirm(long uiParam, long context) {
        Confirmation current = CURRENT.get();
        if (current == null || current.hook == null) {
            return S_OK;
        }
        long parentWindow = uiParam;
        if (Abi.POINTER_SIZE == 4) {
            parentWindow &= 0xFFFFFFFFL;
        }
        DeferredUninitialize.enterCallback();
        try {
            if (current.hook.confirmLogoff(parentWindow)) {
                current.session.confirmationWasAccepted();
                return S_OK;
            }
            current.declined = true;
            LOG.debug("Session {}: logoff declined by the confirmation (LOGOFF-UI-2)", current.session.id());
            return MAPI_E_USER_CANCEL;
        } catch (Throwable t) {
            // Nothing may unwind into native code; the library answers MAPI_E_CALL_FAILED (LOGOFF-UI-3).
            current.declined = true;
            UserCode.thrown(LOG, "Session " + current.session.id() + ": the logoff confirmation (LOGOFF-UI-3)", t, null);
            return MAPI_E_CALL_FAILED;
        } finally {
            DeferredUninitialize.exitCallback();
        }
    }
}
