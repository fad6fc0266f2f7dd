package org.mapi4j;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One row of the message-stores table.
 *
 * @param displayName the store's display name
 * @param entryId the store's entry identifier
 * @param isDefault whether it is the profile's default store
 */
public record MessageStore(String displayName, byte[] entryId, boolean isDefault) {

    /**
     * Copies the entry identifier so the record stays immutable.
     *
     * @param displayName the store's display name
     * @param entryId the store's entry identifier, {@code null} for none
     * @param isDefault whether it is the profile's default store
     */
    public MessageStore {
        entryId = entryId == null ? new byte[0] : entryId.clone();
    }

    /** {@return a copy of the store's entry identifier} */
    @Override
    public byte[] entryId() {
        return entryId.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageStore that && displayName.equals(that.displayName)
                && Arrays.equals(entryId, that.entryId) && isDefault == that.isDefault;
    }

    @Override
    public int hashCode() {
        return 31 * displayName.hashCode() + Arrays.hashCode(entryId) + (isDefault ? 1 : 0);
    }

    @Override
    public String toString() {
        return "MessageStore[" + displayName + (isDefault ? ", default" : "") + ", entryId="
                + HexFormat.of().formatHex(entryId) + "]";
    }
}
