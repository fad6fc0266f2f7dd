package org.mapi4j.spi.support;

import org.slf4j.Logger;

/**
 * Spec decision 10 for code that calls user code (a hook, a sink, a listener): whatever it throws is
 * logged and the operation goes on; a {@link VirtualMachineError} is kept and rethrown to the caller
 * once the operation is complete. The caller keeps the first such error in a local variable:
 *
 * <pre>{@code
 * VirtualMachineError fatal = null;
 * for (AdviseSink sink : sinks) {
 *     try {
 *         sink.onNotify(batch);
 *     } catch (Throwable t) {
 *         fatal = UserCode.thrown(LOG, "advise sink", t, fatal);
 *     }
 * }
 * UserCode.rethrow(fatal);
 * }</pre>
 */
public final class UserCode {

    private UserCode() {
    }

    /**
     * Logs what user code threw.
     *
     * @param log the caller's logger
     * @param what what was called, for the log line
     * @param thrown what it threw
     * @param fatal the first {@link VirtualMachineError} of this operation so far, or {@code null}
     * @return the first {@link VirtualMachineError} of this operation, or {@code null}
     */
    public static VirtualMachineError thrown(Logger log, String what, Throwable thrown, VirtualMachineError fatal) {
        log.warn("{} threw; the operation goes on (spec decision 10)", what, thrown);
        if (fatal == null && thrown instanceof VirtualMachineError vme) {
            return vme;
        }
        return fatal;
    }

    /**
     * Rethrows a kept {@link VirtualMachineError}; call it when the operation is complete.
     *
     * @param fatal the error, or {@code null} for none
     */
    public static void rethrow(VirtualMachineError fatal) {
        if (fatal != null) {
            throw fatal;
        }
    }
}
