package org.mapi4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.MapiProvider;

/**
 * The entry point: finds MAPI providers with {@link ServiceLoader} and selects one.
 *
 * <p>Selection (in this order): an explicit name ({@link #provider(String)}), else the system property
 * {@value #PROVIDER_PROPERTY}, else the available provider with the highest priority. No provider,
 * an unknown name, a chosen provider that is present but unavailable, and several available
 * providers sharing the highest priority each give one {@link ProviderSelectionException} that says
 * what was found and how to choose.
 *
 * <pre>{@code
 * try (MapiSubsystem mapi = Mapi.initialize();
 *      MapiSession session = mapi.logon()) {
 *     session.messageStores().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Each call that selects a provider creates a new provider instance: a new, independent MAPI
 * instance for the in-memory provider; the process's MAPI for the native one.
 */
public final class Mapi {

    /** The system property that names the provider to use, e.g. {@code -Dmapi4j.provider=native}. */
    public static final String PROVIDER_PROPERTY = "mapi4j.provider";

    private static final int MAX_BROKEN_ENTRIES = 100;

    private Mapi() {
    }

    /**
     * Initializes MAPI on the selected provider ({@code MAPIInitialize(NULL)}).
     *
     * @return the subsystem; close it to uninitialize
     * @throws ProviderSelectionException if no provider can be selected
     * @throws MapiException if MAPIInitialize fails
     */
    public static MapiSubsystem initialize() {
        return MapiSubsystem.builder().initialize();
    }

    /**
     * Every provider found, available or not, in priority order (highest first).
     *
     * @return new provider instances
     */
    public static List<MapiProvider> providers() {
        return load().providers;
    }

    /**
     * Selects by the system property {@value #PROVIDER_PROPERTY}, else by priority.
     *
     * @return a new instance of the selected provider, which is available
     * @throws ProviderSelectionException if none can be selected
     */
    public static MapiProvider provider() {
        String name = System.getProperty(PROVIDER_PROPERTY);
        if (name != null && !name.isBlank()) {
            return select(name.trim(), "system property " + PROVIDER_PROPERTY);
        }
        Found found = load();
        List<MapiProvider> available = found.providers.stream()
                .filter(p -> availability(p).available()).collect(Collectors.toList());
        if (available.isEmpty()) {
            throw new ProviderSelectionException(found.providers.isEmpty() && found.broken.isEmpty()
                    ? "mapi4j: no MAPI provider found on the class path or module path. Add one, for example"
                            + " org.mapi4j:mapi-provider-inmemory (embedded, pure Java) or"
                            + " org.mapi4j:mapi-provider-native (the system MAPI through JNA)."
                    : "mapi4j: no available MAPI provider. Found: " + found.describe()
                            + ". Fix the reason given, or add org.mapi4j:mapi-provider-inmemory.");
        }
        int top = available.get(0).priority();
        List<MapiProvider> best = available.stream().filter(p -> p.priority() == top).collect(Collectors.toList());
        if (best.size() > 1) {
            throw new ProviderSelectionException("mapi4j: several available MAPI providers share the highest priority "
                    + top + ": " + best.stream().map(MapiProvider::name).collect(Collectors.joining(", "))
                    + ". Choose one with -D" + PROVIDER_PROPERTY + "=NAME or Mapi.provider(NAME). Found: "
                    + found.describe() + ".");
        }
        return best.get(0);
    }

    /**
     * Selects the provider with this name.
     *
     * @param name the provider's {@link MapiProvider#name()}
     * @return a new instance of it, which is available
     * @throws ProviderSelectionException if it is not found or unavailable
     */
    public static MapiProvider provider(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("provider name must not be null or blank");
        }
        return select(name.trim(), "Mapi.provider(\"" + name.trim() + "\")");
    }

    private static MapiProvider select(String name, String source) {
        Found found = load();
        for (MapiProvider provider : found.providers) {
            if (provider.name().equals(name)) {
                Availability availability = availability(provider);
                if (!availability.available()) {
                    throw new ProviderSelectionException("mapi4j: MAPI provider '" + name + "' (chosen by " + source
                            + ") is present but unavailable: " + availability.reason() + ". Found: "
                            + found.describe() + ". Fix that reason, or choose another provider with -D"
                            + PROVIDER_PROPERTY + "=NAME or Mapi.provider(NAME).");
                }
                return provider;
            }
        }
        throw new ProviderSelectionException("mapi4j: no MAPI provider named '" + name + "' (chosen by " + source
                + "). Found: " + (found.providers.isEmpty() && found.broken.isEmpty() ? "none" : found.describe())
                + ". Use one of these names, or add the provider's jar to the class path.");
    }

    private static Availability availability(MapiProvider provider) {
        try {
            return provider.availability();
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("availability check threw " + e);
        }
    }

    private static Found load() {
        // The context class loader on the class path; the module graph on the module path.
        ServiceLoader<MapiProvider> serviceLoader = ServiceLoader.load(MapiProvider.class);
        Iterator<MapiProvider> iterator = serviceLoader.iterator();
        List<MapiProvider> providers = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        // A stale services entry or a provider that fails to load must not hide the others: the
        // iterator reports each such entry once and then goes on with the next one.
        for (int failures = 0; failures < MAX_BROKEN_ENTRIES;) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                providers.add(iterator.next());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures++;
                broken.add("a broken provider entry (" + e.getMessage() + ")");
            }
        }
        providers.sort(Comparator.comparingInt(MapiProvider::priority).reversed());
        return new Found(providers, broken);
    }

    private record Found(List<MapiProvider> providers, List<String> broken) {
        String describe() {
            List<String> parts = new ArrayList<>();
            for (MapiProvider provider : providers) {
                Availability availability = availability(provider);
                parts.add(provider.name() + " (priority " + provider.priority() + ", "
                        + (availability.available() ? "available" : "unavailable: " + availability.reason()) + ")");
            }
            parts.addAll(broken);
            return String.join("; ", parts);
        }
    }
}
