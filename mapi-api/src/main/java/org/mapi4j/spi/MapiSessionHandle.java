package org.mapi4j.spi;

import java.util.List;
import java.util.UUID;

/**
 * IMAPISession, COM-faithful: the 22 slots of spec A.3 in vtable order, with C-like parameters.
 *
 * <p>This is what a provider implements and what the TCK drives. Every method returns an HRESULT as
 * an {@code int} (see {@link org.mapi4j.spi.HResult}) and never throws for a MAPI error; out-parameters
 * are holders ({@link Out}, {@link IntOut}, {@link LongOut}) that a failing call leaves at
 * {@code null} / 0 (GEN-4). {@code ULONG} parameters are {@code int} (reinterpreted unsigned);
 * {@code ULONG_PTR} parameters ({@code ulUIParam}, connection numbers, form tokens) are
 * {@code long}; entry identifiers are {@code byte[]} ({@code null} for {@code NULL}); interface
 * identifiers are {@link UUID}s ({@code null} for {@code NULL}).
 *
 * <p>States (spec B.0): {@code LOGGED_ON}, then {@code LOGGED_OFF} after {@link #logoff} or
 * {@code INVALIDATED} after the last MAPIUninitialize or a fast shutdown, then {@code DESTROYED} after
 * the final {@link #release()}. Outside {@code LOGGED_ON} every method except the three IUnknown
 * methods returns {@code MAPI_E_INVALID_OBJECT} (POSTLOGOFF-1), and QueryInterface does too
 * (POSTLOGOFF-4). A method a provider does not support returns {@code MAPI_E_NO_SUPPORT}.
 *
 * <p>Implementations are thread-safe: one handle may be used by many threads; Logoff is
 * linearizable (LOGOFF-5). {@code org.mapi4j.spi.support.AbstractSessionHandle} implements these rules for any provider.
 */
public interface MapiSessionHandle extends MapiUnknown {

    /** Slot index of every method, for providers that dispatch through a native vtable (ABI-1). */
    final class Slot {
        private Slot() {
        }

        /** Slot 0. */ public static final int QUERY_INTERFACE = 0;
        /** Slot 1. */ public static final int ADD_REF = 1;
        /** Slot 2. */ public static final int RELEASE = 2;
        /** Slot 3. */ public static final int GET_LAST_ERROR = 3;
        /** Slot 4. */ public static final int GET_MSG_STORES_TABLE = 4;
        /** Slot 5. */ public static final int OPEN_MSG_STORE = 5;
        /** Slot 6. */ public static final int OPEN_ADDRESS_BOOK = 6;
        /** Slot 7. */ public static final int OPEN_PROFILE_SECTION = 7;
        /** Slot 8. */ public static final int GET_STATUS_TABLE = 8;
        /** Slot 9. */ public static final int OPEN_ENTRY = 9;
        /** Slot 10. */ public static final int COMPARE_ENTRY_IDS = 10;
        /** Slot 11. */ public static final int ADVISE = 11;
        /** Slot 12. */ public static final int UNADVISE = 12;
        /** Slot 13. */ public static final int MESSAGE_OPTIONS = 13;
        /** Slot 14. */ public static final int QUERY_DEFAULT_MESSAGE_OPT = 14;
        /** Slot 15. */ public static final int ENUM_ADR_TYPES = 15;
        /** Slot 16. */ public static final int QUERY_IDENTITY = 16;
        /** Slot 17. */ public static final int LOGOFF = 17;
        /** Slot 18. */ public static final int SET_DEFAULT_STORE = 18;
        /** Slot 19. */ public static final int ADMIN_SERVICES = 19;
        /** Slot 20. */ public static final int SHOW_FORM = 20;
        /** Slot 21. */ public static final int PREPARE_FORM = 21;
        /** The number of slots. */ public static final int COUNT = 22;
    }

    /**
     * Slot 3, GetLastError.
     *
     * @param hResult the HRESULT to explain
     * @param flags {@code MAPI_UNICODE} or 0
     * @param error receives the error information, {@code null} if there is none
     * @return an HRESULT
     */
    int getLastError(int hResult, int flags, Out<MapiError> error);

    /**
     * Slot 4, GetMsgStoresTable: a table with one row per message store of the profile (CHILD-1).
     *
     * @param flags {@code MAPI_UNICODE} or 0
     * @param table receives the table
     * @return an HRESULT
     */
    int getMsgStoresTable(int flags, Out<MapiTable> table);

    /**
     * Slot 5, OpenMsgStore.
     *
     * @param uiParam parent window
     * @param entryId the store's entry identifier ({@link PropTags#PR_ENTRYID} of its row)
     * @param iid the interface wanted, {@code null} for the standard one
     * @param flags open flags
     * @param store receives the store
     * @return an HRESULT
     */
    int openMsgStore(long uiParam, byte[] entryId, UUID iid, int flags, Out<MapiProp> store);

    /**
     * Slot 6, OpenAddressBook.
     *
     * @param uiParam parent window
     * @param iid the interface wanted, {@code null} for the standard one
     * @param flags flags
     * @param addressBook receives the address book
     * @return an HRESULT
     */
    int openAddressBook(long uiParam, UUID iid, int flags, Out<MapiUnknown> addressBook);

