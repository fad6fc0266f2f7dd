package org.mapi4j.provider.native_;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * The facts of the MAPI C ABI on this JVM (spec A.2, B.10) and the few conversions every native
 * interface class needs; {@link Scratch} places arguments in native memory. Nothing here touches a
 * MAPI object, and nothing names JNA or FFM: memory is read through this JVM's {@link Binding}.
 */
final class Abi {

    private Abi() {
    }

    /** This JVM's binding: a constant for the JIT. */
    static final Binding B = Binding.current();

    /** Pointer size in bytes: 4 or 8. Vtable slot {@code k} is at {@code k * POINTER_SIZE} (ABI-1). */
    static final int POINTER_SIZE = B.pointerSize();

    /**
     * Whether MAPI uses stdcall here: only on 32-bit Windows (ABI-2). On x64, ARM64 and Linux there
     * is one convention.
     */
    static final boolean STDCALL = System.getProperty("os.name", "").startsWith("Windows") && POINTER_SIZE == 4;

    /**
     * A {@code ULONG_PTR} argument (ABI-4): pointer-sized, never a C {@code long} (which is 32-bit
     * on Windows x64). On a 32-bit JVM the low 32 bits are passed (LOGOFF-UIPARAM-1).
     */
    static long ulongPtr(long value) {
        return POINTER_SIZE == 8 ? value : value & 0xFFFFFFFFL;
    }

    /** Reads a pointer-sized out-parameter ({@code ULONG_PTR *}, ABI-5) as unsigned. */
    static long readUlongPtr(long address) {
        return B.getAddress(address);
    }

    /** The 16 bytes of a {@code GUID} as it lies in memory on this (little-endian) machine. */
    static byte[] guidBytes(UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        b.putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
        b.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        return b.array();
    }

    /**
     * @param address native memory, not 0
     * @param length the number of bytes
     * @return a copy of the bytes
     */
    static byte[] bytes(long address, int length) {
        byte[] copy = new byte[length];
        B.read(address, copy, 0, length);
        return copy;
    }

    /** Reads a NUL-terminated UTF-16 string ({@code WCHAR} is 16-bit in MAPI, also on Linux), or {@code null} for 0. */
    static String readUtf16(long address) {
        if (address == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (long off = 0;; off += 2) {
            char c = (char) B.getShort(address + off);
            if (c == '\0') {
                return sb.toString();
            }
            sb.append(c);
        }
    }

    /** Reads a NUL-terminated 8-bit string in the binding's code page, or {@code null} for 0. */
    static String readAnsi(long address) {
        if (address == 0) {
            return null;
        }
        int length = 0;
        while (B.getByte(address + length) != 0) {
            length++;
        }
        return new String(bytes(address, length), B.ansiCharset());
    }

    /** Reads a {@code LPTSTR}: UTF-16 with {@code MAPI_UNICODE}, else 8-bit. */
    static String readTstr(long address, boolean unicode) {
        return unicode ? readUtf16(address) : readAnsi(address);
    }
}
