package org.mapi4j.tck.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.mapi4j.spi.MapiProvider;

/**
 * Finds providers with {@link ServiceLoader} the way {@code org.mapi4j.Mapi} does, and makes a fresh
 * instance of one on every request: {@code ServiceLoader.load(...).stream()} is asked again each time
 * and only the matching provider is instantiated, so a provider with a public no-argument constructor
 * is certified with a new instance per test.
 */
final class ProviderCatalog {

    private static final Map<String, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private ProviderCatalog() {
    }

    /**
     * @param classpath extra jars or folders separated by {@link File#pathSeparator}, or {@code null}
     * @return the class loader that sees them (the context class loader when there are none)
     */
    static ClassLoader loader(String classpath) {
        ClassLoader parent = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : ProviderCatalog.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        return LOADERS.computeIfAbsent(classpath, cp -> {
            List<URL> urls = new ArrayList<>();
            for (String part : cp.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    try {
                        urls.add(new File(part).toURI().toURL());
                    } catch (MalformedURLException e) {
                        throw new IllegalArgumentException("bad class path entry " + part, e);
                    }
                }
            }
            return new URLClassLoader(urls.toArray(new URL[0]), parent);
        });
    }

    /** @return one new instance of every provider found, in discovery order; broken ones are described */
    static List<MapiProvider> all(ClassLoader loader, List<String> broken) {
        List<MapiProvider> found = new ArrayList<>();
        for (ServiceLoader.Provider<MapiProvider> candidate : ServiceLoader.load(MapiProvider.class, loader)
                .stream().toList()) {
            try {
                found.add(candidate.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                broken.add(candidate.type().getName() + " (failed to load: " + e.getMessage() + ")");
            }
        }
        return found;
    }

    /** @return a new instance of the provider with this name, if there is one */
    static Optional<MapiProvider> fresh(ClassLoader loader, String name) {
        for (ServiceLoader.Provider<MapiProvider> candidate : ServiceLoader.load(MapiProvider.class, loader)
                .stream().toList()) {
            MapiProvider provider;
            try {
                provider = candidate.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                continue;
            }
            if (provider.name().equals(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
