package org.mapi4j.provider.native_.reference;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The control exports of the mapi4j reference MAPI library ({@code mapi4j_reference.h} of
 * {@code org.mapi4j:mapi-native-reference}). A real Windows {@code mapi32.dll} has none of them;
 * {@link ReferenceLibrary#control} is then empty.
 *
 * <p>They stand in for what real MAPI does with dialogs and the registry, and let tests prove that
 * nothing leaks and provoke failures. All are thread-safe and process-wide.
 */
public interface ReferenceControl extends Library {

    /** The export whose presence tells the reference library apart from real MAPI. */
    String MARKER_EXPORT = "MAPI4J_LiveObjectCount";

    /**
     * Installs the process-wide logoff confirmation hook; the native provider binds it to the
     * {@link org.mapi4j.spi.LogoffConfirmation} itself, so applications do not call this.
     *
     * @param fn the hook, or {@code null} so that {@code MAPI_LOGOFF_UI} behaves as 0
     * @param context passed back to the hook
     */
    void MAPI4J_SetLogoffConfirmation(Callback fn, Pointer context);

    /** {@return {@code S_OK}; removes every profile} */
    int MAPI4J_ClearProfiles();

    /**
     * Adds a profile to the reference library.
     *
     * @param name the UTF-8 profile name
     * @param isDefault non-zero for the default profile
     * @return an HRESULT
     */
    int MAPI4J_AddProfile(String name, int isDefault);

    /**
     * Adds a message store to a profile of the reference library.
     *
     * @param profile the profile
     * @param displayName the store's display name
     * @param isDefault non-zero for the profile's default store
     * @return an HRESULT
     */
    int MAPI4J_AddMessageStore(String profile, String displayName, int isDefault);

    /**
     * The number of live native objects.
     *
     * @return the number of native objects alive that must be freed exactly once (0 when nothing
     *     leaks); a C {@code long}, hence {@link NativeLong} (32-bit on ILP32 and on Windows)
     */
    NativeLong MAPI4J_LiveObjectCount();

    /**
     * Makes the next call of a method that passes validation return {@code hr}.
     *
     * @param method e.g. {@code "QueryIdentity"}, {@code "MAPILogonEx"}, {@code "Logoff"}
     * @param hr the HRESULT
     */
    void MAPI4J_InjectFault(String method, int hr);

    /** Forgets pending injected faults. */
    void MAPI4J_ClearFaults();

    /**
     * Sets the fast-shutdown policy.
     *
     * @param policy FastShutdownBehavior 0, 1 or 2 (spec A.11)
     */
    void MAPI4J_SetFastShutdownPolicy(int policy);

    /** Puts the library back to its load-time state (tests). Objects still held are not freed. */
    void MAPI4J_ResetInstance();

    /** {@return the library version} */
    String MAPI4J_Version();
}
