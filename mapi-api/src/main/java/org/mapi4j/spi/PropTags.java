package org.mapi4j.spi;

/** The property tags the session lifecycle uses. */
public final class PropTags {

    private PropTags() {
    }

    /** {@code PR_ENTRYID} (binary). */
    public static final int PR_ENTRYID = 0x0FFF0102;
    /** {@code PR_DISPLAY_NAME} (string). */
    public static final int PR_DISPLAY_NAME = 0x3001001F;
    /** {@code PR_DEFAULT_STORE} (boolean). */
    public static final int PR_DEFAULT_STORE = 0x3400000B;
    /** {@code PR_PROFILE_NAME} (string). */
    public static final int PR_PROFILE_NAME = 0x3D12001F;
}
