package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;

import java.io.File;
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
 * A loaded MAPI library: the required exports checked, the reference library's controls found,
 * and the calls of the global MAPI functions, through this JVM's {@link Binding}. {@link #load} is
 * the only place that loads native code, and it turns every way that can fail into an
 * {@link Unavailable} with a reason a person can act on. {@link NativeProvider} reaches the
 * binding only through this class, so that loading the provider class needs neither JNA nor FFM.
 */
final class NativeBinding {

    static {
        // The control exports reach this project's tests and tools only through the unexported package.
        ReferenceLibrary.grant(provider -> provider.binding().control());
    }

    private static final Logger LOG = LoggerFactory.getLogger(NativeBinding.class);

    /** Why the library cannot be used; the message is the reason {@code Availability} reports. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    // The global functions' signatures (spec A.5) and the reference library's controls the provider
    // calls itself. A holder: they are prepared by the binding, which exists only once load() chose it.
    private static final class Shapes {
        static final Binding.Shape INITIALIZE = Binding.Shape.of("I:P");
        static final Binding.Shape UNINITIALIZE = Binding.Shape.of("V:");
        static final Binding.Shape LOGON_EX = Binding.Shape.of("I:PPPIP");
        static final Binding.Shape FREE_BUFFER = Binding.Shape.of("I:P");
        static final Binding.Shape SET_LOGOFF_CONFIRMATION = Binding.Shape.of("V:PP");
        static final Binding.Shape RESET_INSTANCE = Binding.Shape.of("V:");
    }

    final String libraryName;
    final File file;
    final Binding binding;
    // The reference library's control exports for tests and tools (a ReferenceControl), null for real
    // MAPI and where they cannot be bound (the FFM binding without JNA). Typed Object so that this
    // class never loads the JNA-based interface itself.
    private final Object control;
    /** Whether the library is the mapi4j reference library (it exports the controls). */
    final boolean reference;
    private final Object initialize;
    private final Object uninitialize;
    private final Object logonEx;
    private final Object freeBuffer;
    private final Object setLogoffConfirmation;
    private final Object resetInstance;

    private NativeBinding(String libraryName, Binding binding, Binding.Library library) {
        this.libraryName = libraryName;
        this.binding = binding;
        this.file = library.file();
        this.initialize = library.function(exportName("MAPIInitialize"));
        this.uninitialize = library.function(exportName("MAPIUninitialize"));
        this.logonEx = library.function(exportName("MAPILogonEx"));
        this.freeBuffer = library.function(exportName("MAPIFreeBuffer"));
        this.reference = library.function(ReferenceControl.MARKER_EXPORT) != null;
        this.setLogoffConfirmation = reference ? library.function("MAPI4J_SetLogoffConfirmation") : null;
        this.resetInstance = reference ? library.function("MAPI4J_ResetInstance") : null;
        this.control = reference ? library.referenceControl() : null;
    }

    static String exportName(String function) {
        MapiExports.Export export = MapiExports.find(function);
        return export != null ? export.exportName(Abi.STDCALL) : function;
    }

    /**
     * Loads the library through this JVM's binding and checks it.
     *
     * @param libraryName a name ({@code mapi32}) or an absolute path
     * @return the binding
     * @throws Unavailable with the reason when it cannot be used
     */
    static NativeBinding load(String libraryName) throws Unavailable {
        Binding binding = BindingChoice.choose();
        Binding.Library library = binding.load(libraryName);
        for (MapiExports.Export export : MapiExports.REQUIRED) {
            String function = export.exportName(Abi.STDCALL);
            if (library.function(function) == null) {
                throw new Unavailable("the MAPI library '" + libraryName + "' (" + library.file()
                        + ") does not export " + function + ", so it is not a MAPI implementation. "
                        + whatToDo());
            }
        }
        NativeBinding loaded = new NativeBinding(libraryName, binding, library);
        if (!loaded.reference) {
            loaded.probe();
        }
        return loaded;
    }

    /**
     * The reference library's control exports for tests and tools: a {@link ReferenceControl}, or
     * {@code null}. Typed {@code Object}, so that granting access to it (a lambda, whose method type
     * would name the interface) never loads the JNA-based interface when JNA is absent.
     *
     * @return the controls, or {@code null}
     */
    Object control() {
        return control;
    }

    /**
     * Real MAPI only: the DLL (the MAPI stub) always loads, and a JVM whose bitness differs from
     * Outlook's only shows when MAPI is started (ABI-7, I-MFC #199/#479). So start it once, balanced,
     * and report a failure as unavailability instead of letting every MAPIInitialize fail later. The
     * reference library is not probed: its MAPIInitialize has no such failure, and a probe would use
     * up a fault a test injected.
     */
    private void probe() throws Unavailable {
        int hr = Abi.B.call(Shapes.INITIALIZE, initialize, 0L);
        if (HResult.succeeded(hr)) {
            uninitialize();
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
            long init0 = scratch.allocate(8);
            Abi.B.putInt(init0, init == null ? MapiConstants.MAPI_INIT_VERSION : init.version());
            Abi.B.putInt(init0 + 4, (init == null ? 0 : init.flags()) | MapiConstants.MAPI_MULTITHREAD_NOTIFICATIONS);
            hr = Abi.B.call(Shapes.INITIALIZE, initialize, init0);
        } finally {
            scratch.reset(mark);
        }
        if (NoMapiClient.isStubAnswer(hr) && !reference) {
            LOG.warn("MAPIInitialize: {}", NoMapiClient.reason(libraryName, file, Abi.POINTER_SIZE * 8));
        } else if (hr == MAPI_E_CALL_FAILED && !reference) {
            LOG.warn("MAPIInitialize returned MAPI_E_CALL_FAILED. The usual cause is a JVM whose bitness"
                    + " differs from the installed Outlook/MAPI (ABI-7); this JVM is {}-bit.", Abi.POINTER_SIZE * 8);
        }
        return hr;
    }

    /** Native MAPIUninitialize, balancing one successful {@link #initialize}. */
    void uninitialize() {
        Abi.B.call(Shapes.UNINITIALIZE, uninitialize);
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
        long handle;
        int hr;
        try {
            long profile = scratch.tstr(profileName, unicode);
            long session = scratch.pointerOut();
            hr = Abi.B.call(Shapes.LOGON_EX, logonEx, Abi.ulongPtr(uiParam), profile, 0L, flags, session);
            handle = Abi.B.getAddress(session);
        } finally {
            scratch.reset(mark);
        }
        if (!HResult.succeeded(hr) || handle == 0) {
            return HResult.succeeded(hr) ? MAPI_E_CALL_FAILED : hr;
        }
        out.set(new NativeSession(provider, handle));
        return hr;
    }

    /**
     * Native MAPIFreeBuffer.
     *
     * @param buffer a buffer MAPI allocated, not 0; freed exactly once by the caller's contract
     * @return native's result
     */
    int freeBuffer(long buffer) {
        return Abi.B.call(Shapes.FREE_BUFFER, freeBuffer, buffer);
    }

    /**
     * The reference library's {@code MAPI4J_SetLogoffConfirmation}.
     *
     * @param function the hook's function pointer, or 0
     */
    void setLogoffConfirmation(long function) {
        Abi.B.call(Shapes.SET_LOGOFF_CONFIRMATION, setLogoffConfirmation, function, 0L);
    }

    /** The reference library's {@code MAPI4J_ResetInstance}: its load-time state again. */
    void resetInstance() {
        Abi.B.call(Shapes.RESET_INSTANCE, resetInstance);
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
        if (System.getProperty("os.name", "").startsWith("Windows")) {
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
