package org.mapi4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The short suite: every benchmark of this module in one run, then one table with absolute times
 * and the ratios the targets are stated in. {@code -Dbench.quick=true} shortens it further (a smoke
 * run, numbers not meaningful).
 */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * @param args ignored
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        boolean quick = Boolean.getBoolean("bench.quick");
        Map<String, Double> ns = new LinkedHashMap<>();
        ns.putAll(run(steady(quick).include(InMemoryBenchmarks.class.getName() + ".*")));
        ns.putAll(run(singleShot(quick).include(FanOutBenchmarks.class.getName() + ".*")));
        for (Class<?> extra : Extras.benchmarks()) {
            ChainedOptionsBuilder options = singleShot(extra) ? singleShot(quick) : steady(quick);
            if (!Extras.ffmAvailable()) {
                ns.putAll(run(options.include(extra.getName() + ".*")));
                continue;
            }
            // JDK 22+: the native provider on each binding, in forks of their own (one binding per JVM);
            // raw JNA once, beside them.
            ns.putAll(suffixed(run(options.include(extra.getName() + ".*")
                    .jvmArgsAppend("-D" + Extras.BINDING_PROPERTY + "=jna")), " [jna]"));
            ChainedOptionsBuilder ffm = singleShot(extra) ? singleShot(quick) : steady(quick);
            ns.putAll(suffixed(run(ffm.include(extra.getName() + ".provider.*|" + extra.getName() + ".shared.*")
                    .jvmArgsAppend("-D" + Extras.BINDING_PROPERTY + "=ffm")), " [ffm]"));
        }
        Map<String, Double> floor = Extras.cFloor(quick);
        ns.putAll(floor);
        System.out.println();
        System.out.println(Table.render(ns));
    }

    // The rows of a run on one binding: the provider's are marked with it, raw JNA's are the same in both.
    private static Map<String, Double> suffixed(Map<String, Double> ns, String binding) {
        Map<String, Double> marked = new LinkedHashMap<>();
        ns.forEach((name, value) -> marked.put(name.contains(".rawJna") ? name : name + binding, value));
        return marked;
    }

    // Single-shot classes measure one expensive invocation with its own set-up, so they need many iterations.
    private static boolean singleShot(Class<?> benchmarks) {
        BenchmarkMode mode = benchmarks.getAnnotation(BenchmarkMode.class);
        return mode != null && Arrays.asList(mode.value()).contains(Mode.SingleShotTime);
    }

    private static ChainedOptionsBuilder steady(boolean quick) {
        return new OptionsBuilder().forks(1).warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 1 : 5).measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.NANOSECONDS).shouldFailOnError(true);
    }

    // Single shots: enough warm-up shots that the measured code is compiled (ten were not: 512 upcalls a
    // shot reached C2 only during the measurement), and the median of the shots (see run).
    private static ChainedOptionsBuilder singleShot(boolean quick) {
        return new OptionsBuilder().forks(1).warmupIterations(quick ? 2 : 100).measurementIterations(quick ? 3 : 60)
                .timeUnit(TimeUnit.NANOSECONDS).shouldFailOnError(true);
    }

    private static Map<String, Double> run(ChainedOptionsBuilder options) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Double> ns = new LinkedHashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            List<String> params = new ArrayList<>();
            for (String key : result.getParams().getParamsKeys()) {
                params.add(result.getParams().getParam(key));
            }
            if (!params.isEmpty()) {
                name += "(" + String.join(",", params) + ")";
            }
            ns.put(name, score(result));
        }
        return ns;
    }

    // A single shot's mean is at the mercy of one garbage collection that falls into one shot (22 ms
    // against a median of 66 µs, seen): single-shot rows report the median, steady rows JMH's mean.
    private static double score(RunResult result) {
        if (result.getParams().getMode() == Mode.SingleShotTime) {
            return result.getPrimaryResult().getStatistics().getPercentile(50.0);
        }
        return result.getPrimaryResult().getScore();
    }

    static String format(double nanos) {
        if (nanos >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1_000_000);
        }
        if (nanos >= 10_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1_000);
        }
        return String.format(Locale.ROOT, "%.1f ns", nanos);
    }
}
