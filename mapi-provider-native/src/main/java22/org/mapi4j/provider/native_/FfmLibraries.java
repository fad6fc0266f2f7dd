package org.mapi4j.provider.native_;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and loads a MAPI library for the FFM binding, in JNA's order, so that both bindings load
 * the same library for the same {@code mapi4j.native.library}: an absolute path as it is; a name
 * ({@code mapi32}) in the directories of {@code jna.library.path}, then through the system's own
 * search ({@code dlopen}/{@code LoadLibrary}), then on the class path under JNA's resource prefix
 * ({@code linux-x86-64/libmapi32.so}, as {@code org.mapi4j:mapi-native-reference} packs it), which
 * is extracted to a temporary file ({@code jna.tmpdir}, else {@code java.io.tmpdir}) deleted at exit.
 *
 * <p>Each library is loaded once per JVM and never unloaded (the global arena), as JNA does: MAPI
 * is one per process, and a second extracted copy would be a second MAPI with its own state.
 */
final class FfmLibraries {

    /**
     * A loaded library.
     *
     * @param file the file loaded (for a library the system found by name, that name)
     * @param lookup its symbols
     * @param referenceControl the reference library's controls through JNA, or {@code null}
     */
    record Found(File file, SymbolLookup lookup, Object referenceControl) {
    }

    private static final Map<String, Found> LOADED = new ConcurrentHashMap<>();

    private FfmLibraries() {
    }

    /** {@return the 8-bit code page, as JNA chooses it: {@code jna.encoding}, else the platform's} */
    static Charset ansiCharset() {
        String name = System.getProperty("jna.encoding", System.getProperty("native.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * @param libraryName a name or an absolute path
     * @return the library, loaded
     * @throws NativeBinding.Unavailable where it cannot be found or loaded, with what was tried
     */
    static synchronized Found find(String libraryName) throws NativeBinding.Unavailable {
        Found found = LOADED.get(libraryName);
        if (found == null) {
            found = load(libraryName);
            LOADED.put(libraryName, found);
        }
        return found;
    }

    private static Found load(String libraryName) throws NativeBinding.Unavailable {
        StringBuilder tried = new StringBuilder();
        File given = new File(libraryName);
        if (given.isAbsolute()) {
            return open(libraryName, given, tried);
        }
        String fileName = System.mapLibraryName(libraryName);
        String path = System.getProperty("jna.library.path");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File candidate = new File(dir, fileName);
                if (!dir.isEmpty() && candidate.isFile()) {
                    return open(libraryName, candidate, tried);
                }
            }
            tried.append("not in jna.library.path (").append(path).append("); ");
        }
        try {
            SymbolLookup lookup = SymbolLookup.libraryLookup(fileName, Arena.global());
            return new Found(new File(fileName), lookup, null);
        } catch (IllegalArgumentException e) {
            tried.append(fileName).append(" not found by the system's library search; ");
        }
        String resource = resourcePrefix() + "/" + fileName;
        ClassLoader loader = FfmLibraries.class.getClassLoader();
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            if (in == null) {
                tried.append("no ").append(resource).append(" on the class path");
                throw new NativeBinding.Unavailable("the MAPI library '" + libraryName + "' could not be found (FFM: "
                        + tried + "). " + NativeBinding.whatToDo());
            }
            return open(libraryName, extract(in, fileName), tried);
        } catch (IOException e) {
            throw new NativeBinding.Unavailable("the MAPI library '" + libraryName + "' is on the class path as "
                    + resource + " but could not be extracted: " + e + ". Set -Djna.tmpdir to a writable directory.");
        }
    }

    private static Found open(String libraryName, File file, StringBuilder tried) throws NativeBinding.Unavailable {
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(file.toPath(), Arena.global());
        } catch (IllegalArgumentException e) {
            throw new NativeBinding.Unavailable("the MAPI library '" + libraryName + "' (" + file + ") could not be"
                    + " loaded (FFM: " + tried + e.getMessage() + "). If it exists, it may be built for another"
                    + " architecture than this 64-bit JVM (ABI-7). " + NativeBinding.whatToDo());
        }
        Object control = lookup.find(org.mapi4j.provider.native_.reference.ReferenceControl.MARKER_EXPORT).isPresent()
                ? JnaReferenceControl.load(file.getAbsolutePath()) : null;
        return new Found(file, lookup, control);
    }

    private static File extract(InputStream in, String fileName) throws IOException {
        String dir = System.getProperty("jna.tmpdir", System.getProperty("java.io.tmpdir"));
        Path directory = Files.createDirectories(Path.of(dir));
        int dot = fileName.lastIndexOf('.');
        Path target = Files.createTempFile(directory, "mapi4j-" + fileName.substring(0, dot), fileName.substring(dot));
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        File file = target.toFile();
        file.deleteOnExit();
        return file;
    }

    /** JNA's resource prefix for this platform, which the reference library's jar follows. */
    static String resourcePrefix() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String prefix = os.startsWith("windows") ? "win32" : os.startsWith("mac") ? "darwin" : os.replace(' ', '-');
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86-64";
            case "x86", "i386", "i686" -> "x86";
            default -> arch;
        };
        return prefix + "-" + cpu;
    }
}
