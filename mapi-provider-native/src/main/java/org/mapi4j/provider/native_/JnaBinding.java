package org.mapi4j.provider.native_;

import com.sun.jna.Function;
import com.sun.jna.FunctionMapper;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.File;
import java.nio.charset.Charset;
import java.util.Map;
import org.mapi4j.provider.native_.reference.ReferenceControl;

/**
 * The {@link Binding} through JNA: every JDK from 17, and every platform JNA supports, 32-bit
 * Windows' stdcall and decorated export names included (ABI-2, ABI-3).
 *
 * <p>Memory is reached through one {@link Pointer} whose address is 0, with the absolute address
 * as the offset: no object per access. Calls go through {@link Function}s, one per export and per
 * vtable slot, made once.
 */
final class JnaBinding extends Binding {

    /** The calling convention of MAPI functions and vtable methods here. */
    static final int CALL_CONVENTION = Platform.isWindows() && !Platform.is64Bit()
            ? Function.ALT_CONVENTION : Function.C_CONVENTION;

    /** Decorated names on 32-bit Windows only; on x64/ARM64/Linux the names are undecorated (ABI-3). */
    private static final FunctionMapper EXPORT_NAMES = (library, method) -> NativeBinding.exportName(method.getName());

    /** {@code dlopen} flags: RTLD_LAZY, and RTLD_LOCAL (0) rather than JNA's default RTLD_GLOBAL. */
    private static final int RTLD_LAZY = 1;

    // Absolute addresses are offsets from 0: Pointer reads peer + offset and checks neither.
    private static final Pointer ZERO = new Pointer(0);

    private final String why;
    private final Charset ansi = Charset.forName(Native.getDefaultStringEncoding());

    /** @param why why this binding is used, for the log */
    JnaBinding(String why) {
        this.why = why;
        // Fails here, inside the caller's try, when JNA or its native part is missing.
        Native.getDefaultStringEncoding();
        Native.malloc(0L);
    }

    @Override
    String name() {
        return "JNA";
    }

    @Override
    String description() {
        return "JNA " + Native.VERSION + " binding (" + why + ")";
    }

    @Override
    int pointerSize() {
        return Native.POINTER_SIZE;
    }

    @Override
    Charset ansiCharset() {
        return ansi;
    }

    // ---- libraries ----

    @Override
    Library load(String libraryName) throws NativeBinding.Unavailable {
        Map<String, Object> options = Map.of(
                com.sun.jna.Library.OPTION_FUNCTION_MAPPER, EXPORT_NAMES,
                com.sun.jna.Library.OPTION_CALLING_CONVENTION, CALL_CONVENTION,
                // dlopen without RTLD_GLOBAL (ignored on Windows): MAPI's names stay out of the process's
                // global symbol scope, so two libraries exporting them can never bind to each other.
                com.sun.jna.Library.OPTION_OPEN_FLAGS, RTLD_LAZY);
        NativeLibrary library;
        try {
            library = NativeLibrary.getInstance(libraryName, options);
        } catch (UnsatisfiedLinkError e) {
            throw new NativeBinding.Unavailable(notLoadable(libraryName, e));
        }
        ReferenceControl control = null;
        if (exports(library, ReferenceControl.MARKER_EXPORT)) {
            // The same options, so JNA hands out the same loaded library: other options would make it load
            // a second copy (with its own MAPI state) when the library comes from the class path.
            control = Native.load(libraryName, ReferenceControl.class, options);
        }
        ReferenceControl found = control;
        return new Library() {
            @Override
            File file() {
                return library.getFile();
            }

            @Override
            Object function(String exportName) {
                try {
                    return library.getFunction(exportName, CALL_CONVENTION);
                } catch (UnsatisfiedLinkError e) {
                    return null;
                }
            }

            @Override
            Object referenceControl() {
                return found;
            }
        };
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
        if (NativeBinding.looksLikeWrongBitness(detail)) {
            return "the MAPI library '" + libraryName + "' was found but is built for another architecture than this "
                    + (Platform.is64Bit() ? "64" : "32") + "-bit JVM (ABI-7): run a JVM of the same bitness as the"
                    + " installed Outlook/MAPI. JNA: " + NativeBinding.jnaDetail(detail);
        }
        return "the MAPI library '" + libraryName + "' could not be loaded. JNA: " + NativeBinding.jnaDetail(detail)
                + ". " + NativeBinding.whatToDo();
    }

    // ---- memory ----

    @Override
    Object autoMemory(long size) {
        return new Memory(size);
    }

    @Override
    long address(Object autoMemory) {
        return Pointer.nativeValue((Memory) autoMemory);
    }

    @Override
    long malloc(long size) {
        long address = Native.malloc(size);
        if (address == 0) {
            throw new OutOfMemoryError("malloc(" + size + ") failed");
        }
        return address;
    }

    @Override
    void free(long address) {
        Native.free(address);
    }

    @Override
    byte getByte(long address) {
        return ZERO.getByte(address);
    }

    @Override
    short getShort(long address) {
        return ZERO.getShort(address);
    }

    @Override
    int getInt(long address) {
        return ZERO.getInt(address);
    }

    @Override
    long getLong(long address) {
        return ZERO.getLong(address);
    }

