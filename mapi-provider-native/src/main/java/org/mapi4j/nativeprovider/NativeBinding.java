package org.mapi4j.nativeprovider;

import com.sun.jna.FunctionMapper;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * A loaded MAPI library: the required exports checked, the optional reference-library controls
 * resolved. {@link #load} is the only place that loads native code, and it turns every way that
 * can fail into a {@link Unavailable} with a reason a person can act on.
 */
final class NativeBinding {

    /** Why the library cannot be used; the message is the reason {@code Availability} reports. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The exports MAPI must have, with their stdcall argument bytes on x86 (ABI-3). */
    private static final Map<String, Integer> REQUIRED = Map.of(
            "MAPIInitialize", 4, "MAPIUninitialize", 0, "MAPILogonEx", 20, "MAPIFreeBuffer", 4);
    private static final List<String> REQUIRED_ORDER =
            List.of("MAPIInitialize", "MAPIUninitialize", "MAPILogonEx", "MAPIFreeBuffer");

    /** Decorated names on 32-bit Windows only; on x64/ARM64/Linux the names are undecorated (ABI-3). */
    private static final FunctionMapper EXPORT_NAMES = (library, method) -> exportName(method.getName());

    /** {@code dlopen} flags: RTLD_LAZY, and RTLD_LOCAL (0) rather than JNA's default RTLD_GLOBAL. */
    private static final int RTLD_LAZY = 1;

    final String libraryName;
    final File file;
    final MapiLibrary mapi;
    /** The reference library's controls, {@code null} for real MAPI. */
    final ReferenceControl control;

    private NativeBinding(String libraryName, File file, MapiLibrary mapi, ReferenceControl control) {
        this.libraryName = libraryName;
        this.file = file;
        this.mapi = mapi;
        this.control = control;
    }

    static String exportName(String function) {
        Integer argBytes = REQUIRED.get(function);
        return Abi.STDCALL && argBytes != null ? function + "@" + argBytes : function;
    }

    /**
     * Loads the library and checks it.
     *
     * @param libraryName a name ({@code mapi32}) or an absolute path
     * @return the binding
     * @throws Unavailable with the reason when it cannot be used
     */
    static NativeBinding load(String libraryName) throws Unavailable {
        Map<String, Object> options = Map.of(
                Library.OPTION_FUNCTION_MAPPER, EXPORT_NAMES,
                Library.OPTION_CALLING_CONVENTION, Abi.CALL_CONVENTION,
                // dlopen without RTLD_GLOBAL (ignored on Windows): MAPI's names stay out of the process's
                // global symbol scope, so two libraries exporting them can never bind to each other.
                Library.OPTION_OPEN_FLAGS, RTLD_LAZY);
        NativeLibrary library;
        try {
            library = NativeLibrary.getInstance(libraryName, options);
        } catch (UnsatisfiedLinkError e) {
            throw new Unavailable(notLoadable(libraryName, e));
        }
        for (String function : REQUIRED_ORDER) {
            try {
                library.getFunction(exportName(function), Abi.CALL_CONVENTION);
            } catch (UnsatisfiedLinkError e) {
                throw new Unavailable("the MAPI library '" + libraryName + "' (" + library.getFile()
                        + ") does not export " + exportName(function) + ", so it is not a MAPI implementation. "
                        + whatToDo());
            }
        }
        MapiLibrary mapi = Native.load(libraryName, MapiLibrary.class, options);
        ReferenceControl control = null;
        if (exports(library, ReferenceControl.MARKER_EXPORT)) {
            // The same options, so JNA hands out the same loaded library: other options would make it load
            // a second copy (with its own MAPI state) when the library comes from the class path.
            control = Native.load(libraryName, ReferenceControl.class, options);
        }
        return new NativeBinding(libraryName, library.getFile(), mapi, control);
    }

    private static boolean exports(NativeLibrary library, String function) {
        try {
            library.getFunction(function);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    private static String notLoadable(String libraryName, UnsatisfiedLinkError e) {
        String detail = String.valueOf(e.getMessage());
        if (looksLikeWrongBitness(detail)) {
            return "the MAPI library '" + libraryName + "' was found but is built for another architecture than this "
                    + (Platform.is64Bit() ? "64" : "32") + "-bit JVM (ABI-7): run a JVM of the same bitness as the"
                    + " installed Outlook/MAPI. Loader said: " + firstLine(detail);
        }
        return "the MAPI library '" + libraryName + "' could not be loaded (" + firstLine(detail) + "). "
                + whatToDo();
    }

    // Windows: "%1 is not a valid Win32 application" / "Can't load IA 32-bit .dll on a AMD 64-bit
    // platform"; Linux: "wrong ELF class: ELFCLASS32".
    static boolean looksLikeWrongBitness(String loaderMessage) {
        String m = loaderMessage.toLowerCase(java.util.Locale.ROOT);
        return m.contains("wrong elf class") || m.contains("not a valid win32 application")
                || m.contains("32-bit .dll") || m.contains("64-bit .dll");
    }

    static String whatToDo() {
        String property = "set the system property " + NativeProvider.LIBRARY_PROPERTY
                + " to the library's name or absolute path";
        if (Platform.isWindows()) {
            return "On Windows MAPI is mapi32.dll, installed with Outlook (the MAPI stub loads Outlook's MAPI);"
                    + " install Outlook with the same bitness as this JVM, or " + property + ".";
        }
        return "On " + System.getProperty("os.name") + " add org.mapi4j:mapi-native-reference (the mapi4j"
                + " reference MAPI library) to the class path, or " + property + ".";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
