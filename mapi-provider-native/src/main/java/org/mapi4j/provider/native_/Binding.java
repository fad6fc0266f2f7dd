package org.mapi4j.provider.native_;

import java.io.File;
import java.nio.charset.Charset;

/**
 * The seam between the native provider and the mechanism that reaches native code: JNA
 * ({@link JnaBinding}, every JDK) or the JDK's Foreign Function &amp; Memory API
 * ({@code FfmBinding}, JDK 22 and later, in the jar's {@code META-INF/versions/22}). Everything
 * else (the sessions, tables, sinks, the guards in front of every call) is written once against
 * this class, with native addresses as {@code long}.
 *
 * <p>Why typed entry points with {@code long} arguments and a {@link Shape}: the FFM side calls a
 * downcall handle with {@code invokeExact}, which needs the exact Java types at the call site and
 * boxes nothing; the shape is a record held in a {@code static final} field at each call site, so
 * the JIT sees its handle as a constant and inlines the call. The JNA side converts the same
 * arguments to the {@code Object[]} JNA takes, once per call.
 *
 * <p>One binding per JVM ({@link #current()}), chosen by {@link BindingChoice}.
 */
abstract class Binding {

    /** {@return the binding of this JVM, as chosen by {@link BindingChoice}; fails if none can be used} */
    static Binding current() {
        return BindingChoice.current();
    }

    /** {@return "FFM" or "JNA", for the availability reason and the log} */
    abstract String name();

    /** {@return a sentence naming the binding and why it was chosen} */
    abstract String description();

    /** {@return the pointer size in bytes, 4 or 8} */
    abstract int pointerSize();

    /** {@return the 8-bit code page of {@code char *} strings (JNA's {@code jna.encoding} on both bindings)} */
    abstract Charset ansiCharset();

    // ---- libraries ----

    /** A loaded library. */
    abstract static class Library {

        /** {@return the file that was loaded} */
        abstract File file();

        /**
         * @param exportName the exported name, decorated where the platform wants it
         * @return a handle to pass to {@link Binding#call}, or {@code null} if the library does not export it
         */
        abstract Object function(String exportName);

        /** {@return the reference library's control exports for tests and tools, or {@code null}} */
        abstract Object referenceControl();
    }

    /**
     * Loads a library by name or absolute path, with the lookup order of {@link NativeProvider}.
     *
     * @param libraryName a name ({@code mapi32}) or an absolute path
     * @return the library
     * @throws NativeBinding.Unavailable with a reason a person can act on
     */
    abstract Library load(String libraryName) throws NativeBinding.Unavailable;

    // ---- memory: absolute addresses ----

    /**
     * Memory freed by the garbage collector once the returned object is unreachable: hold it for as
     * long as native code may use {@link #address(Object) its address}.
     *
     * @param size bytes, at least 1
     * @return the owner of the memory
     */
    abstract Object autoMemory(long size);

    /**
     * @param autoMemory what {@link #autoMemory} returned
     * @return its address
     */
    abstract long address(Object autoMemory);

    /**
     * {@code malloc}: memory freed by exactly one {@link #free}.
     *
     * @param size bytes, at least 1
     * @return the address, never 0
     */
    abstract long malloc(long size);

    /**
     * {@code free}.
     *
     * @param address what {@link #malloc} returned
     */
    abstract void free(long address);

    abstract byte getByte(long address);

    abstract short getShort(long address);

    abstract int getInt(long address);

    abstract long getLong(long address);

    abstract void putByte(long address, byte value);

    abstract void putShort(long address, short value);

    abstract void putInt(long address, int value);

    abstract void putLong(long address, long value);

    /** Copies {@code length} bytes from native memory. */
    abstract void read(long address, byte[] into, int offset, int length);

    /** Copies bytes into native memory. */
    abstract void write(long address, byte[] from, int offset, int length);

