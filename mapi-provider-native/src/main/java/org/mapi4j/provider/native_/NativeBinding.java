package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;

import com.sun.jna.Function;
import com.sun.jna.FunctionMapper;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.File;
import java.util.Map;
import org.mapi4j.provider.native_.reference.ReferenceControl;
import org.mapi4j.provider.native_.reference.ReferenceLibrary;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded MAPI library: the required exports checked, the optional reference-library controls
 * resolved, and the calls of the global MAPI functions. {@link #load} is the only place that loads
 * native code, and it turns every way that can fail into a {@link Unavailable} with a reason a
 * person can act on. {@link NativeProvider} reaches JNA only through this class, so that loading
 * the provider class never needs JNA.
 */
final class NativeBinding {

    static {
        // The control exports reach this project's tests and tools only through the unexported package.
        ReferenceLibrary.grant(provider -> provider.binding().control);
    }


    private static final Logger LOG = LoggerFactory.getLogger(NativeBinding.class);

    /** Why the library cannot be used; the message is the reason {@code Availability} reports. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Decorated names on 32-bit Windows only; on x64/ARM64/Linux the names are undecorated (ABI-3). */
    private static final FunctionMapper EXPORT_NAMES = (library, method) -> exportName(method.getName());

    /** {@code dlopen} flags: RTLD_LAZY, and RTLD_LOCAL (0) rather than JNA's default RTLD_GLOBAL. */
    private static final int RTLD_LAZY = 1;

    final String libraryName;
    final File file;
    final MapiLibrary mapi;
    /** The reference library's controls, {@code null} for real MAPI. */
    final ReferenceControl control;
    // The exports called per logon and per returned buffer, as Functions: a call through the Library
    // proxy (reflection, a Method lookup, the options per call) costs about a microsecond more.
    private final Function logonEx;
    private final Function freeBuffer;

    private NativeBinding(String libraryName, NativeLibrary library, MapiLibrary mapi, ReferenceControl control) {
        this.libraryName = libraryName;
        this.file = library.getFile();
        this.mapi = mapi;
        this.control = control;
        this.logonEx = library.getFunction(exportName("MAPILogonEx"), Abi.CALL_CONVENTION);
        this.freeBuffer = library.getFunction(exportName("MAPIFreeBuffer"), Abi.CALL_CONVENTION);
    }

    static String exportName(String function) {
        MapiExports.Export export = MapiExports.find(function);
        return export != null ? export.exportName(Abi.STDCALL) : function;
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
        for (MapiExports.Export export : MapiExports.REQUIRED) {
            String function = export.exportName(Abi.STDCALL);
            try {
                library.getFunction(function, Abi.CALL_CONVENTION);
            } catch (UnsatisfiedLinkError e) {
                throw new Unavailable("the MAPI library '" + libraryName + "' (" + library.getFile()
                        + ") does not export " + function + ", so it is not a MAPI implementation. "
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
        NativeBinding binding = new NativeBinding(libraryName, library, mapi, control);
        if (control == null) {
            binding.probe();
        }
        return binding;
    }

    /**
     * Real MAPI only: the DLL (the MAPI stub) always loads, and a JVM whose bitness differs from
     * Outlook's only shows when MAPI is started (ABI-7, I-MFC #199/#479). So start it once, balanced,
     * and report a failure as unavailability instead of letting every MAPIInitialize fail later. The
     * reference library is not probed: its MAPIInitialize has no such failure, and a probe would use
     * up a fault a test injected.
     */
    private void probe() throws Unavailable {
        int hr = mapi.MAPIInitialize(null);
        if (HResult.succeeded(hr)) {
            mapi.MAPIUninitialize();
            return;
        }
        if (NoMapiClient.isStubAnswer(hr)) {
            throw new Unavailable(NoMapiClient.reason(libraryName, file, Abi.POINTER_SIZE * 8));
        }
        String why = hr == MAPI_E_CALL_FAILED
                ? "MAPI could not be started (MAPI_E_CALL_FAILED). The usual cause is a " + Abi.POINTER_SIZE * 8
                        + "-bit JVM with an Outlook of the other bitness (ABI-7): use a JVM of Outlook's bitness."
                : "MAPI could not be started (" + HResult.describe(hr) + "); is a MAPI mail client (Outlook)"
                        + " installed and set as the default mail client?";
        throw new Unavailable("the MAPI library '" + libraryName + "' (" + file + ") was loaded, but " + why);
    }

    /**
     * Native MAPIInitialize, after the guard validated the arguments. INIT-12: always with a dedicated
     * notification thread, since callbacks arrive on MAPI's threads.
     *
     * @param init the validated MAPIINIT_0, or {@code null}
     * @return native's HRESULT
     */
    int initialize(MapiInit init) {
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        int hr;
        try {
            Pointer init0 = scratch.allocate(8);
            init0.setInt(0, init == null ? MapiConstants.MAPI_INIT_VERSION : init.version());
            init0.setInt(4, (init == null ? 0 : init.flags()) | MapiConstants.MAPI_MULTITHREAD_NOTIFICATIONS);
            hr = mapi.MAPIInitialize(init0);
        } finally {
            scratch.reset(mark);
        }
        if (NoMapiClient.isStubAnswer(hr) && control == null) {
            LOG.warn("MAPIInitialize: {}", NoMapiClient.reason(libraryName, file, Abi.POINTER_SIZE * 8));
        } else if (hr == MAPI_E_CALL_FAILED && control == null) {
            LOG.warn("MAPIInitialize returned MAPI_E_CALL_FAILED. The usual cause is a JVM whose bitness"
                    + " differs from the installed Outlook/MAPI (ABI-7); this JVM is {}-bit.", Abi.POINTER_SIZE * 8);
        }
        return hr;
    }

    /** Native MAPIUninitialize, balancing one successful {@link #initialize}. */
    void uninitialize() {
        mapi.MAPIUninitialize();
    }

    /**
     * Native MAPILogonEx, after the guard validated the arguments; call it inside
     * {@code NativeProvider.doLogon}. The password is always NULL (LOGON-2c).
     *
     * @param provider the provider the new handle belongs to
     * @param uiParam the parent window
     * @param profileName the profile, UTF-16 with MAPI_UNICODE, else 8-bit (LOGON-8)
     * @param flags the flags, unchanged
     * @param out receives the handle
     * @return native's HRESULT, a MAPI_W_* warning too, unchanged (GEN-2)
     */
    int logon(NativeProvider provider, long uiParam, String profileName, int flags, Out<MapiSessionHandle> out) {
        boolean unicode = (flags & MapiConstants.MAPI_UNICODE) != 0;
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        Pointer handle;
        int hr;
        try {
            Pointer profile = scratch.tstr(profileName, unicode);
            Pointer session = scratch.pointerOut();
            hr = logonEx.invokeInt(new Object[] {Abi.ulongPtrAsPointer(uiParam), profile, null, flags, session});
            handle = session.getPointer(0);
        } finally {
            scratch.reset(mark);
        }
        if (!HResult.succeeded(hr) || handle == null) {
            return HResult.succeeded(hr) ? MAPI_E_CALL_FAILED : hr;
        }
        out.set(new NativeSession(provider, handle));
        return hr;
    }

    /**
     * Native MAPIFreeBuffer.
     *
     * @param buffer a buffer MAPI allocated, not NULL; freed exactly once by the caller's contract
     * @return native's result
     */
    int freeBuffer(Pointer buffer) {
        return freeBuffer.invokeInt(new Object[] {buffer});
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
                    + " installed Outlook/MAPI. JNA: " + jnaDetail(detail);
        }
        return "the MAPI library '" + libraryName + "' could not be loaded. JNA: " + jnaDetail(detail) + ". "
                + whatToDo();
    }

    /**
     * JNA's own explanation without its first line (which only repeats the library name) and
     * without repeated lines, on one line: what it tried and why each attempt failed.
     */
    static String jnaDetail(String loaderMessage) {
        java.util.Set<String> lines = new java.util.LinkedHashSet<>();
        for (String line : loaderMessage.split("\\R")) {
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("Unable to load library")) {
                lines.add(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
            }
        }
        return lines.isEmpty() ? firstLine(loaderMessage) : String.join("; ", lines);
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
