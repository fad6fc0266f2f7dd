package org.mapi4j.examples.thirdparty;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The sample provider's profiles, read from the properties-style resource bundled next to this
 * class ({@value #RESOURCE}): {@code profile.NAME = STORE} is a profile with its one message store,
 * {@code default-profile = NAME} the profile {@code MAPI_USE_DEFAULT} picks. Immutable.
 */
final class SampleProfiles {

    static final String RESOURCE = "sample-profiles.properties";

    private static final String PROFILE_KEY = "profile.";
    private static final String DEFAULT_KEY = "default-profile";
    // The provider's MAPIUID: every entry identifier it issues carries it after the 4 flag bytes.
    private static final UUID PROVIDER_UID = UUID.fromString("5a3b1e2c-0d4f-4c61-9a7e-53414d504c45");
    private static final int HEADER = 4 + 16;

    /** One profile and the display name of its only message store. */
    record Profile(String name, String storeName) {

        /** @return the entry identifier of the profile's store */
        byte[] storeEntryId() {
            return entryId("store:" + name);
        }

        /** @return the entry identifier of the user logged on to the profile (QueryIdentity) */
        byte[] identityEntryId() {
            return entryId("user:" + name);
        }
    }

    // Case-insensitive, as MAPI profile names are.
    private final Map<String, Profile> profiles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Profile defaultProfile;

    private SampleProfiles(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PROFILE_KEY)) {
                String name = key.substring(PROFILE_KEY.length()).strip();
                String store = properties.getProperty(key).strip();
                if (name.isEmpty() || store.isEmpty()) {
                    throw new IllegalArgumentException("empty profile or store name in '" + key + "'");
                }
                profiles.put(name, new Profile(name, store));
            } else if (!key.equals(DEFAULT_KEY)) {
                throw new IllegalArgumentException("unknown key '" + key + "'");
            }
        }
        String name = properties.getProperty(DEFAULT_KEY, "").strip();
        defaultProfile = name.isEmpty() ? null : profiles.get(name);
        if (!name.isEmpty() && defaultProfile == null) {
            throw new IllegalArgumentException(DEFAULT_KEY + " names no profile: '" + name + "'");
        }
    }

    /**
     * Reads the bundled resource.
     *
     * @return the profiles
     * @throws IOException if the resource is missing or unreadable
     * @throws IllegalArgumentException if it is malformed
     */
    static SampleProfiles load() throws IOException {
        try (InputStream in = SampleProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " not found next to " + SampleProfiles.class.getName());
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    static SampleProfiles parse(Reader text) throws IOException {
        Properties properties = new Properties();
        properties.load(text);
        return new SampleProfiles(properties);
    }

    /** @return the profile of that name, or {@code null} */
    Profile find(String name) {
        return profiles.get(name);
    }

    /** @return the default profile, or {@code null} if none is configured */
    Profile defaultProfile() {
        return defaultProfile;
    }

    int size() {
        return profiles.size();
    }

    private static byte[] entryId(String what) {
        byte[] text = what.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(HEADER + text.length).putInt(0)
                .putLong(PROVIDER_UID.getMostSignificantBits()).putLong(PROVIDER_UID.getLeastSignificantBits())
                .put(text).array();
    }
}
