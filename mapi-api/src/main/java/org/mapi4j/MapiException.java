package org.mapi4j;

import org.mapi4j.spi.HResult;
import java.util.Optional;

/**
 * A MAPI call failed: carries the {@link HResult}, its name and, where one applies, the ID of the
 * spec rule that produced it (for example {@code LOGOFF-FLAGS-2}).
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
     * @param operation what was called, e.g. {@code "IMAPISession::Logoff"}
     * @param code the HRESULT
     * @param ruleId the spec rule, or {@code null}
     * @param detail what to do about it, or {@code null}
     */
    public MapiException(String operation, int code, String ruleId, String detail) {
        super(message(operation, code, ruleId, detail));
        this.code = code;
        this.ruleId = ruleId;
    }

    private static String message(String operation, int code, String ruleId, String detail) {
        StringBuilder text = new StringBuilder(operation).append(" failed with ").append(HResult.describe(code));
        if (ruleId != null) {
            text.append(" [").append(ruleId).append(']');
        }
        if (detail != null && !detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }

    /** @return the HRESULT */
    public HResult hresult() {
        return HResult.of(code);
    }

    /** @return the HRESULT as its 32-bit code */
    public int code() {
        return code;
    }

    /** @return the ID of the spec rule behind the error, if one applies */
    public Optional<String> ruleId() {
        return Optional.ofNullable(ruleId);
    }
}
