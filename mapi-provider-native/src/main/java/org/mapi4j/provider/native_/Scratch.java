package org.mapi4j.provider.native_;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.UUID;

/**
 * Native memory for the arguments and out-parameters of native calls, one block per thread, used
 * as a stack: {@link #mark()} before a call's arguments are placed, {@link #reset(int)} after its
 * results are read (in a {@code finally}).
 *
 * <p>Why: a JNA {@link Memory} per argument registers with JNA's cleaner and is freed by its
 * thread; under load that thread falls behind, and the allocations were most of the cost of a short
 * call. One block per thread is allocated once and never handed to anyone.
 *
 * <p>Why a stack and not one buffer per call: a native call can re-enter Java on the same thread (an
 * advise sink's {@code OnNotify} during Logoff, the logoff confirmation hook) and make native calls
 * of its own; those are placed above the outer call's mark and gone before the outer call reads its
 * results. The memory is only valid until {@link #reset}: nothing placed here may be kept by native
 * code after the call returns, which MAPI's contract for in-parameters and out-parameters is.
 *
 * <p>What does not fit (an unusually long entry identifier or string) gets a {@link Memory} of its
 * own; the caller holds it until the call has returned.
 */
final class Scratch {

    /** Bytes per thread: entry identifiers, GUIDs, short strings and out-parameters of nested calls. */
    static final int SIZE = 1024;
    // Every placement is 8-aligned: pointer-sized out-parameters need it, and it keeps views few.
    private static final int ALIGN = 8;

    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    private final Memory memory = new Memory(SIZE);
    private final long base = Pointer.nativeValue(memory);
    // Plain Pointer views at each 8-byte offset, made once: no object per argument. They do not keep
    // the block alive themselves; the ThreadLocal does, for as long as the thread can make a call.
    private final Pointer[] views = new Pointer[SIZE / ALIGN];
    private int top;

    private Scratch() {
    }

    /** @return this thread's scratch memory */
    static Scratch get() {
        return CURRENT.get();
    }

    /** @return the current top, to pass to {@link #reset(int)} once the call's results are read */
    int mark() {
        return top;
    }

    /** Frees everything placed since {@code mark} was taken. */
    void reset(int mark) {
        top = mark;
    }

    /**
     * Reserves {@code size} bytes, uninitialised.
     *
     * @param size the number of bytes, at least 1
     * @return the memory, valid until {@link #reset} (or a {@link Memory} of its own)
     */
    Pointer allocate(long size) {
        long aligned = (size + ALIGN - 1) & -ALIGN;
        if (aligned > SIZE - top) {
            return new Memory(size); // too big for the block: its own memory, freed by JNA's cleaner
        }
        int index = top / ALIGN;
        Pointer p = views[index];
        if (p == null) {
            p = new Pointer(base + top);
            views[index] = p;
        }
        top += (int) aligned;
        return p;
    }

    /** A zero-initialised {@code ULONG *} out-parameter. */
    Pointer ulongOut() {
        Pointer p = allocate(4);
        p.setInt(0, 0);
        return p;
    }

    /**
     * A zero-initialised pointer-sized out-parameter ({@code T **}) or {@code ULONG_PTR *} (ABI-5):
     * always 8 bytes, so it is also correct if an implementation writes only a 32-bit ULONG.
     */
    Pointer pointerOut() {
        Pointer p = allocate(8);
        p.setLong(0, 0);
        return p;
    }

    /** A native copy of the bytes, or {@code null} for {@code null} or empty (then pass cb = 0). */
    Pointer bytes(byte[] data) {
        if (data == null || data.length == 0) {
            return null;
        }
        Pointer p = allocate(data.length);
        p.write(0, data, 0, data.length);
        return p;
    }

    /** A {@code GUID} in native layout (see {@link Abi#guidBytes}), or {@code null}. */
    Pointer guid(UUID uuid) {
        return uuid == null ? null : bytes(Abi.guidBytes(uuid));
    }

    /** A NUL-terminated UTF-16 string in native byte order ({@code WCHAR *}), or {@code null}. */
    Pointer utf16(String s) {
        if (s == null) {
            return null;
        }
        // Not setChar: JNA's char accessors are wchar_t, 4 bytes on Linux; MAPI's WCHAR is 2 everywhere.
        short[] units = new short[s.length() + 1]; // the last one is the terminator
        for (int i = 0; i < s.length(); i++) {
            units[i] = (short) s.charAt(i);
        }
        Pointer p = allocate(2L * units.length);
        p.write(0, units, 0, units.length);
        return p;
    }

    /** A NUL-terminated 8-bit string in JNA's native encoding (see {@link Abi#ansi}), or {@code null}. */
    Pointer ansi(String s) {
        if (s == null) {
            return null;
        }
        byte[] bytes = Native.toByteArray(s); // terminated
        Pointer p = allocate(bytes.length);
        p.write(0, bytes, 0, bytes.length);
        return p;
    }

    /** A {@code LPTSTR} argument: UTF-16 with {@code MAPI_UNICODE}, else 8-bit. */
    Pointer tstr(String s, boolean unicode) {
        return unicode ? utf16(s) : ansi(s);
    }
}
