package org.mapi4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.MapiProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: finds MAPI providers with {@link ServiceLoader} and selects one.
 *
 * <p>Selection, in this order:
 * <ol>
 * <li>an explicit name ({@link #provider(String)}, {@link MapiSubsystem.Builder#providerName(String)}),
 *     else the system property {@value #PROVIDER_PROPERTY}; names are matched ignoring case;</li>
 * <li>else the available provider with the highest priority, but only if no provider of a higher
 *     priority is present and unavailable. When one is (for example the {@code native} provider on a
 *     machine without MAPI), selection fails with that provider's reason instead of running the
 *     application on another provider's data. An application that wants the fallback says so with
 *     {@link MapiSubsystem.Builder#allowProviderFallback(boolean)} or the system property
 *     {@value #FALLBACK_PROPERTY}{@code =true}; the fallback is then logged as one warning.</li>
 * </ol>
 * No provider, an unknown name (with the closest known name as a suggestion), a chosen provider that
 * is present but unavailable, an unavailable provider that would have won, and several available
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
 *
 * <p>Nullness follows the package's policy (see {@link org.mapi4j the package documentation}).
 */
public final class Mapi {

    /** The system property that names the provider to use, e.g. {@code -Dmapi4j.provider=native}. */
    public static final String PROVIDER_PROPERTY = "mapi4j.provider";

    /**
     * The system property that, set to {@code true}, lets automatic selection fall back to a provider of
     * lower priority when one of higher priority is present but unavailable.
     */
    public static final String FALLBACK_PROPERTY = "mapi4j.provider.fallback";

    private static final Logger LOG = LoggerFactory.getLogger(Mapi.class);
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
     * Selects by the system property {@value #PROVIDER_PROPERTY}, else by priority (with the fallback
     * only if the system property {@value #FALLBACK_PROPERTY} is {@code true}).
     *
     * @return a new instance of the selected provider, which is available
     * @throws ProviderSelectionException if none can be selected
     */
    public static MapiProvider provider() {
        return select(false);
    }

    /**
     * Selects the provider with this name, ignoring case.
     *
     * @param name the provider's {@link MapiProvider#name()}
     * @return a new instance of it, which is available
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws ProviderSelectionException if it is not found or unavailable
     */
    public static MapiProvider provider(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("provider name must not be blank");
        }
        return byName(name.trim(), "Mapi.provider(\"" + name.trim() + "\")");
    }

    /** Automatic selection: the system property, else by priority; {@code allowFallback} or the property allows fallback. */
    static MapiProvider select(boolean allowFallback) {
        String name = System.getProperty(PROVIDER_PROPERTY);
        if (name != null && !name.isBlank()) {
            return byName(name.trim(), "system property " + PROVIDER_PROPERTY);
        }
        boolean fallback = allowFallback || Boolean.parseBoolean(System.getProperty(FALLBACK_PROPERTY));
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
        MapiProvider chosen = best.get(0);
        List<MapiProvider> passedOver = found.providers.stream().filter(p -> p.priority() > top)
                .collect(Collectors.toList());
        if (!passedOver.isEmpty()) {
            String unavailable = passedOver.stream()
                    .map(p -> "'" + p.name() + "' (priority " + p.priority() + ") is unavailable: "
                            + sentence(availability(p).reason()))
                    .collect(Collectors.joining("; "));
            if (!fallback) {
                throw new ProviderSelectionException("mapi4j: MAPI provider " + unavailable + ". mapi4j does not fall"
                        + " back to '" + chosen.name() + "' (priority " + top + ") on its own. Fix that reason; or"
                        + " choose a provider with -D" + PROVIDER_PROPERTY + "=NAME or Mapi.provider(NAME); or allow"
                        + " the fallback with -D" + FALLBACK_PROPERTY + "=true or"
                        + " MapiSubsystem.builder().allowProviderFallback(true). Found: " + found.describe() + ".");
            }
            LOG.warn("mapi4j: MAPI provider {}. Falling back to '{}' (priority {}), as the application allows.",
                    unavailable, chosen.name(), top);
        }
        return chosen;
    }

    private static MapiProvider byName(String name, String source) {
        Found found = load();
        for (MapiProvider provider : found.providers) {
            if (provider.name().equalsIgnoreCase(name)) {
                Availability availability = availability(provider);
                if (!availability.available()) {
                    throw new ProviderSelectionException("mapi4j: MAPI provider '" + provider.name() + "' (chosen by "
                            + source + ") is present but unavailable: " + sentence(availability.reason())
                            + ". Found: " + found.describe() + ". Fix that reason, or choose another provider with -D"
                            + PROVIDER_PROPERTY + "=NAME or Mapi.provider(NAME).");
                }
                return provider;
            }
        }
        String suggestion = closest(name, found.providers)
                .map(n -> " Did you mean '" + n + "'?").orElse("");
        throw new ProviderSelectionException("mapi4j: no MAPI provider named '" + name + "' (chosen by " + source
                + ")." + suggestion + " Found: "
                + (found.providers.isEmpty() && found.broken.isEmpty() ? "none" : found.describe())
                + ". Use one of these names, or add the provider's jar to the class path.");
    }

    /** The known name nearest to {@code name}, if it is near enough to be a likely typo. */
    private static java.util.Optional<String> closest(String name, List<MapiProvider> providers) {
        String wanted = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (MapiProvider provider : providers) {
            String candidate = provider.name().toLowerCase(Locale.ROOT);
            int distance = candidate.startsWith(wanted) || wanted.startsWith(candidate)
                    ? 1 : editDistance(wanted, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = provider.name();
            }
        }
        return best != null && bestDistance <= Math.max(2, wanted.length() / 3)
                ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A reason as a clause: without the final period, so that the message can go on. */
    private static String sentence(String reason) {
        String text = reason.strip();
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
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
                        + (availability.available() ? "available" : "unavailable: " + sentence(availability.reason()))
                        + ")");
            }
            parts.addAll(broken);
            return String.join("; ", parts);
        }
    }
}
