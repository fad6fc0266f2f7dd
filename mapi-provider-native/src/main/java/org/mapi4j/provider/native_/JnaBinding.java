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

    // A pointer-sized argument: a long on 64-bit (the same register or stack slot as a pointer), an
    // int on 32-bit; a 32-bit argument: an int. JNA copies the array it is given once more.
    private static Object arg(Shape shape, int index, long value) {
        return shape.pointerArgument(index) && Native.POINTER_SIZE == 8 ? (Object) value : (Object) (int) value;
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
        return invoke(s, fn, new Object[] {arg(s, 0, a)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b) {
        return invoke(s, fn, new Object[] {arg(s, 0, a), arg(s, 1, b)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c) {
        return invoke(s, fn, new Object[] {arg(s, 0, a), arg(s, 1, b), arg(s, 2, c)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d) {
        return invoke(s, fn, new Object[] {arg(s, 0, a), arg(s, 1, b), arg(s, 2, c), arg(s, 3, d)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e) {
        return invoke(s, fn, new Object[] {arg(s, 0, a), arg(s, 1, b), arg(s, 2, c), arg(s, 3, d), arg(s, 4, e)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e, long f) {
        return invoke(s, fn, new Object[] {arg(s, 0, a), arg(s, 1, b), arg(s, 2, c), arg(s, 3, d), arg(s, 4, e),
            arg(s, 5, f)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e, long f, long g) {
        return invoke(s, fn, new Object[] {arg(s, 0, a), arg(s, 1, b), arg(s, 2, c), arg(s, 3, d), arg(s, 4, e),
            arg(s, 5, f), arg(s, 6, g)});
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e, long f, long g, long h, long i, long j,
            long k, long l) {
        return invoke(s, fn, new Object[] {arg(s, 0, a), arg(s, 1, b), arg(s, 2, c), arg(s, 3, d), arg(s, 4, e),
            arg(s, 5, f), arg(s, 6, g), arg(s, 7, h), arg(s, 8, i), arg(s, 9, j), arg(s, 10, k), arg(s, 11, l)});
    }

    // ---- upcalls ----

    @Override
    long upcall(Upcall upcall, String threadName) {
        return Pointer.nativeValue(Callbacks.functionPointer(Callbacks.of(upcall), threadName));
    }
}
