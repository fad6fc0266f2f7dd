package org.mapi4j.spi.support;

import org.mapi4j.spi.HResult;

/**
 * What a provider's {@link AbstractSessionHandle#doLogoff} reports: the handle logged off (with
 * {@code S_OK}, or with an error that still logs it off, LOGOFF-3), or the logoff was declined by a
 * confirmation the provider asked itself, so nothing changed (LOGOFF-UI-2/3).
 *
 * @param outcome what happened
 * @param hResult the HRESULT the Logoff call returns
 */
public record LogoffResult(Outcome outcome, int hResult) {

    /** What a logoff did. */
    public enum Outcome {
        /** Logged off with {@code S_OK}. */
        DONE,
        /** Logged off, but the provider failed after validation: the HRESULT is returned (LOGOFF-3). */
        FAILED,
        /** A confirmation asked by the provider declined or failed: still logged on, nothing changed. */
        DECLINED
    }

    private static final LogoffResult DONE = new LogoffResult(Outcome.DONE, HResult.S_OK);

    /** {@return the result of a logoff that succeeded} */
    public static LogoffResult done() {
        return DONE;
    }

    /**
     * A logoff during which the provider failed after validation.
     *
     * @param hResult the error; the handle is logged off all the same (LOGOFF-3)
     * @return the result of a logoff during which the provider failed
     */
    public static LogoffResult failed(int hResult) {
        return new LogoffResult(Outcome.FAILED, hResult);
    }

    /**
     * A logoff a confirmation asked by the provider declined.
     *
     * @param hResult what the declined confirmation answered ({@code MAPI_E_USER_CANCEL}, or
     *     {@code MAPI_E_CALL_FAILED} for a hook that failed)
     * @return the result of a logoff that did not happen
     */
    public static LogoffResult declined(int hResult) {
        return new LogoffResult(Outcome.DECLINED, hResult);
    }

    /** {@return whether the handle stays logged on} */
    public boolean isDeclined() {
        return outcome == Outcome.DECLINED;
    }
}
