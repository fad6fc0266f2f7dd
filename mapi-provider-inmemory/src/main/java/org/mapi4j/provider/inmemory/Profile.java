package org.mapi4j.provider.inmemory;

import java.util.List;
import java.util.Objects;

/**
 * A configured profile: its name and its message stores, the first of which is the default store.
 *
 * @param name the profile name, 1 to 64 characters
 * @param storeNames the display names of its message stores
 */
public record Profile(String name, List<String> storeNames) {

    /**
     * Checks and copies the arguments.
     *
     * @param name the profile name, 1 to 64 characters
     * @param storeNames the display names of its message stores
     */
    public Profile {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 64) {
            throw new IllegalArgumentException("a profile name has 1 to 64 characters, got " + name.length()
                    + ": '" + name + "'");
        }
        storeNames = List.copyOf(storeNames);
    }
}
