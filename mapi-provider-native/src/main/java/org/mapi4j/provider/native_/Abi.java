package org.mapi4j.provider.native_;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * The facts of the MAPI C ABI on this JVM (spec A.2, B.10) and the few conversions every native
 * interface class needs; {@link Scratch} places arguments in native memory. Nothing here touches a
 * MAPI object.
 */
final class Abi {

    private Abi() {
    }

    /** Pointer size in bytes: 4 or 8. Vtable slot {@code k} is at {@code k * POINTER_SIZE} (ABI-1). */
    static final int POINTER_SIZE = Native.POINTER_SIZE;

    /**
     * Whether MAPI uses stdcall here: only on 32-bit Windows (ABI-2). On x64, ARM64 and Linux there
     * is one convention, and asking JNA for ALT_CONVENTION there fails.
     */
    static final boolean STDCALL = Platform.isWindows() && !Platform.is64Bit();

    /** The calling convention of MAPI functions and vtable methods here. */
    static final int CALL_CONVENTION = STDCALL ? Function.ALT_CONVENTION : Function.C_CONVENTION;

    /**
     * A {@code ULONG_PTR} argument (ABI-4): pointer-sized, never {@code NativeLong} (which is 32-bit
     * on Windows x64). On a 32-bit JVM the low 32 bits are passed (LOGOFF-UIPARAM-1).
     */
    static Object ulongPtr(long value) {
        return POINTER_SIZE == 8 ? (Object) value : (Object) (int) value;
    }

    /** A {@code ULONG_PTR} argument where a {@code Pointer} is expected (MAPILogonEx's ulUIParam). */
    static Pointer ulongPtrAsPointer(long value) {
        return value == 0 ? null : Pointer.createConstant(value);
    }

    /** Reads a pointer-sized out-parameter ({@code ULONG_PTR *}, ABI-5) as unsigned. */
    static long readUlongPtr(Pointer p, long offset) {
        return POINTER_SIZE == 8 ? p.getLong(offset) : p.getInt(offset) & 0xFFFFFFFFL;
    }

    /** The 16 bytes of a {@code GUID} as it lies in memory on this (little-endian) machine. */
    static byte[] guidBytes(UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        b.putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
        b.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        return b.array();
    }

    // Arguments are placed in per-thread native memory by Scratch (bytes, GUIDs, strings, outs).

    /** Reads a NUL-terminated UTF-16 string ({@code WCHAR} is 16-bit in MAPI, also on Linux). */
    static String readUtf16(Pointer p) {
        if (p == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (long off = 0;; off += 2) {
            char c = (char) p.getShort(off);
            if (c == '\0') {
                return sb.toString();
            }
            sb.append(c);
        }
    }

    /** Reads a {@code LPTSTR}: UTF-16 with {@code MAPI_UNICODE}, else 8-bit. */
    static String readTstr(Pointer p, boolean unicode) {
        if (p == null) {
            return null;
        }
        return unicode ? readUtf16(p) : p.getString(0);
    }
}
