package org.mapi4j;

import org.mapi4j.spi.MapiConstants;
import java.util.Collection;

/** The flags of MAPILogonEx (spec A.6). */
public enum LogonFlag {
    /** {@code MAPI_LOGON_UI}: a logon dialog may be shown. */
    LOGON_UI(MapiConstants.MAPI_LOGON_UI),
    /** {@code MAPI_NEW_SESSION}: always create a new session; never join the shared one. */
    NEW_SESSION(MapiConstants.MAPI_NEW_SESSION),
    /** {@code MAPI_APP_PROFILE}: application profile. */
    APP_PROFILE(MapiConstants.MAPI_APP_PROFILE),
    /** {@code MAPI_ALLOW_OTHERS}: publish the session as the shared session (LOGON-5). */
    ALLOW_OTHERS(MapiConstants.MAPI_ALLOW_OTHERS),
    /** {@code MAPI_EXPLICIT_PROFILE}: do not pre-select the default profile in a dialog. */
    EXPLICIT_PROFILE(MapiConstants.MAPI_EXPLICIT_PROFILE),
    /** {@code MAPI_EXTENDED}: Extended MAPI logon. */
    EXTENDED(MapiConstants.MAPI_EXTENDED),
    /** {@code MAPI_USE_DEFAULT}: use the default profile when no name is given. */
    USE_DEFAULT(MapiConstants.MAPI_USE_DEFAULT),
    /** {@code MAPI_FORCE_DOWNLOAD}: download new mail before returning. */
    FORCE_DOWNLOAD(MapiConstants.MAPI_FORCE_DOWNLOAD),
    /** {@code MAPI_SERVICE_UI_ALWAYS}: show every service's configuration dialog. */
    SERVICE_UI_ALWAYS(MapiConstants.MAPI_SERVICE_UI_ALWAYS),
    /** {@code MAPI_NO_MAIL}: no mail flow for this client. */
    NO_MAIL(MapiConstants.MAPI_NO_MAIL),
    /** {@code MAPI_NT_SERVICE}: the caller is a Windows service. */
    NT_SERVICE(MapiConstants.MAPI_NT_SERVICE),
    /** {@code MAPI_PASSWORD_UI}: a password dialog may be shown; exclusive with {@link #LOGON_UI}. */
    PASSWORD_UI(MapiConstants.MAPI_PASSWORD_UI),
    /** {@code MAPI_TIMEOUT_SHORT}: fail fast when the logon lock is held. */
    TIMEOUT_SHORT(MapiConstants.MAPI_TIMEOUT_SHORT),
    /** {@code MAPI_BG_SESSION}: background session. */
    BG_SESSION(MapiConstants.MAPI_BG_SESSION),
    /**
     * {@code MAPI_UNICODE}: the profile name is passed as UTF-16 (the native provider; no effect on
     * the in-memory provider, LOGON-8).
     */
    UNICODE(MapiConstants.MAPI_UNICODE);

    private final int value;

    LogonFlag(int value) {
        this.value = value;
    }

    /** {@return the bit this flag stands for} */
    public int value() {
        return value;
    }

    /**
     * Combines flags into the {@code flFlags} bit set.
     *
     * @param flags the flags; none means 0
     * @return the bit set
     */
    public static int bits(Collection<LogonFlag> flags) {
        int bits = 0;
        for (LogonFlag flag : flags) {
            bits |= flag.value;
        }
        return bits;
    }
}
