package org.mapi4j.provider.native_;

import org.mapi4j.provider.native_.reference.ReferenceControl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeMapped;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.win32.StdCallFunctionMapper;
import com.sun.jna.WString;
import com.sun.jna.NativeMappedConverter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exports the provider binds ({@link MapiExports}) against its own JNA declaration
 * ({@link MapiLibrary}), against the export table of the reference library built for every
 * platform (which must also equal that library's declared export list), and against an
 * implementation nobody here wrote: Wine's {@code mapi32.dll} for x86-64 Windows programs.
 *
 * <p>A library that was not built here (its toolchain missing) or an absent Wine is skipped with the
 * reason, and fails the test when {@code mapi4j.requireCrossPlatforms=true} (CI).
 */
class ExportTableTest {

    private static final boolean REQUIRE = Boolean.getBoolean("mapi4j.requireCrossPlatforms");
    /** The reference library's sources: its declared export lists. */
    private static final Path REFERENCE_C = Paths.get("..", "mapi-native-reference", "src", "main", "c");

    /** Where Debian, Fedora and WineHQ's packages put Wine's 64-bit PE mapi32.dll. */
    private static final List<String> WINE_MAPI32 = List.of(
            "/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/mapi32.dll",
            "/usr/lib64/wine/x86_64-windows/mapi32.dll",
            "/usr/lib/wine/x86_64-windows/mapi32.dll",
            "/opt/wine-stable/lib64/wine/x86_64-windows/mapi32.dll");

    /** The reference library in the jar, per JNA resource prefix. */
    enum Platform {
        LINUX_X86_64("linux-x86-64/libmapi32.so", "x86-64", false),
        LINUX_AARCH64("linux-aarch64/libmapi32.so", "aarch64", false),
        WIN32_X86_64("win32-x86-64/mapi32.dll", "x86-64", false),
        WIN32_X86("win32-x86/mapi32.dll", "x86", true);

        final String resource;
        final String machine;
        final boolean stdcall;

        Platform(String resource, String machine, boolean stdcall) {
            this.resource = resource;
            this.machine = machine;
            this.stdcall = stdcall;
        }
    }

    @Test
    void theListIsMapiLibraryWithTheArgumentBytesJnasStdcallMapperComputes() {
        Set<String> declared = Arrays.stream(MapiLibrary.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = MapiExports.REQUIRED.stream().map(MapiExports.Export::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, listed, "MapiExports must list exactly the functions MapiLibrary binds");
        JnaStackSizes jna = new JnaStackSizes();
        for (Method m : MapiLibrary.class.getDeclaredMethods()) {
            // On this JVM, the replica agrees with JNA's own mapper...
            int here = 0;
            for (Class<?> type : m.getParameterTypes()) {
                here += jna.size(type);
                assertEquals(jna.size(type), argumentBytes(type, Native.POINTER_SIZE), m + ": " + type);
            }
            // ...and on a 32-bit JVM, where a pointer takes 4 bytes, it gives the decoration.
            int x86 = Arrays.stream(m.getParameterTypes()).mapToInt(t -> argumentBytes(t, 4)).sum();
            assertEquals(x86, MapiExports.find(m.getName()).stdcallArgumentBytes(), m.getName() + " on x86");
            assertTrue(here >= x86);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theReferenceLibraryExportsWhatTheProviderBindsAndExactlyItsDeclaredList(Platform platform)
            throws IOException {
        byte[] image;
        try (InputStream in = ExportTableTest.class.getClassLoader().getResourceAsStream(platform.resource)) {
            if (in == null) {
                skipOrFail("the reference jar on the class path holds no " + platform.resource
                        + " (its cross toolchain was missing when it was built)");
                return;
            }
            image = in.readAllBytes();
        }
        ExportTables.Exports exports = ExportTables.read(image);
        assertEquals(platform.machine, exports.machine(), platform.resource);
        for (MapiExports.Export export : MapiExports.REQUIRED) {
            String name = export.exportName(platform.stdcall);
            assertTrue(exports.names().contains(name), platform.resource + " does not export " + name
                    + ", which the provider binds there; it exports " + exports.names());
        }
        for (Method m : ReferenceControl.class.getDeclaredMethods()) {
            assertTrue(exports.names().contains(m.getName()), platform.resource + " lacks " + m.getName());
        }
        assertEquals(declaredExports(platform), exports.names(),
                platform.resource + ": the export table must equal the declared export list");
    }

    @Test
    void winesMapi32ExportsWhatTheProviderBindsUnderPlainAndDecoratedNames() throws IOException {
        Path wine = WINE_MAPI32.stream().map(Paths::get).filter(Files::isRegularFile).findFirst().orElse(null);
        if (wine == null) {
            skipOrFail("Wine's x86-64 mapi32.dll is not installed (Debian package wine64), looked in " + WINE_MAPI32);
            return;
        }
        ExportTables.Exports exports = ExportTables.read(Files.readAllBytes(wine));
        assertEquals("x86-64", exports.machine(), wine.toString());
        for (MapiExports.Export export : MapiExports.REQUIRED) {
            assertTrue(exports.names().contains(export.name()), wine + " lacks " + export.name());
            // Wine declares each entry point's arguments itself: its decoration checks our byte counts.
            assertTrue(exports.names().contains(export.decorated()), wine + " lacks " + export.decorated()
                    + "; its MAPI exports: " + exports.names().stream().filter(n -> n.startsWith("MAPI"))
                            .collect(Collectors.toList()));
        }
    }

    private static Set<String> declaredExports(Platform platform) throws IOException {
        Set<String> names = new TreeSet<>();
        if (platform.stdcall) {
            // the module definition file: "name = internal" or "name" per line after EXPORTS
            boolean inExports = false;
            for (String line : Files.readAllLines(REFERENCE_C.resolve("mapi32-x86.def"))) {
                String l = line.replaceAll(";.*", "").trim();
                if (l.isEmpty()) {
                    continue;
                }
                if (l.equals("EXPORTS")) {
                    inExports = true;
                } else if (inExports) {
                    names.add(l.split("[\\s=]+")[0]);
                }
            }
            Set<String> plain = names.stream().filter(n -> !n.contains("@")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(exportsTxt(), plain, "mapi32-x86.def's plain names must be exports.txt");
        } else {
            names.addAll(exportsTxt());
        }
        return names;
    }

    private static Set<String> exportsTxt() throws IOException {
        return Files.readAllLines(REFERENCE_C.resolve("exports.txt")).stream().map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * JNA's StdCallFunctionMapper rule for one argument, for a JVM of the given pointer size: what a
     * NativeMapped type maps to, a pointer for arrays and pointer types, else the type's native size.
     */
    private static int argumentBytes(Class<?> type, int pointerSize) {
        Class<?> t = NativeMapped.class.isAssignableFrom(type) ? NativeMappedConverter.getInstance(type).nativeType()
                : type;
        if (t.isArray() || Pointer.class.isAssignableFrom(t) || t == String.class || t == WString.class
                || Callback.class.isAssignableFrom(t) || Structure.class.isAssignableFrom(t)) {
            return pointerSize;
        }
        return Native.getNativeSize(t);
    }

    /** JNA's own rule, on this JVM. */
    private static final class JnaStackSizes extends StdCallFunctionMapper {
        int size(Class<?> type) {
            return getArgumentNativeStackSize(type);
        }
    }

    private static void skipOrFail(String reason) {
        if (REQUIRE) {
            fail(reason + ", and mapi4j.requireCrossPlatforms=true");
        }
        Assumptions.assumeTrue(false, reason);
    }
}
