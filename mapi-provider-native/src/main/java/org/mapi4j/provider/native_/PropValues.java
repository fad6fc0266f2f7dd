package org.mapi4j.provider.native_;

import java.util.ArrayList;
import java.util.List;
import org.mapi4j.spi.PropValue;

/**
 * Copies native property values into {@link PropValue}s: {@code SPropValue} arrays and
 * {@code SRowSet}s (spec A.9: SPropValue is 16 bytes on x86, 24 on x64, its value union at 8).
 * Values become {@code String}, {@code byte[]}, {@code Boolean}, {@code Integer} or {@code Long};
 * a type the session lifecycle never uses comes back with a {@code null} value.
 */
final class PropValues {

    private static final Binding B = Abi.B;
    private static final int PS = Abi.POINTER_SIZE;
    /** sizeof(SPropValue). */
    static final int SPROPVALUE_SIZE = PS == 8 ? 24 : 16;
    private static final int VALUE = 8;
    /** sizeof(SRow): ulAdrEntryPad, cValues, lpProps. */
    private static final int SROW_SIZE = 8 + PS;
    /** offsetof(SRowSet, aRow): cRows, then pointer-aligned rows. */
    private static final int SROWSET_ROWS = PS;

    static final int PT_SHORT = 0x0002;
    static final int PT_LONG = 0x0003;
    static final int PT_ERROR = 0x000A;
    static final int PT_BOOLEAN = 0x000B;
    static final int PT_I8 = 0x0014;
    static final int PT_STRING8 = 0x001E;
    static final int PT_UNICODE = 0x001F;
    static final int PT_SYSTIME = 0x0040;
    static final int PT_BINARY = 0x0102;

    private PropValues() {
    }

    /**
     * @param array the first SPropValue
     * @param count the number of values
     * @return copies of the values
     */
    static List<PropValue> readArray(long array, int count) {
        List<PropValue> values = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; array != 0 && i < count; i++) {
            values.add(read(array + (long) i * SPROPVALUE_SIZE));
        }
        return values;
    }

    /**
     * @param rowSet an SRowSet
     * @return its rows, each a list of values
     */
    static List<List<PropValue>> readRows(long rowSet) {
        int rows = B.getInt(rowSet);
        List<List<PropValue>> result = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            long row = rowSet + SROWSET_ROWS + (long) i * SROW_SIZE;
            result.add(readArray(B.getAddress(row + 8), B.getInt(row + 4)));
        }
        return result;
    }

    /**
     * Frees an SRowSet as {@code FreeProws} does: each row's property block, then the set, each with
     * MAPIFreeBuffer exactly once.
     */
    static void freeRows(NativeBinding mapi, long rowSet) {
        int rows = B.getInt(rowSet);
        for (int i = 0; i < rows; i++) {
            long props = B.getAddress(rowSet + SROWSET_ROWS + (long) i * SROW_SIZE + 8);
            if (props != 0) {
                mapi.freeBuffer(props);
            }
        }
        mapi.freeBuffer(rowSet);
    }

    private static PropValue read(long p) {
        int tag = B.getInt(p);
        Object value;
        switch (tag & 0xFFFF) {
            case PT_SHORT:
                value = (int) B.getShort(p + VALUE);
                break;
            case PT_LONG:
            case PT_ERROR:
                value = B.getInt(p + VALUE);
                break;
            case PT_BOOLEAN:
                value = B.getShort(p + VALUE) != 0;
                break;
            case PT_I8:
            case PT_SYSTIME:
                value = B.getLong(p + VALUE);
                break;
            case PT_STRING8:
                value = Abi.readAnsi(B.getAddress(p + VALUE));
                break;
            case PT_UNICODE:
                value = Abi.readUtf16(B.getAddress(p + VALUE));
                break;
            case PT_BINARY:
                int cb = B.getInt(p + VALUE);
                long lpb = B.getAddress(p + VALUE + PS);
                value = cb == 0 || lpb == 0 ? new byte[0] : Abi.bytes(lpb, cb);
                break;
            default:
                value = null;
        }
        return new PropValue(tag, value);
    }
}
