package org.mapi4j.nativeprovider;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * The facts of the MAPI C ABI on this JVM (spec A.2, B.10) and the few conversions every native
 * interface class needs. Nothing here touches a MAPI object.
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

    /** A {@code ULONG_PTR} argument for a JNA {@code Library} method declared with {@code Pointer}. */
    static Pointer ulongPtrAsPointer(long value) {
        return value == 0 ? null : Pointer.createConstant(value);
    }

    /**
     * A zero-initialised 8-byte buffer for a {@code ULONG_PTR *} out-parameter (ABI-5): correct for
     * the pointer-sized contract and harmless if an implementation writes only a 32-bit ULONG.
     */
    static Memory ulongPtrOut() {
        Memory m = new Memory(8);
        m.clear();
        return m;
    }

    /** Reads what {@link #ulongPtrOut()} received, pointer-sized and unsigned. */
    static long readUlongPtr(Pointer p, long offset) {
        return POINTER_SIZE == 8 ? p.getLong(offset) : p.getInt(offset) & 0xFFFFFFFFL;
    }

    /** A zero-initialised pointer-sized out-parameter ({@code T **}). */
    static Memory pointerOut() {
        Memory m = new Memory(POINTER_SIZE);
        m.clear();
        return m;
    }

    /** A zero-initialised {@code ULONG *} out-parameter. */
    static Memory ulongOut() {
        Memory m = new Memory(4);
        m.clear();
        return m;
    }

    /** A native copy of the bytes, or {@code null} for {@code null} or empty (then pass cb = 0). */
    static Memory bytes(byte[] data) {
        if (data == null || data.length == 0) {
            return null;
        }
        Memory m = new Memory(data.length);
        m.write(0, data, 0, data.length);
        return m;
    }

    /** A {@code GUID} in native layout (Data1..3 in native byte order, Data4 as bytes), or {@code null}. */
    static Memory guid(UUID uuid) {
        if (uuid == null) {
            return null;
        }
        Memory m = new Memory(16);
        m.write(0, guidBytes(uuid), 0, 16);
        return m;
    }

    /** The 16 bytes of a {@code GUID} as it lies in memory on this (little-endian) machine. */
    static byte[] guidBytes(UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        b.putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
        b.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        return b.array();
    }

    /** A NUL-terminated UTF-16 string in native byte order ({@code WCHAR *}), or {@code null}. */
    static Memory utf16(String s) {
        if (s == null) {
            return null;
        }
        // Not setChar: JNA's char accessors are wchar_t, 4 bytes on Linux; MAPI's WCHAR is 2 everywhere.
        Memory m = new Memory(2L * (s.length() + 1));
        for (int i = 0; i < s.length(); i++) {
            m.setShort(2L * i, (short) s.charAt(i));
        }
        m.setShort(2L * s.length(), (short) 0);
        return m;
    }

    /**
     * A NUL-terminated 8-bit string in JNA's native encoding ({@code char *}: the ANSI code page
     * on Windows, UTF-8 on Linux), or {@code null}.
     */
    static Memory ansi(String s) {
        if (s == null) {
            return null;
        }
        byte[] bytes = Native.toByteArray(s); // terminated
        Memory m = new Memory(bytes.length);
        m.write(0, bytes, 0, bytes.length);
        return m;
    }

    /** A {@code LPTSTR} argument: UTF-16 with {@code MAPI_UNICODE}, else 8-bit. */
    static Memory tstr(String s, boolean unicode) {
        return unicode ? utf16(s) : ansi(s);
    }

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
