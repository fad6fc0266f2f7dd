package org.mapi4j;

import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.HResult;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mapi4j.internal.Rules;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An initialized MAPI (one successful MAPIInitialize). {@link #close()} performs the matching
 * MAPIUninitialize exactly once; the last one invalidates the sessions still logged on (INIT-8).
 *
 * <p>Thread-safe: many threads may log on through one subsystem and share its sessions.
 */
public final class MapiSubsystem implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MapiSubsystem.class);

    /** The flags {@link #logon()} uses: the default profile, a new session, Extended MAPI. */
    public static final Set<LogonFlag> DEFAULT_LOGON_FLAGS =
            Set.copyOf(EnumSet.of(LogonFlag.USE_DEFAULT, LogonFlag.NEW_SESSION, LogonFlag.EXTENDED));

    private final MapiProvider provider;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MapiSubsystem(MapiProvider provider) {
        this.provider = provider;
    }

    /** {@return a builder: provider, initialization flags, logoff confirmation, shared-logoff policy} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the provider this subsystem runs on (its SPI, for advanced use)} */
    public MapiProvider provider() {
        return provider;
    }

    /**
     * Logs on to the default profile with a new session ({@link #DEFAULT_LOGON_FLAGS}).
     *
     * @return the session; close it to log off and release
     * @throws MapiException if MAPILogonEx fails
     */
    public MapiSession logon() {
        return logon(0L, null, DEFAULT_LOGON_FLAGS);
    }

    /**
     * Logs on to a named profile with a new session.
     *
     * @param profileName the profile, at most 64 characters
     * @return the session
     * @throws MapiException if MAPILogonEx fails
     */
    public MapiSession logon(String profileName) {
        Objects.requireNonNull(profileName, "profileName");
        return logon(0L, profileName, Set.of(LogonFlag.NEW_SESSION, LogonFlag.EXTENDED));
    }

    /**
     * MAPILogonEx with every parameter but the password, which mapi4j always passes as {@code NULL}
     * (LOGON-2c).
     *
     * @param parentWindow the {@code ulUIParam} for a logon dialog, 0 for none
     * @param profileName the profile, or {@code null} to use the default or the shared session
     * @param flags the logon flags, exactly as given
     * @return the session
     * @throws MapiException if MAPILogonEx fails
     */
    public MapiSession logon(long parentWindow, String profileName, Set<LogonFlag> flags) {
        Objects.requireNonNull(flags, "flags");
        checkOpen();
        Out<MapiSessionHandle> handle = new Out<>();
        int bits = LogonFlag.bits(flags);
        int hr = provider.logon(parentWindow, profileName, null, bits, handle);
        if (!HResult.succeeded(hr) || handle.get() == null) {
            throw new MapiException("MAPILogonEx(profile=" + (profileName == null ? "NULL" : "'" + profileName + "'")
                    + ", flags=" + flags + ")", hr, Rules.forLogon(hr, profileName, bits),
                    Rules.logonAdvice(hr, profileName, bits));
        }
        return new MapiSession(handle.get());
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return closed.get();
    }

    /** MAPIUninitialize, once; later calls do nothing. Never throws. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                provider.uninitialize();
            } catch (RuntimeException e) {
                LOG.warn("MAPIUninitialize of provider {} threw", provider.name(), e);
            }
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this MapiSubsystem was closed (MAPIUninitialize); initialize a new one");
        }
    }

    @Override
    public String toString() {
        return "MapiSubsystem[" + provider.name() + (closed.get() ? ", closed" : "") + "]";
    }

    /** Configures and initializes a {@link MapiSubsystem}. Not thread-safe. */
    public static final class Builder {

        private MapiProvider provider;
        private String providerName;
        private final Set<InitFlag> initFlags = EnumSet.noneOf(InitFlag.class);
        private boolean useInitStruct;
        private LogoffConfirmation confirmation;
        private SharedLogoffPolicy policy = SharedLogoffPolicy.WARN;
        private boolean allowFallback;

        private Builder() {
        }

        /**
         * Uses this provider instance instead of discovery.
         *
         * @param provider the provider instance to use (instead of discovery)
         * @return this builder
         */
        public Builder provider(MapiProvider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Selects the provider by name, ignoring case, instead of the system property.
         *
         * @param name the name of the provider to discover (instead of the system property)
         * @return this builder
         */
        public Builder providerName(String name) {
            this.providerName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Whether automatic selection may fall back to a provider of lower priority when one of higher
         * priority (typically {@code native} without MAPI) is present but unavailable. Off by default:
         * then such a selection fails with the unavailable provider's reason. When on, the fallback is
         * logged as one warning. Has no effect when a provider is chosen by name or instance.
         *
         * @param allow {@code true} to allow the fallback
         * @return this builder
         * @see Mapi#FALLBACK_PROPERTY
         */
        public Builder allowProviderFallback(boolean allow) {
            this.allowFallback = allow;
            return this;
        }

        /**
         * Passes a MAPIINIT_0 with these flags instead of {@code NULL}.
         *
         * @param flags the initialization flags
         * @return this builder
         */
        public Builder initFlags(InitFlag... flags) {
            Objects.requireNonNull(flags, "flags");
            useInitStruct = true;
            for (InitFlag flag : flags) {
                initFlags.add(Objects.requireNonNull(flag, "flags"));
            }
            return this;
        }

        /**
         * Sets what {@code MAPI_LOGOFF_UI} asks.
         *
         * @param confirmation what {@code MAPI_LOGOFF_UI} asks (decision 3), or {@code null} for none
         * @return this builder
         */
        public Builder logoffConfirmation(LogoffConfirmation confirmation) {
            this.confirmation = confirmation;
            return this;
        }

        /**
         * Sets what {@code MAPI_LOGOFF_SHARED} does.
         *
         * @param policy what {@code MAPI_LOGOFF_SHARED} does (decision 4); default {@code WARN}
         * @return this builder
         */
        public Builder sharedLogoffPolicy(SharedLogoffPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Selects the provider, configures it and calls MAPIInitialize.
         *
         * @return the subsystem
         * @throws ProviderSelectionException if no provider can be selected
         * @throws MapiException if MAPIInitialize fails
         */
        public MapiSubsystem initialize() {
            MapiProvider chosen = provider != null ? provider
                    : providerName != null ? Mapi.provider(providerName) : Mapi.select(allowFallback);
            chosen.setLogoffConfirmation(confirmation);
            chosen.setSharedLogoffPolicy(policy);
            MapiInit init = useInitStruct ? new MapiInit(MapiConstants.MAPI_INIT_VERSION, InitFlag.bits(initFlags)) : null;
            int hr = chosen.initialize(init);
            if (!HResult.succeeded(hr)) {
                throw new MapiException("MAPIInitialize(" + (init == null ? "NULL" : "flags=" + initFlags) + ") on provider '"
                        + chosen.name() + "'", hr, Rules.forInitialize(hr), null);
            }
            LOG.debug("MAPI initialized on provider {}", chosen.name());
            return new MapiSubsystem(chosen);
        }
    }
}
