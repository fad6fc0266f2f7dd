package org.mapi4j.tck.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.mapi4j.tck.MapiProviderTck;
import org.mapi4j.tck.Rule;

/**
 * Runs a {@link MapiProviderTck} subclass on the JUnit Platform Launcher and returns one
 * {@link RuleResult} per rule. What the command-line runner and the TCK's own tests use.
 */
public final class TckRunner {

    private final Class<? extends MapiProviderTck> testClass;
    private final Map<String, String> configuration;
    private final Collection<Rule> rules;
    private final List<TestExecutionListener> listeners;
    private final Consumer<RuleResult> progress;

    /**
     * @param testClass the concrete TCK class
     * @param configuration JUnit Platform configuration parameters (see
     *     {@link org.mapi4j.tck.TckConfiguration})
     * @param rules only these rules, or empty for all
     * @param listeners further listeners (for example JUnit XML), may be empty
     * @param progress called once per finished rule, may be {@code null}
     */
    public TckRunner(Class<? extends MapiProviderTck> testClass, Map<String, String> configuration,
            Collection<Rule> rules, List<TestExecutionListener> listeners, Consumer<RuleResult> progress) {
        this.testClass = Objects.requireNonNull(testClass, "testClass");
        this.configuration = Map.copyOf(configuration);
        this.rules = List.copyOf(rules);
        this.listeners = List.copyOf(listeners);
        this.progress = progress;
    }

    /** What one run found. */
    public record Run(List<RuleResult> results, List<String> errors) {

        /**
         * Copies the lists.
         *
         * @param results the record component of that name
         * @param errors the record component of that name
         */
        public Run {
            results = List.copyOf(results);
            errors = List.copyOf(errors);
        }

        /** @return whether no rule failed and nothing outside the rules failed */
        public boolean conforms() {
            return errors.isEmpty() && results.stream().noneMatch(r -> r.outcome() == Outcome.FAILED);
        }
    }

    /** @return the results of the run */
    public Run run() {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .configurationParameters(configuration);
        if (!rules.isEmpty()) {
            request.filters(TagFilter.includeTags(rules.stream().map(Rule::id).toList()));
        }
        LauncherDiscoveryRequest discovery = request.build();
        RuleResultCollector collector = new RuleResultCollector(progress);
        List<TestExecutionListener> all = new ArrayList<>(listeners);
        all.add(collector);
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, all.toArray(new TestExecutionListener[0]));
        return new Run(collector.results(), collector.errors());
    }
}
