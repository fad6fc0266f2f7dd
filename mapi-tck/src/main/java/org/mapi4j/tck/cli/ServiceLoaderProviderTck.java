package org.mapi4j.tck.cli;

import org.mapi4j.spi.MapiProvider;
import org.mapi4j.tck.MapiProviderTck;

/**
 * The TCK for a provider found by {@link java.util.ServiceLoader}, so that a provider can be certified
 * from the command line without an author-written class: every test gets a new instance from a fresh
 * ServiceLoader lookup (the provider's public no-argument constructor). The provider's name comes from
 * the configuration parameter {@value #PROVIDER}, extra class path entries from {@value #CLASSPATH}.
 *
 * <p>Public only because the JUnit Platform instantiates it; not an API.
 */
public final class ServiceLoaderProviderTck extends MapiProviderTck {

    /** The configuration parameter with the provider's name. */
    public static final String PROVIDER = "mapi4j.tck.provider";
    /** The configuration parameter with extra class path entries. */
    public static final String CLASSPATH = "mapi4j.tck.classpath";

    /** JUnit calls this. */
    public ServiceLoaderProviderTck() {
    }

    @Override
    protected MapiProvider createProvider() {
        String name = configurationParameter(PROVIDER).orElseThrow(() -> new IllegalStateException(
                "configuration parameter " + PROVIDER + " names no provider"));
        ClassLoader loader = ProviderCatalog.loader(configurationParameter(CLASSPATH).orElse(null));
        return ProviderCatalog.fresh(loader, name).orElseThrow(() -> new IllegalStateException(
                "ServiceLoader found no MapiProvider named '" + name + "'"));
    }
}