    @Override
    void putByte(long address, byte value) {
        ZERO.setByte(address, value);
    }

    @Override
    void putShort(long address, short value) {
        ZERO.setShort(address, value);
    }

    @Override
    void putInt(long address, int value) {
        ZERO.setInt(address, value);
    }

    @Override
    void putLong(long address, long value) {
        ZERO.setLong(address, value);
    }

    @Override
    void read(long address, byte[] into, int offset, int length) {
        ZERO.read(address, into, offset, length);
    }

    @Override
    void write(long address, byte[] from, int offset, int length) {
        ZERO.write(address, from, offset, length);
    }

    // ---- downcalls ----

    @Override
    Shape shape(String signature) {
        return new Shape(signature, null);
    }

    @Override
    Object function(long address) {
        return Function.getFunction(new Pointer(address), CALL_CONVENTION);
    }

    /**
     * A {@link Pointer} whose address is set per call: pointer-sized arguments are passed as these,
     * one per argument position and thread, so that a call allocates no object per argument (a
     * boxed {@code Long} per pointer, or a {@code Pointer}, would). Reuse is safe under re-entry:
     * JNA copies the address into the native call's frame before calling and never reads a plain
     * Pointer argument afterwards, so a nested call on the same thread (a callback's own calls) may
     * set them again.
     */
    private static final class ArgumentPointer extends Pointer {
        ArgumentPointer() {
            super(0);
        }

        ArgumentPointer at(long address) {
            peer = address;
            return this;
        }
    }

    private static final int MAX_ARGUMENTS = 12;
    private static final ThreadLocal<ArgumentPointer[]> ARGUMENT_POINTERS = ThreadLocal.withInitial(() -> {
        ArgumentPointer[] pointers = new ArgumentPointer[MAX_ARGUMENTS];
        for (int i = 0; i < MAX_ARGUMENTS; i++) {
            pointers[i] = new ArgumentPointer();
        }
        return pointers;
    });

    // A pointer-sized argument: a Pointer (NULL as null); a 32-bit argument: an int. JNA copies the
    // array it is given once more.
    private static Object arg(Shape shape, int index, long value, ArgumentPointer[] pointers) {
        if (!shape.pointerArgument(index)) {
            return (int) value;
        }
        return value == 0 ? null : pointers[index].at(value);
    }

    private static int invoke(Shape shape, Object function, Object[] args) {
        Function f = (Function) function;
        if (shape.isVoid()) {
            f.invoke(Void.class, args);
            return 0;
        }
        return f.invokeInt(args);
    }

    @Override
    int call(Shape s, Object fn) {
        return invoke(s, fn, new Object[0]);
    }

    @Override
    int call(Shape s, Object fn, long a) {
        ArgumentPointer[] p = ARGUMENT_POINTERS.get();
        return invoke(s, fn, new Object[] {arg(s, 0, a, p)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b) {
        ArgumentPointer[] p = ARGUMENT_POINTERS.get();
        return invoke(s, fn, new Object[] {arg(s, 0, a, p), arg(s, 1, b, p)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c) {
        ArgumentPointer[] p = ARGUMENT_POINTERS.get();
        return invoke(s, fn, new Object[] {arg(s, 0, a, p), arg(s, 1, b, p), arg(s, 2, c, p)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d) {
        ArgumentPointer[] p = ARGUMENT_POINTERS.get();
        return invoke(s, fn, new Object[] {arg(s, 0, a, p), arg(s, 1, b, p), arg(s, 2, c, p), arg(s, 3, d, p)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e) {
        ArgumentPointer[] p = ARGUMENT_POINTERS.get();
        return invoke(s, fn, new Object[] {arg(s, 0, a, p), arg(s, 1, b, p), arg(s, 2, c, p), arg(s, 3, d, p),
            arg(s, 4, e, p)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e, long f) {
        ArgumentPointer[] p = ARGUMENT_POINTERS.get();
        return invoke(s, fn, new Object[] {arg(s, 0, a, p), arg(s, 1, b, p), arg(s, 2, c, p), arg(s, 3, d, p),
            arg(s, 4, e, p), arg(s, 5, f, p)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e, long f, long g) {
        ArgumentPointer[] p = ARGUMENT_POINTERS.get();
        return invoke(s, fn, new Object[] {arg(s, 0, a, p), arg(s, 1, b, p), arg(s, 2, c, p), arg(s, 3, d, p),
            arg(s, 4, e, p), arg(s, 5, f, p), arg(s, 6, g, p)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e, long f, long g,
            long h, long i, long j, long k, long l) {
        ArgumentPointer[] p = ARGUMENT_POINTERS.get();
        return invoke(s, fn, new Object[] {arg(s, 0, a, p), arg(s, 1, b, p), arg(s, 2, c, p), arg(s, 3, d, p),
            arg(s, 4, e, p), arg(s, 5, f, p), arg(s, 6, g, p), arg(s, 7, h, p), arg(s, 8, i, p), arg(s, 9, j, p),
            arg(s, 10, k, p), arg(s, 11, l, p)});
    }

    // ---- upcalls ----

    @Override
    long upcall(Upcall upcall, String threadName) {
        return Pointer.nativeValue(Callbacks.functionPointer(Callbacks.of(upcall), threadName));
    }
}