    /**
     * Slot 7, OpenProfileSection.
     *
     * @param uid the section's MAPIUID (16 bytes), {@code null} for the profile's own section
     * @param iid the interface wanted, {@code null} for the standard one
     * @param flags flags
     * @param section receives the section
     * @return an HRESULT
     */
    int openProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section);

    /**
     * Slot 8, GetStatusTable.
     *
     * @param flags flags
     * @param table receives the table
     * @return an HRESULT
     */
    int getStatusTable(int flags, Out<MapiTable> table);

    /**
     * Slot 9, OpenEntry.
     *
     * @param entryId the entry identifier
     * @param iid the interface wanted, {@code null} for the standard one
     * @param flags flags
     * @param objectType receives the object type
     * @param object receives the object
     * @return an HRESULT
     */
    int openEntry(byte[] entryId, UUID iid, int flags, IntOut objectType, Out<MapiUnknown> object);

    /**
     * Slot 10, CompareEntryIDs.
     *
     * @param entryId1 the first entry identifier
     * @param entryId2 the second entry identifier
     * @param flags flags (reserved, 0)
     * @param result receives 1 if both name the same object, else 0
     * @return an HRESULT
     */
    int compareEntryIDs(byte[] entryId1, byte[] entryId2, int flags, IntOut result);

    /**
     * Slot 11, Advise: register a sink (NOTIFY-1 to NOTIFY-5).
     *
     * @param entryId {@code null} for a session-level registration (always covers critical errors),
     *     else the object's entry identifier; an empty array is {@code MAPI_E_INVALID_PARAMETER}
     * @param eventMask the {@code FNEV_*} events wanted
     * @param sink the sink; {@code null} is {@code MAPI_E_INVALID_PARAMETER}
     * @param connection receives the connection number: non-zero, unique, never reused by this handle
     * @return an HRESULT
     */
    int advise(byte[] entryId, int eventMask, AdviseSink sink, LongOut connection);

    /**
     * Slot 12, Unadvise (NOTIFY-6, NOTIFY-7).
     *
     * @param connection a connection number from {@link #advise} on this handle
     * @return {@code S_OK}, or {@code MAPI_E_NOT_FOUND} for 0, unknown, foreign or cancelled numbers
     */
    int unadvise(long connection);

    /**
     * Slot 13, MessageOptions.
     *
     * @param uiParam parent window
     * @param flags flags
     * @param addressType the address type
     * @param message the message
     * @return an HRESULT
     */
    int messageOptions(long uiParam, int flags, String addressType, MapiUnknown message);

    /**
     * Slot 14, QueryDefaultMessageOpt.
     *
     * @param addressType the address type
     * @param flags flags
     * @param options receives the options
     * @return an HRESULT
     */
    int queryDefaultMessageOpt(String addressType, int flags, Out<List<PropValue>> options);

    /**
     * Slot 15, EnumAdrTypes.
     *
     * @param flags flags
     * @param addressTypes receives the address types
     * @return an HRESULT
     */
    int enumAdrTypes(int flags, Out<List<String>> addressTypes);

    /**
     * Slot 16, QueryIdentity: the entry identifier of the object that represents the user.
     *
     * @param entryId receives the entry identifier (a copy the caller owns)
     * @return an HRESULT
     */
    int queryIdentity(Out<byte[]> entryId);

    /**
     * Slot 17, Logoff (spec B.4, B.5, B.7). Never throws for a MAPI error.
     *
     * <p>Validation order (GEN-3): state ({@code MAPI_E_INVALID_OBJECT}), then flags outside
     * {@code MAPI_LOGOFF_VALID_MASK} ({@code MAPI_E_UNKNOWN_FLAGS}), then {@code reserved != 0}
     * ({@code MAPI_E_INVALID_PARAMETER}); a rejected call changes nothing (GEN-4).
     *
     * @param uiParam parent window; only used with {@code MAPI_LOGOFF_UI} (LOGOFF-UIPARAM-1)
     * @param flags {@code MAPI_LOGOFF_SHARED}, {@code MAPI_LOGOFF_UI}, both, or 0
     * @param reserved must be 0
     * @return an HRESULT
     */
    int logoff(long uiParam, int flags, int reserved);

    /**
     * Slot 18, SetDefaultStore.
     *
     * @param flags flags
     * @param entryId the store's entry identifier
     * @return an HRESULT
     */
    int setDefaultStore(int flags, byte[] entryId);

    /**
     * Slot 19, AdminServices.
     *
     * @param flags flags
     * @param serviceAdmin receives the service administration object
     * @return an HRESULT
     */
    int adminServices(int flags, Out<MapiUnknown> serviceAdmin);

    /**
     * Slot 20, ShowForm.
     *
     * @param uiParam parent window
     * @param messageStore the store
     * @param parentFolder the folder
     * @param iid the interface, {@code null} for the standard one
     * @param messageToken the token from {@link #prepareForm}
     * @param messageSent the message sent
     * @param flags flags
     * @param messageStatus status
     * @param messageFlags message flags
     * @param access access
     * @param messageClass the message class
     * @return an HRESULT
     */
    int showForm(long uiParam, MapiUnknown messageStore, MapiUnknown parentFolder, UUID iid,
            long messageToken, MapiUnknown messageSent, int flags, int messageStatus, int messageFlags,
            int access, String messageClass);

    /**
     * Slot 21, PrepareForm.
     *
     * @param iid the interface, {@code null} for the standard one
     * @param message the message
     * @param messageToken receives the token
     * @return an HRESULT
     */
    int prepareForm(UUID iid, MapiUnknown message, LongOut messageToken);
}
