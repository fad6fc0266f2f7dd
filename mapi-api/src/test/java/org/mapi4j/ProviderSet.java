package org.mapi4j;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A class loader that shows {@link java.util.ServiceLoader} only the services file of one test set
 * ({@code sets/NAME/META-INF/services/...} in the test resources); classes come from the test class
 * path. Installed as the thread context class loader by {@link #use(String, Runnable)}.
 */
final class ProviderSet extends ClassLoader {

    private static final String SERVICES = "META-INF/services/org.mapi4j.spi.MapiProvider";
    private final String set;

    private ProviderSet(String set) {
        super(ProviderSet.class.getClassLoader());
        this.set = set;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (SERVICES.equals(name)) {
            URL url = getParent().getResource("sets/" + set + "/" + SERVICES);
            return url == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(url));
        }
        return super.getResources(name);
    }

    @Override
    public URL getResource(String name) {
        if (SERVICES.equals(name)) {
            return getParent().getResource("sets/" + set + "/" + SERVICES);
        }
        return super.getResource(name);
    }

    /** Runs the action with only this set's providers visible, and without {@code -Dmapi4j.provider}. */
    static void use(String set, Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        String property = System.clearProperty(Mapi.PROVIDER_PROPERTY);
        thread.setContextClassLoader(new ProviderSet(set));
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
            if (property != null) {
                System.setProperty(Mapi.PROVIDER_PROPERTY, property);
            }
        }
    }
}
