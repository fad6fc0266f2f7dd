package org.mapi4j.guice;

import java.util.Objects;
import java.util.Set;
import org.mapi4j.LogonFlag;
import org.mapi4j.MapiSubsystem;

/**
 * How {@link MapiModule} logs on its session. The default is the default profile with a new
 * session ({@link MapiSubsystem#DEFAULT_LOGON_FLAGS}); override it with
 * {@code OptionalBinder.newOptionalBinder(binder(), SessionSettings.class).setBinding().toInstance(...)}.
 *
 * @param profileName the profile, or {@code null} for the default (with {@link LogonFlag#USE_DEFAULT})
 * @param flags the logon flags
 */
public record SessionSettings(String profileName, Set<LogonFlag> flags) {

    /** The default: {@code (null, MapiSubsystem.DEFAULT_LOGON_FLAGS)}. */
    public static final SessionSettings DEFAULT = new SessionSettings(null, MapiSubsystem.DEFAULT_LOGON_FLAGS);

    /**
     * Copies the flags.
     *
     * @param profileName the profile, or {@code null} for the default
     * @param flags the logon flags
     */
    public SessionSettings {
        flags = Set.copyOf(Objects.requireNonNull(flags, "flags"));
    }
}
