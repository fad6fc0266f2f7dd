package org.mapi4j.bench;

import com.sun.jna.Native;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mapi4j.provider.native_.NativeProvider;

/**
 * Runs the C floor program ({@code src/main/c/cfloor.c}, built by the module's build on Linux) on the
 * reference library from the class path and reads its {@code CFLOOR <name> <ns>} lines.
 */
final class CFloor {

    /** The system property with the program's path; the exec configuration sets it. */
    static final String PROPERTY = "mapi4j.bench.cfloor";
    private static final String DEFAULT_PATH = "target/cfloor/mapi4j-cfloor";

    private CFloor() {
    }

    /** @return {@code "C floor.<name>"} to ns per operation; empty, with a message, when the program is missing */
    static Map<String, Double> measure(boolean quick) {
        File program = new File(System.getProperty(PROPERTY, DEFAULT_PATH));
        if (!program.canExecute()) {
            System.err.println("C floor skipped: " + program + " was not built (the build makes it on Linux only)");
            return Map.of();
        }
        Map<String, Double> ns = new LinkedHashMap<>();
        try {
            File library = Native.extractFromResourcePath(NativeProvider.DEFAULT_LIBRARY);
            Process process = new ProcessBuilder(program.getPath(), library.getPath(), quick ? "1" : "5",
                    quick ? "20000" : "200000").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length == 3 && parts[0].equals("CFLOOR")) {
                        ns.put("C floor." + parts[1], Double.parseDouble(parts[2]));
                    }
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("the C floor program failed (exit "
                        + (process.isAlive() ? "none, killed" : process.exitValue()) + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run the C floor program " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ns;
    }
}
