package org.mapi4j.provider.native_;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.File;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@link Binding} through the JDK's Foreign Function &amp; Memory API ({@code java.lang.foreign},
 * JDK 22 and later): a downcall handle per C signature, called with {@code invokeExact} and the
 * function's address first; upcall stubs for the advise sink's vtable and the logoff confirmation.
 * No JNA class is touched (the reference library's test controls excepted, see {@link FfmLibraries}).
 *
 * <p>64-bit platforms only: there every pointer and {@code ULONG_PTR} is passed as a 64-bit integer
 * (the same register or stack slot as a pointer on x64 and AArch64), so the handles take them as
 * {@code long} and no {@link MemorySegment} is made per argument. 32-bit Windows, where MAPI is
 * stdcall, has no FFM linker; {@link BindingChoice} keeps JNA there.
 *
 * <p>Memory is read and written through one segment that spans the whole address space, with
 * unaligned accesses (MAPI's structures are aligned, the checks would only cost). Compiled with
 * {@code --release 22} into the jar's {@code META-INF/versions/22}; found by name by {@link BindingChoice}.
 */
final class FfmBinding extends Binding {

    private static final Linker LINKER = Linker.nativeLinker();
    // Every address: reads and writes take absolute addresses as offsets (a restricted method, hence
    // --enable-native-access).
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final MethodHandle MALLOC = libc("malloc", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    private static final MethodHandle FREE = libc("free", FunctionDescriptor.ofVoid(JAVA_LONG));

    private final String why;
    private final Charset ansi = FfmLibraries.ansiCharset();

    /**
     * @param why why this binding is used, for the log
     * @throws NativeBinding.Unavailable where FFM cannot call MAPI
     */
    FfmBinding(String why) throws NativeBinding.Unavailable {
        if (ValueLayout.ADDRESS.byteSize() != 8) {
            throw new NativeBinding.Unavailable("the FFM binding supports 64-bit JVMs only; this one is "
                    + ValueLayout.ADDRESS.byteSize() * 8 + "-bit");
        }
        this.why = why;
    }

    private static MethodHandle libc(String name, FunctionDescriptor descriptor) {
        MemorySegment function = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("the C library has no " + name));
        return LINKER.downcallHandle(function, descriptor);
    }

    @Override
    String name() {
        return "FFM";
    }

    @Override
    String description() {
        return "FFM binding (java.lang.foreign, JDK " + Runtime.version().feature() + "; " + why + ")";
    }

    @Override
    int pointerSize() {
        return 8;
    }

    @Override
    Charset ansiCharset() {
        return ansi;
    }

    // ---- libraries ----

    @Override
    Library load(String libraryName) throws NativeBinding.Unavailable {
        FfmLibraries.Found found = FfmLibraries.find(libraryName);
        return new Library() {
            @Override
            File file() {
                return found.file();
            }

            @Override
            Object function(String exportName) {
                Optional<MemorySegment> symbol = found.lookup().find(exportName);
                return symbol.isPresent() ? symbol.get() : null;
            }

            @Override
            Object referenceControl() {
                return found.referenceControl();
            }
        };
    }

    // ---- memory ----

    @Override
    Object autoMemory(long size) {
        return Arena.ofAuto().allocate(size, 8);
    }

    @Override
    long address(Object autoMemory) {
        return ((MemorySegment) autoMemory).address();
    }

    @Override
    long malloc(long size) {
        long address;
        try {
            address = (long) MALLOC.invokeExact(size);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (address == 0) {
            throw new OutOfMemoryError("malloc(" + size + ") failed");
        }
        return address;
    }

    @Override
    void free(long address) {
        try {
            FREE.invokeExact(address);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    byte getByte(long address) {
        return ALL.get(JAVA_BYTE, address);
    }

    @Override
    short getShort(long address) {
        return ALL.get(SHORT, address);
    }

    @Override
    int getInt(long address) {
        return ALL.get(INT, address);
    }

    @Override
    long getLong(long address) {
        return ALL.get(LONG, address);
    }

    @Override
    void putByte(long address, byte value) {
        ALL.set(JAVA_BYTE, address, value);
    }

    @Override
    void putShort(long address, short value) {
        ALL.set(SHORT, address, value);
    }

    @Override
    void putInt(long address, int value) {
        ALL.set(INT, address, value);
    }

    @Override
    void putLong(long address, long value) {
        ALL.set(LONG, address, value);
    }

    @Override
    void read(long address, byte[] into, int offset, int length) {
        MemorySegment.copy(ALL, JAVA_BYTE, address, into, offset, length);
    }

    @Override
    void write(long address, byte[] from, int offset, int length) {
        MemorySegment.copy(from, offset, ALL, JAVA_BYTE, address, length);
    }

    // ---- downcalls ----

    /**
     * One downcall handle per signature, without a bound address: {@code (MemorySegment function,
     * long...)int}. Pointer-sized arguments are {@code JAVA_LONG} in the descriptor; 32-bit ones
     * {@code JAVA_INT}, narrowed from the {@code long} the callers pass; a void result becomes 0.
     */
    @Override
    Shape shape(String signature) {
        int arity = signature.length() - 2;
        MemoryLayout[] args = new MemoryLayout[arity];
        for (int i = 0; i < arity; i++) {
            args[i] = signature.charAt(2 + i) == 'P' ? JAVA_LONG : JAVA_INT;
        }
        boolean isVoid = signature.charAt(0) == 'V';
        FunctionDescriptor descriptor = isVoid ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(JAVA_INT, args);
        MethodHandle handle = LINKER.downcallHandle(descriptor);
        if (isVoid) {
            handle = MethodHandles.filterReturnValue(handle, MethodHandles.constant(int.class, 0));
        }
        Class<?>[] longs = new Class<?>[arity + 1];
        Arrays.fill(longs, long.class);
        longs[0] = MemorySegment.class;
        handle = MethodHandles.explicitCastArguments(handle, MethodType.methodType(int.class, longs));
        return new Shape(signature, handle);
    }

    @Override
    Object function(long address) {
        return MemorySegment.ofAddress(address);
    }

    private static MethodHandle handle(Shape shape) {
        return (MethodHandle) shape.handle();
    }

    @Override
    int call(Shape s, Object fn) {
        try {
            return (int) handle(s).invokeExact((MemorySegment) fn);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    int call(Shape s, Object fn, long a) {
        try {
            return (int) handle(s).invokeExact((MemorySegment) fn, a);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    int call(Shape s, Object fn, long a, long b) {
        try {
            return (int) handle(s).invokeExact((MemorySegment) fn, a, b);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c) {
        try {
            return (int) handle(s).invokeExact((MemorySegment) fn, a, b, c);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d) {
        try {
            return (int) handle(s).invokeExact((MemorySegment) fn, a, b, c, d);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e) {
        try {
            return (int) handle(s).invokeExact((MemorySegment) fn, a, b, c, d, e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e, long f) {
        try {
            return (int) handle(s).invokeExact((MemorySegment) fn, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e, long f, long g) {
        try {
            return (int) handle(s).invokeExact((MemorySegment) fn, a, b, c, d, e, f, g);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    int call(Shape s, Object fn, long a, long b, long c, long d, long e, long f, long g, long h, long i, long j,
            long k, long l) {
        try {
            return (int) handle(s).invokeExact((MemorySegment) fn, a, b, c, d, e, f, g, h, i, j, k, l);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // A downcall throws nothing of its own; what can come through is an Error of the JVM.
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    // ---- upcalls ----

    /**
     * An upcall stub in the global arena (never freed: native code may call it until the process
     * ends). An exception escaping an upcall would end the JVM, so each target is wrapped to answer
     * a fixed value instead; the targets catch what user code throws themselves.
     */
    @Override
    long upcall(Upcall upcall, String threadName) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle target;
            FunctionDescriptor descriptor;
            int fallback;
            switch (upcall) {
                case SINK_QUERY_INTERFACE -> {
                    target = lookup.findStatic(NativeAdviseSink.class, "queryInterface",
                            MethodType.methodType(int.class, long.class, long.class, long.class));
                    descriptor = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG);
                    fallback = 0x80004002; // E_NOINTERFACE
                }
                case SINK_ADD_REF, SINK_RELEASE -> {
                    target = lookup.findStatic(NativeAdviseSink.class, upcall == Upcall.SINK_ADD_REF ? "addRef" : "release",
                            MethodType.methodType(int.class, long.class));
                    descriptor = FunctionDescriptor.of(JAVA_INT, JAVA_LONG);
                    fallback = 0;
                }
                case SINK_ON_NOTIFY -> {
                    target = lookup.findStatic(NativeAdviseSink.class, "onNotify",
                            MethodType.methodType(int.class, long.class, int.class, long.class));
                    descriptor = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG);
                    fallback = 0; // S_OK: ignored by MAPI (NOTIFY-8)
                }
                case LOGOFF_CONFIRM -> {
                    target = lookup.findStatic(LogoffConfirmationBridge.class, "confirm",
                            MethodType.methodType(int.class, long.class, long.class));
                    descriptor = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG);
                    fallback = 0x80004005; // MAPI_E_CALL_FAILED (LOGOFF-UI-3)
                }
                default -> throw new IllegalArgumentException(upcall.toString());
            }
            MethodHandle answer = MethodHandles.dropArguments(MethodHandles.constant(int.class, fallback), 0,
                    target.type().insertParameterTypes(0, Throwable.class).parameterList());
            MethodHandle safe = MethodHandles.catchException(target, Throwable.class, answer);
            return LINKER.upcallStub(safe, descriptor, Arena.global()).address();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the upcall target of " + upcall + " is missing", e);
        }
    }
}
