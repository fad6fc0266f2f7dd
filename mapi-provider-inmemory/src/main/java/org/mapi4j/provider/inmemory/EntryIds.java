package org.mapi4j.provider.inmemory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The entry identifiers this provider hands out: a 4-byte flags field (0), a 4-byte magic that
 * marks them as ours, a 1-byte kind, then the UTF-8 payload. Anything shorter or without the magic
 * is malformed (NOTIFY-3).
 */
final class EntryIds {

    static final byte IDENTITY = 1;
    static final byte STORE = 2;

    private static final byte[] MAGIC = {'m', '4', 'j', 'M'};
    private static final int HEADER = 4 + MAGIC.length + 1;

    private EntryIds() {
    }

    static byte[] make(byte kind, String payload) {
        byte[] text = payload.getBytes(StandardCharsets.UTF_8);
        byte[] id = new byte[HEADER + text.length];
        System.arraycopy(MAGIC, 0, id, 4, MAGIC.length);
        id[HEADER - 1] = kind;
        System.arraycopy(text, 0, id, HEADER, text.length);
        return id;
    }

    static boolean isWellFormed(byte[] id) {
        return id != null && id.length > HEADER
                && Arrays.equals(id, 4, 4 + MAGIC.length, MAGIC, 0, MAGIC.length)
                && (id[HEADER - 1] == IDENTITY || id[HEADER - 1] == STORE);
    }
}
