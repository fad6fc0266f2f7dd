package org.mapi4j.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import java.util.Optional;
import java.util.Set;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.Mapi;
import org.mapi4j.MapiSession;
import org.mapi4j.MapiSubsystem;
import org.mapi4j.SharedLogoffListener;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.MapiProvider;

/**
 * Binds mapi4j for Guice: the selected {@link MapiProvider}, an initialized {@link MapiSubsystem}
 * and a logged-on {@link MapiSession} (see {@link SessionSettings}), all singletons created on first use, and
 * {@link MapiResources} that closes them.
 *
 * <p>Applications contribute through bindings, not code in this module:
 * <pre>{@code
 * Injector injector = Guice.createInjector(new MapiModule(), new AbstractModule() {
 *     protected void configure() {
 *         Multibinder.newSetBinder(binder(), SharedLogoffListener.class).addBinding().to(MyListener.class);
 *         OptionalBinder.newOptionalBinder(binder(), LogoffConfirmation.class).setBinding().to(MyDialog.class);
 *         OptionalBinder.newOptionalBinder(binder(), SharedLogoffPolicy.class).setBinding().toInstance(SharedLogoffPolicy.REJECT);
 *     }
 * });
 * MapiSession session = injector.getInstance(MapiSession.class);
 * ...
 * injector.getInstance(MapiResources.class).close();   // Logoff, Release, MAPIUninitialize
 * }</pre>
 *
 * <p>The provider is chosen like {@link Mapi#provider()} (system property {@code mapi4j.provider},
 * else priority) unless a name is given. No static state: two injectors are two MAPI instances.
 */
public final class MapiModule extends AbstractModule {

    private final String providerName;
    private final boolean closeOnShutdown;

    /** Selects the provider like {@link Mapi#provider()}. */
    public MapiModule() {
        this(null, false);
    }

    private MapiModule(String providerName, boolean closeOnShutdown) {
        this.providerName = providerName;
        this.closeOnShutdown = closeOnShutdown;
    }

    /**
     * A module that selects the provider by name.
     *
     * @param name the provider's name, e.g. {@code inmemory}
     * @return a module that selects that provider
     */
    public static MapiModule forProvider(String name) {
        return new MapiModule(name, false);
    }

    /** {@return a copy of this module that also closes {@link MapiResources} in a JVM shutdown hook} */
    public MapiModule closeOnShutdown() {
        return new MapiModule(providerName, true);
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), SharedLogoffListener.class);
        OptionalBinder.newOptionalBinder(binder(), LogoffConfirmation.class);
        OptionalBinder.newOptionalBinder(binder(), SharedLogoffPolicy.class).setDefault().toInstance(SharedLogoffPolicy.WARN);
        OptionalBinder.newOptionalBinder(binder(), SessionSettings.class).setDefault().toInstance(SessionSettings.DEFAULT);
    }

    @Provides
    @Singleton
    MapiResources resources() {
        MapiResources resources = new MapiResources();
        if (closeOnShutdown) {
            Runtime.getRuntime().addShutdownHook(new Thread(resources::close, "mapi4j-shutdown"));
        }
        return resources;
    }

    @Provides
    @Singleton
    MapiProvider provider() {
        return providerName == null ? Mapi.provider() : Mapi.provider(providerName);
    }

    @Provides
    @Singleton
    MapiSubsystem subsystem(MapiProvider provider, Optional<LogoffConfirmation> confirmation,
            SharedLogoffPolicy policy, MapiResources resources) {
        return resources.track(MapiSubsystem.builder().provider(provider)
                .logoffConfirmation(confirmation.orElse(null)).sharedLogoffPolicy(policy).initialize());
    }

    @Provides
    @Singleton
    MapiSession session(MapiSubsystem subsystem, SessionSettings settings, Set<SharedLogoffListener> listeners,
            MapiResources resources) {
        MapiSession session = resources.track(subsystem.logon(0L, settings.profileName(), settings.flags()));
        for (SharedLogoffListener listener : listeners) {
            session.onSharedLogoff(listener);
        }
        return session;
    }
}
