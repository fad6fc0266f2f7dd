package org.mapi4j.provider.native_;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Native memory for the arguments and out-parameters of native calls, one block per thread, used
 * as a stack: {@link #mark()} before a call's arguments are placed, {@link #reset(int)} after its
 * results are read (in a {@code finally}). Places return absolute addresses.
 *
 * <p>Why: native memory per argument (a JNA {@code Memory}, an FFM arena) costs a registration with
 * a cleaner or a free per call, most of the cost of a short call. One block per thread is
 * allocated once and never handed to anyone; the thread's {@code ThreadLocal} keeps it alive.
 *
 * <p>Why a stack and not one buffer per call: a native call can re-enter Java on the same thread (an
 * advise sink's {@code OnNotify} during Logoff, the logoff confirmation hook) and make native calls
 * of its own; those are placed above the outer call's mark and gone before the outer call reads its
 * results. The memory is only valid until {@link #reset}: nothing placed here may be kept by native
 * code after the call returns, which MAPI's contract for in-parameters and out-parameters is.
 *
 * <p>What does not fit (an unusually long entry identifier or string) gets memory of its own, held
 * here until the {@link #reset} that frees its mark: an address alone would not keep it alive.
 */
final class Scratch {

    /** Bytes per thread: entry identifiers, GUIDs, short strings and out-parameters of nested calls. */
    static final int SIZE = 1024;
    // Every placement is 8-aligned: pointer-sized out-parameters need it.
    private static final int ALIGN = 8;
    private static final Binding B = Abi.B;

    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    private final Object memory = B.autoMemory(SIZE);
    private final long base = B.address(memory);
    private int top;
    // Blocks too big for the stack, with the mark they were placed at; null until the first.
    private List<Object> overflow;
    private List<Integer> overflowMarks;

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
        if (overflow != null) {
            // Marks only grow inside one call, so the blocks of this call are at the end.
            for (int i = overflow.size() - 1; i >= 0 && overflowMarks.get(i) >= mark; i--) {
                overflow.remove(i);
                overflowMarks.remove(i);
            }
        }
    }

    /** @return the number of blocks too big for the stack held now (tests) */
    int overflowBlocks() {
        return overflow == null ? 0 : overflow.size();
    }

    /**
     * Reserves {@code size} bytes, uninitialised.
     *
     * @param size the number of bytes, at least 1
     * @return the address, valid until {@link #reset}
     */
    long allocate(long size) {
        long aligned = (size + ALIGN - 1) & -ALIGN;
        if (aligned > SIZE - top) {
            // Too big for the block: memory of its own, kept reachable until the reset below this mark.
            if (overflow == null) {
                overflow = new ArrayList<>(2);
                overflowMarks = new ArrayList<>(2);
            }
            Object block = B.autoMemory(size);
            overflow.add(block);
            overflowMarks.add(top);
            return B.address(block);
        }
        long p = base + top;
        top += (int) aligned;
        return p;
    }

    /** A zero-initialised {@code ULONG *} out-parameter. */
    long ulongOut() {
        long p = allocate(4);
        B.putInt(p, 0);
        return p;
    }

    /**
     * A zero-initialised pointer-sized out-parameter ({@code T **}) or {@code ULONG_PTR *} (ABI-5):
     * always 8 bytes, so it is also correct if an implementation writes only a 32-bit ULONG.
     */
    long pointerOut() {
        long p = allocate(8);
        B.putLong(p, 0);
        return p;
    }

    /** A native copy of the bytes, or 0 for {@code null} or empty (then pass cb = 0). */
    long bytes(byte[] data) {
        if (data == null || data.length == 0) {
            return 0;
        }
        long p = allocate(data.length);
        B.write(p, data, 0, data.length);
        return p;
    }

    /** A {@code GUID} in native layout (see {@link Abi#guidBytes}), or 0. */
    long guid(UUID uuid) {
        return uuid == null ? 0 : bytes(Abi.guidBytes(uuid));
    }

    /** A NUL-terminated UTF-16 string in native byte order ({@code WCHAR *}), or 0. */
    long utf16(String s) {
        if (s == null) {
            return 0;
        }
        // MAPI's WCHAR is 2 bytes everywhere (a C wchar_t is 4 on Linux).
        long p = allocate(2L * (s.length() + 1));
        for (int i = 0; i < s.length(); i++) {
            B.putShort(p + 2L * i, (short) s.charAt(i));
        }
        B.putShort(p + 2L * s.length(), (short) 0);
        return p;
    }

    /** A NUL-terminated 8-bit string in the binding's code page ({@link Binding#ansiCharset}), or 0. */
    long ansi(String s) {
        if (s == null) {
            return 0;
        }
        byte[] bytes = s.getBytes(B.ansiCharset());
        long p = allocate(bytes.length + 1L);
        B.write(p, bytes, 0, bytes.length);
        B.putByte(p + bytes.length, (byte) 0);
        return p;
    }

    /** A {@code LPTSTR} argument: UTF-16 with {@code MAPI_UNICODE}, else 8-bit. */
    long tstr(String s, boolean unicode) {
        return unicode ? utf16(s) : ansi(s);
    }
}
