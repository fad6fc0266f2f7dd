package org.mapi4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the suite's results with the ratios the performance targets are stated in. */
final class Table {

    private Table() {
    }

    static String render(Map<String, Double> ns) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "time", "ratio", "target"});
        Double cas = ns.get("InMemoryBenchmarks.casFloor");
        for (Map.Entry<String, Double> entry : ns.entrySet()) {
            String name = entry.getKey();
            double value = entry.getValue();
            String ratio = "";
            String target = "";
            if (name.equals("InMemoryBenchmarks.logonLogoffRelease")) {
                ratio = cas == null ? "" : ratio(value, cas) + " of CAS floor";
                target = "<= 200 ns";
            } else if (name.equals("InMemoryBenchmarks.rejectedAfterLogoff")) {
                target = "<= 10 ns, 0 B/op";
            } else if (name.startsWith("NativeBenchmarks.providerRejectedAfterLogoff")) {
                target = "0 B/op (-prof gc)";
            } else if (name.startsWith("FanOutBenchmarks.sharedLogoff(")) {
                int n = Integer.parseInt(name.substring(name.indexOf('(') + 1, name.indexOf(')')));
                ratio = BenchMain.format(value / n) + " per participant";
                target = n == 10_000 ? "<= 10 ms, linear" : "linear";
            } else if (name.startsWith("NativeCallbackBenchmarks.sharedLogoff(")) {
                // Per callback: the difference to the shared logoff without participants, over N.
                int n = Integer.parseInt(name.substring(name.indexOf('(') + 1, name.indexOf(')')));
                String binding = binding(name);
                Double alone = ns.get("NativeCallbackBenchmarks.sharedLogoff(0)" + binding);
                if (n > 0 && alone != null) {
                    ratio = BenchMain.format((value - alone) / n) + " per callback";
                    // Read at one N (NativeCallbackBenchmarks): smaller N carry the logoff's fixed costs.
                    if (n == CALLBACK_TARGET_PARTICIPANTS) {
                        target = binding.equals(FFM) ? "<= 150 ns per callback" : "<= 2 µs per callback";
                    }
                }
            } else if (name.startsWith("Native")) {
                String binding = binding(name);
                String bare = name.substring(0, name.length() - binding.length());
                String raw = bare.replace("NativeBenchmarks.provider", "NativeBenchmarks.rawJna");
                if (!raw.equals(bare) && ns.containsKey(raw)) {
                    ratio = ratio(value, ns.get(raw)) + " of raw JNA";
                    target = binding.equals(FFM) ? "" : "<= 1.10x raw JNA";
                }
                String operation = bare.substring(bare.lastIndexOf('.') + 1).replaceFirst("^(provider|rawJna)", "");
                String floor = "C floor." + operation;
                if (ns.containsKey(floor)) {
                    ratio += (ratio.isEmpty() ? "" : "; ") + ratio(value, ns.get(floor)) + " of C floor";
                    // The same calls in a C process with a second thread, as every JVM has (cfloor.c).
                    Double threaded = ns.get(floor + "MultiThreaded");
                    if (threaded != null) {
                        ratio += " (" + ratio(value, threaded) + " multi-threaded)";
                    }
                    if (binding.equals(FFM)) {
                        target = operation.equals("Cycle") ? "<= 4x C floor" : "<= 3x C floor";
                    }
                }
            }
            rows.add(new String[] {name, BenchMain.format(value), ratio, target});
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            text.append(String.format(Locale.ROOT, "| %-" + width[0] + "s | %" + width[1] + "s | %-" + width[2] + "s | %-"
                    + width[3] + "s |%n", (Object[]) row));
            if (r == 0) {
                text.append("|").append("-".repeat(width[0] + 2)).append("|").append("-".repeat(width[1] + 2)).append("|")
                        .append("-".repeat(width[2] + 2)).append("|").append("-".repeat(width[3] + 2)).append("|\n");
            }
        }
        return text.toString();
    }

    private static final String FFM = " [ffm]";
    private static final int CALLBACK_TARGET_PARTICIPANTS = 512;

    // " [ffm]" or " [jna]" where the row is the provider on one binding (JDK 22+ runs), else "".
    private static String binding(String name) {
        return name.endsWith(" [ffm]") || name.endsWith(" [jna]") ? name.substring(name.length() - 6) : "";
    }

    private static String ratio(double value, double base) {
        return String.format(Locale.ROOT, "%.2fx", value / base);
    }
}
