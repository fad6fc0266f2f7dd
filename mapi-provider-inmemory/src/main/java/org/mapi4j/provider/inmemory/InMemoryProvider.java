package org.mapi4j.provider.inmemory;

import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.FastShutdownPolicy;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.spi.support.AbstractMapiProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory MAPI provider: pure Java, every rule of the spec, the embedded default.
 *
 * <p>Each instance is one MAPI instance (spec B.0) with its own profiles, initialization count and
 * shared-session slot (SHARED-1: shared sessions are per instance). The no-argument constructor,
 * which {@link java.util.ServiceLoader} uses, configures the built-in profiles: {@code Default} (the
 * default profile, one store {@code Personal Folders}) and {@code Work} (stores {@code Mailbox - Work} and
 * {@code Archive}). {@link #builder()} configures others.
 *
 * <p>Thread-safe: many threads may share one instance and one session handle. Passwords are
 * rejected as the spec requires (LOGON-2c) and never logged, kept or printed.
 */
public final class InMemoryProvider extends AbstractMapiProvider {

    /** The name applications select it by. */
    public static final String NAME = "inmemory";
    /** Its priority: below a native provider that is available. */
    public static final int PRIORITY = 10;

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryProvider.class);

    private final Map<String, Profile> profiles;
    private final String defaultProfile;
    private final FastShutdownPolicy fastShutdownPolicy;
    private final boolean serviceOptsOutOfFastShutdown;
    private final Object publication = new Object();
    private UnderlyingSession published; // guarded by publication

    /** Creates an instance with the built-in profiles {@code Default} and {@code Work}. */
    public InMemoryProvider() {
        this(builder().profile("Default", "Personal Folders").profile("Work", "Mailbox - Work", "Archive")
                .defaultProfile("Default"));
    }

    private InMemoryProvider(Builder builder) {
        this.profiles = Map.copyOf(builder.profiles);
        this.defaultProfile = builder.defaultProfile;
        this.fastShutdownPolicy = builder.fastShutdownPolicy;
        this.serviceOptsOutOfFastShutdown = builder.serviceOptsOut;
    }

    /** {@return a builder for an instance with other profiles or another fast-shutdown policy} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability availability() {
        return Availability.available("pure Java, " + profiles.size() + " profile(s)");
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        return EnumSet.of(ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION, ProviderCapability.FAST_SHUTDOWN,
                ProviderCapability.CONFIGURABLE_FAST_SHUTDOWN_POLICY, ProviderCapability.SYNCHRONOUS_NOTIFICATIONS,
                ProviderCapability.END_OF_SESSION_SCODE);
    }

    @Override
    protected void doUninitialize(boolean last, long endedGeneration) {
        if (last) {
            // INIT-8: the ended sessions left the slot as their handles logged off; this clears a
            // slot whose join raced its end. A session of a newer generation stays published.
            synchronized (publication) {
                if (published != null && published.generation <= endedGeneration) {
                    published = null;
                }
            }
        }
    }

    @Override
    protected int doLogon(long uiParam, String profileName, int flags, Out<MapiSessionHandle> out) {
        boolean touchesSharedSlot = (flags & MapiConstants.MAPI_NEW_SESSION) == 0
                || (flags & MapiConstants.MAPI_ALLOW_OTHERS) != 0;
        if (!touchesSharedSlot) {
            return newSession(profileName, flags, out); // individual sessions never wait for each other
        }
        synchronized (publication) {
            if ((flags & MapiConstants.MAPI_NEW_SESSION) == 0 && published != null) {
                // LOGON-3: join the shared session; profile and password are ignored.
                InMemorySessionHandle handle = new InMemorySessionHandle(this, published, flags);
                if (published.join(handle)) {
                    out.set(handle);
                    return S_OK;
                }
                handle.discardUnused(); // raced with its end: fall through to a new session
                published = null;
            }
            int hr = newSession(profileName, flags, out);
            if (hr == S_OK && (flags & MapiConstants.MAPI_ALLOW_OTHERS) != 0 && published == null) {
                UnderlyingSession created = ((InMemorySessionHandle) out.get()).session();
                created.markShared(); // LOGON-5: the first publisher keeps the slot
                published = created;
            }
            return hr;
        }
    }

    private int newSession(String profileName, int flags, Out<MapiSessionHandle> out) {
        Profile profile = chooseProfile(profileName, flags);
        if (profile == null) {
            return MAPI_E_LOGON_FAILED;
        }
        UnderlyingSession created = new UnderlyingSession(profile, generation());
        InMemorySessionHandle handle = new InMemorySessionHandle(this, created, flags);
        created.join(handle);
        out.set(handle);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Logon to profile '{}' -> session {}", profile.name(), handle.id());
        }
        return S_OK;
    }

    // LOGON-4. A headless provider has no dialog, so MAPI_LOGON_UI alone cannot choose a profile.
    private Profile chooseProfile(String profileName, int flags) {
        if (profileName != null && !profileName.isEmpty()) {
            return profiles.get(profileName);
        }
        if ((flags & MapiConstants.MAPI_USE_DEFAULT) != 0 && defaultProfile != null) {
            return profiles.get(defaultProfile);
        }
        return null;
    }

    void unpublish(UnderlyingSession session) {
        synchronized (publication) {
            if (published == session) {
                published = null;
            }
        }
    }

    // Spec A.11 over the simulated service providers: they all implement IMAPIProviderShutdown; one
    // may be configured to opt out.
    boolean fastShutdownPermitted() {
        return fastShutdownPolicy != FastShutdownPolicy.DISABLED && !serviceOptsOutOfFastShutdown;
    }

    void fastShutdown() {
        terminate();
        synchronized (publication) {
            published = null;
        }
        LOG.debug("Fast shutdown: instance terminated (FAST-5)");
    }

    @Override
    public String toString() {
        return "InMemoryProvider[profiles=" + profiles.keySet() + ", default=" + defaultProfile + "]";
    }

    /** Configures an {@link InMemoryProvider}. Not thread-safe. */
    public static final class Builder {

        private final Map<String, Profile> profiles = new LinkedHashMap<>();
        private String defaultProfile;
        private FastShutdownPolicy fastShutdownPolicy = FastShutdownPolicy.UNLESS_A_PROVIDER_OPTS_OUT;
        private boolean serviceOptsOut;

        private Builder() {
        }

        /**
         * Adds a profile; its first store is the default store.
         *
         * @param name the profile name, 1 to 64 characters, unique
         * @param storeNames the display names of its message stores
         * @return this builder
         */
        public Builder profile(String name, String... storeNames) {
            Profile profile = new Profile(name, new ArrayList<>(List.of(storeNames)));
            if (profiles.putIfAbsent(name, profile) != null) {
                throw new IllegalArgumentException("profile '" + name + "' is configured twice");
            }
            return this;
        }

        /**
         * Sets the default profile.
         *
         * @param name the default profile, one of the configured ones
         * @return this builder
         */
        public Builder defaultProfile(String name) {
            this.defaultProfile = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the machine's fast-shutdown policy.
         *
         * @param policy the machine's fast-shutdown policy (spec A.11), not {@code null}; the default is
         *     {@link FastShutdownPolicy#UNLESS_A_PROVIDER_OPTS_OUT}
         * @return this builder
         */
        public Builder fastShutdownPolicy(FastShutdownPolicy policy) {
            this.fastShutdownPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets whether a simulated service provider opts out of fast shutdown.
         *
         * @param optsOut whether one simulated service provider returns MAPI_E_NO_SUPPORT from its
         *     QueryFastShutdown, which blocks fast shutdown under every policy
         * @return this builder
         */
        public Builder serviceOptsOutOfFastShutdown(boolean optsOut) {
            this.serviceOptsOut = optsOut;
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         * @throws IllegalStateException if the default profile is not one of the profiles
         */
        public InMemoryProvider build() {
            if (defaultProfile != null && !profiles.containsKey(defaultProfile)) {
                throw new IllegalStateException("default profile '" + defaultProfile + "' is not configured; profiles: "
                        + profiles.keySet());
            }
            return new InMemoryProvider(this);
        }
    }
}
