package org.mapi4j;

import java.util.Objects;
import java.util.Optional;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.Specification;

/**
 * A MAPI call failed: carries the {@link HResult}, its name and, where one applies, the ID of the
 * spec rule that produced it (for example {@code LOGOFF-FLAGS-2}).
 *
 * <p>The message names the operation with its arguments, the HRESULT (name and hex), the rule, what
 * to do, and the link to the rule's entry in the published specification, for example:
 * <pre>
 * IMAPISession::Logoff(flags=[]) failed with MAPI_E_INVALID_OBJECT (0x80040108) [POSTLOGOFF-1]:
 * the session was already logged off or invalidated. See https://github.com/mapi4j/mapi4j/blob/main/docs/specification.md#postlogoff-1
 * </pre>
 *
 * <p>Thrown by the application API only; the provider SPI returns HRESULTs instead.
 */
public class MapiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HRESULT. */
    private final int code;
    /** The spec rule ID, or {@code null}. */
    private final String ruleId;

    /**
     * Creates the exception and its message.
     *
     * @param operation what was called with which arguments, e.g. {@code "IMAPISession::Logoff(flags=[])"}; not {@code null}
     * @param code the HRESULT
     * @param ruleId the spec rule, or {@code null}
     * @param detail what happened and what to do about it, or {@code null}
     * @throws NullPointerException if {@code operation} is {@code null}
     */
    public MapiException(String operation, int code, String ruleId, String detail) {
        super(message(operation, code, ruleId, detail));
        this.code = code;
        this.ruleId = ruleId;
    }

    private static String message(String operation, int code, String ruleId, String detail) {
        Objects.requireNonNull(operation, "operation");
        StringBuilder text = new StringBuilder(operation).append(" failed with ").append(HResult.describe(code));
        if (ruleId != null) {
            text.append(" [").append(ruleId).append(']');
        }
        if (detail != null && !detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        if (ruleId != null) {
            text.append(". See ").append(Specification.link(ruleId));
        }
        return text.toString();
    }

    /**
     * The HRESULT.
     *
     * @return the HRESULT
     */
    public HResult hresult() {
        return HResult.of(code);
    }

    /**
     * The HRESULT as a number.
     *
     * @return the HRESULT as its 32-bit code
     */
    public int code() {
        return code;
    }

    /**
     * The rule behind the error.
     *
     * @return the ID of the spec rule behind the error, if one applies
     */
    public Optional<String> ruleId() {
        return Optional.ofNullable(ruleId);
    }

    /**
     * Where the rule is specified.
     *
     * @return the link to the rule's entry in the published specification, if a rule applies
     * @see Specification#link(String)
     */
    public Optional<String> ruleLink() {
        return ruleId().map(Specification::link);
    }
}
