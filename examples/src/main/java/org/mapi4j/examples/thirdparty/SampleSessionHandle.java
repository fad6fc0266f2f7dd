package org.mapi4j.examples.thirdparty;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_ENTRYID;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_ENTRYID;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.InstanceGuard;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiError;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropTags;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.SessionGuard;

/**
 * One IMAPISession handle of the sample provider. The {@link SessionGuard} does the handle rules
 * (state, Logoff arguments and confirmation, reference counts, advise connections); this class adds
 * the little the sample offers: the stores table, its one store, the profile section and the
 * identity. Every other slot answers {@code MAPI_E_NO_SUPPORT} (after the state check, so that it
 * answers {@code MAPI_E_INVALID_OBJECT} once logged off, POSTLOGOFF-1).
 */
final class SampleSessionHandle implements MapiSessionHandle {

    private final SampleProvider provider;
    private final SampleSession session;
    private final SessionGuard guard;

    SampleSessionHandle(SampleProvider provider, SampleSession session, InstanceGuard instance) {
        this.provider = provider;
        this.session = session;
        this.guard = instance.newSession(new SessionGuard.Effects() {
            @Override
            public int logoff(long uiParam, int flags, boolean explicit) {
                // Only an explicit Logoff with MAPI_LOGOFF_SHARED ends the session for the others;
                // the implicit logoffs of REL-1 and INIT-8 never notify.
                provider.leave(SampleSessionHandle.this,
                        explicit && (flags & MapiConstants.MAPI_LOGOFF_SHARED) != 0);
                return S_OK;
            }

            @Override
            public void destroy() {
                // Nothing native to free: the garbage collector takes the handle.
            }
        });
    }

    SampleSession session() {
        return session;
    }

    SessionGuard guard() {
        return guard;
    }

    @Override
    public int queryInterface(UUID iid, Out<Object> ppv) {
        if (ppv != null) {
            ppv.set(null);
        }
        int hr = guard.enter(); // POSTLOGOFF-4: every IID fails once logged off
        if (hr != S_OK) {
            return hr;
        }
        if (ppv == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        // No IMAPIClientShutdown: the sample does not offer fast shutdown (FAST-1).
        if (!Iids.IID_IUNKNOWN.equals(iid) && !Iids.IID_IMAPISESSION.equals(iid)) {
            return MAPI_E_INTERFACE_NOT_SUPPORTED;
        }
        guard.addRef();
        ppv.set(this);
        return S_OK;
    }

    @Override
    public int addRef() {
        return guard.addRef();
    }

    @Override
    public int release() {
        return guard.release();
    }

    @Override
    public int getLastError(int hResult, int flags, Out<MapiError> error) {
        clear(error);
        int hr = guard.enter();
        if (hr == S_OK && (flags & ~MapiConstants.MAPI_UNICODE) != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        return hr; // S_OK with NULL: the sample keeps no extended error information
    }

    @Override
    public int getMsgStoresTable(int flags, Out<MapiTable> table) {
        clear(table);
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if ((flags & ~MapiConstants.MAPI_UNICODE) != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        if (table == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        table.set(new SampleStoresTable(guard.newChild(null), session.profile()));
        return S_OK;
    }

    @Override
    public int openMsgStore(long uiParam, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
        clear(store);
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (store == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (!SampleProfiles.isOurs(entryId)) {
            return MAPI_E_INVALID_ENTRYID;
        }
        SampleProfiles.Profile profile = session.profile();
        if (!Arrays.equals(entryId, profile.storeEntryId())) {
            return MAPI_E_UNKNOWN_ENTRYID;
        }
        store.set(new SampleProp(guard.newChild(null), List.of(
                new PropValue(PropTags.PR_ENTRYID, profile.storeEntryId()),
                new PropValue(PropTags.PR_DISPLAY_NAME, profile.storeName()),
                new PropValue(PropTags.PR_DEFAULT_STORE, Boolean.TRUE))));
        return S_OK;
    }

    @Override
    public int openProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section) {
        clear(section);
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (uid != null) {
            return MAPI_E_NO_SUPPORT; // only the profile's own section (NULL) exists here
        }
        if (section == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        section.set(new SampleProp(guard.newChild(null),
                List.of(new PropValue(PropTags.PR_PROFILE_NAME, session.profile().name()))));
        return S_OK;
    }

    @Override
    public int compareEntryIDs(byte[] entryId1, byte[] entryId2, int flags, IntOut result) {
        clear(result);
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (flags != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        if (entryId1 == null || entryId2 == null || result == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        result.set(Arrays.equals(entryId1, entryId2) ? 1 : 0);
        return S_OK;
    }

    @Override
    public int advise(byte[] entryId, int eventMask, AdviseSink sink, LongOut connection) {
        return guard.advise(entryId, eventMask, sink, connection); // objects: MAPI_E_NO_SUPPORT (NOTIFY-3)
    }

    @Override
    public int unadvise(long connection) {
        return guard.unadvise(connection);
    }

    @Override
    public int queryIdentity(Out<byte[]> entryId) {
        clear(entryId);
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (entryId == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        entryId.set(session.profile().identityEntryId());
        return S_OK;
    }

    @Override
    public int logoff(long uiParam, int flags, int reserved) {
        return guard.logoff(uiParam, flags, reserved);
    }

    // What the sample does not offer: the state check first, then MAPI_E_NO_SUPPORT.

    @Override
    public int openAddressBook(long uiParam, UUID iid, int flags, Out<MapiUnknown> addressBook) {
        return unsupported(addressBook);
    }

    @Override
    public int getStatusTable(int flags, Out<MapiTable> table) {
        return unsupported(table);
    }

    @Override
    public int openEntry(byte[] entryId, UUID iid, int flags, IntOut objectType, Out<MapiUnknown> object) {
        clear(objectType);
        return unsupported(object);
    }

    @Override
    public int messageOptions(long uiParam, int flags, String addressType, MapiUnknown message) {
        return unsupported(null);
    }

    @Override
    public int queryDefaultMessageOpt(String addressType, int flags, Out<List<PropValue>> options) {
        return unsupported(options);
    }

    @Override
    public int enumAdrTypes(int flags, Out<List<String>> addressTypes) {
        return unsupported(addressTypes);
    }

    @Override
    public int setDefaultStore(int flags, byte[] entryId) {
        return unsupported(null);
    }

    @Override
    public int adminServices(int flags, Out<MapiUnknown> serviceAdmin) {
        return unsupported(serviceAdmin);
    }

    @Override
    public int showForm(long uiParam, MapiUnknown messageStore, MapiUnknown parentFolder, UUID iid,
            long messageToken, MapiUnknown messageSent, int flags, int messageStatus, int messageFlags,
            int access, String messageClass) {
        return unsupported(null);
    }

    @Override
    public int prepareForm(UUID iid, MapiUnknown message, LongOut messageToken) {
        if (messageToken != null) {
            messageToken.set(0);
        }
        return unsupported(null);
    }

    @Override
    public String toString() {
        return "SampleSessionHandle[" + session.profile().name() + ", " + guard + "]";
    }

    private int unsupported(Out<?> out) {
        clear(out);
        int hr = guard.enter();
        return hr != S_OK ? hr : MAPI_E_NO_SUPPORT;
    }

    private static void clear(Out<?> out) {
        if (out != null) {
            out.set(null);
        }
    }

    private static void clear(IntOut out) {
        if (out != null) {
            out.set(0);
        }
    }
}
