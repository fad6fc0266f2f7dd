package org.mapi4j.examples.cleanroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the root file system of a minimal image: a jlink JRE and exactly the host libraries that
 * {@code ldd} says it needs. No compiler, no Maven, no shell: whatever the jars copied into it need
 * beyond a JRE, they must carry themselves.
 */
final class CleanRoomImage {

    /** Where the JRE lives inside the image. */
    static final String JRE = "/opt/jre";

    // JUnit Platform logs through java.logging and writes XML reports through java.xml.
    private static final String MODULES = "java.base,java.logging,java.xml,java.management,jdk.unsupported";
    private static final List<String> COMPAT_LIBRARIES = List.of("/lib/x86_64-linux-gnu/libdl.so.2",
            "/lib/x86_64-linux-gnu/libpthread.so.0", "/lib/x86_64-linux-gnu/librt.so.1");
    private static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so[.\\d]*)");

    private CleanRoomImage() {
    }

    /**
     * @param work an empty directory of the build
     * @return the root file system
     */
    static Path buildRootFs(Path work) {
        try {
            Path rootfs = work.resolve("rootfs");
            Path jre = rootfs.resolve(JRE.substring(1));
            Files.createDirectories(jre.getParent());
            run(List.of(Path.of(System.getProperty("java.home"), "bin", "jlink").toString(), "--add-modules", MODULES,
                    "--strip-debug", "--no-header-files", "--no-man-pages", "--output", jre.toString()));
            for (String library : hostLibraries(jre)) {
                Path target = rootfs.resolve(library.substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(Path.of(library), target, StandardCopyOption.REPLACE_EXISTING);
            }
            for (String directory : List.of("tmp", "app", "out")) {
                Files.createDirectories(rootfs.resolve(directory));
            }
            return rootfs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TreeSet<String> hostLibraries(Path jre) throws IOException {
        List<Path> binaries = new ArrayList<>();
        binaries.add(jre.resolve("bin/java"));
        try (Stream<Path> files = Files.walk(jre.resolve("lib"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".so")).forEach(binaries::add);
        }
        TreeSet<String> libraries = new TreeSet<>();
        // JNA's dispatch library and native code built with -pthread may link these older names.
        for (String compat : COMPAT_LIBRARIES) {
            if (Files.exists(Path.of(compat))) {
                libraries.add(compat);
            }
        }
        for (Path binary : binaries) {
            for (String line : run(List.of("ldd", binary.toString())).split("\n")) {
                Matcher matcher = LIBRARY.matcher(line);
                if (matcher.find() && !matcher.group(1).startsWith(jre.toString())) {
                    libraries.add(matcher.group(1));
                }
            }
        }
        return libraries;
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
        return output;
    }
}