    /** {@return a pointer-sized value, unsigned} */
    final long getAddress(long address) {
        return pointerSize() == 8 ? getLong(address) : getInt(address) & 0xFFFFFFFFL;
    }

    /** Writes a pointer-sized value. */
    final void putAddress(long address, long value) {
        if (pointerSize() == 8) {
            putLong(address, value);
        } else {
            putInt(address, (int) value);
        }
    }

    // ---- downcalls ----

    /**
     * The C signature of a function the provider calls: its result ({@code I} a 32-bit result,
     * {@code V} none, answered as 0) and its arguments ({@code P} pointer-sized: a pointer or a
     * {@code ULONG_PTR}; {@code I} 32-bit), e.g. {@code "I:PIPIPIP"}. Keep each in a
     * {@code static final} field: the FFM binding's handle in it is then a constant for the JIT.
     *
     * @param signature the signature as above
     * @param handle the binding's prepared form of it (the FFM downcall handle, typed with a
     *     function handle and {@code long} arguments; {@code null} for JNA)
     */
    record Shape(String signature, Object handle) {

        /**
         * @param signature e.g. {@code "I:PIPIPIP"}
         * @return the shape, prepared by this JVM's binding
         */
        static Shape of(String signature) {
            return current().shape(signature);
        }

        /** {@return whether the function returns nothing} */
        boolean isVoid() {
            return signature.charAt(0) == 'V';
        }

        /** {@return the number of arguments} */
        int arity() {
            return signature.length() - 2;
        }

        /**
         * @param index the argument index
         * @return whether that argument is pointer-sized
         */
        boolean pointerArgument(int index) {
            return signature.charAt(2 + index) == 'P';
        }
    }

    /**
     * Prepares a signature.
     *
     * @param signature see {@link Shape}
     * @return its shape
     */
    abstract Shape shape(String signature);

    /**
     * @param address a function's address (a vtable slot)
     * @return the handle to pass to {@code call}: made once per address and cached by the caller
     */
    abstract Object function(long address);

    // The calls: the function's 32-bit result (0 for a void function); 32-bit arguments are passed
    // in the low half of their long.

    abstract int call(Shape shape, Object function);

    abstract int call(Shape shape, Object function, long a);

    abstract int call(Shape shape, Object function, long a, long b);

    abstract int call(Shape shape, Object function, long a, long b, long c);

    abstract int call(Shape shape, Object function, long a, long b, long c, long d);

    abstract int call(Shape shape, Object function, long a, long b, long c, long d, long e);

    abstract int call(Shape shape, Object function, long a, long b, long c, long d, long e, long f);

    abstract int call(Shape shape, Object function, long a, long b, long c, long d, long e, long f, long g);

    abstract int call(Shape shape, Object function, long a, long b, long c, long d, long e, long f, long g,
            long h, long i, long j, long k, long l);

    // ---- upcalls ----

    /** The native functions Java implements; each names its Java target. */
    enum Upcall {
        /** {@code HRESULT QueryInterface(this, REFIID, void **)}: {@link NativeAdviseSink#queryInterface}. */
        SINK_QUERY_INTERFACE,
        /** {@code ULONG AddRef(this)}: {@link NativeAdviseSink#addRef}. */
        SINK_ADD_REF,
        /** {@code ULONG Release(this)}: {@link NativeAdviseSink#release(long)}. */
        SINK_RELEASE,
        /** {@code ULONG OnNotify(this, ULONG, LPNOTIFICATION)}: {@link NativeAdviseSink#onNotify}. */
        SINK_ON_NOTIFY,
        /** {@code HRESULT (*)(ULONG_PTR, void *)}: {@link LogoffConfirmationBridge#confirm}. */
        LOGOFF_CONFIRM
    }

    /**
     * Makes the function pointer of an upcall, once per JVM: it lives as long as the class.
     *
     * @param upcall which one
     * @param threadName the name of native threads that call it, where the binding can name them
     * @return the function pointer
     */
    abstract long upcall(Upcall upcall, String threadName);
}
