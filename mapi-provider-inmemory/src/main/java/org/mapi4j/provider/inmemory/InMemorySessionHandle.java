package org.mapi4j.provider.inmemory;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_ENTRYID;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_ENTRYID;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.Iids;
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
 * One handle of an in-memory session. The {@link SessionGuard} owns the rules of state, Logoff
 * arguments, advise connections and reference counts; this class adds what the session offers
 * (identity, stores, profile sections, fast shutdown) and its part of logging off (shared sessions).
 */
final class InMemorySessionHandle implements MapiSessionHandle, SessionGuard.Effects {

    private final InMemoryProvider provider;
    private final UnderlyingSession session;
    private final SessionGuard guard;
    private final int logonFlags;

    InMemorySessionHandle(InMemoryProvider provider, UnderlyingSession session, int logonFlags) {
        this.provider = provider;
        this.session = session;
        this.logonFlags = logonFlags;
        this.guard = provider.instance().newSession(this);
    }

    SessionGuard guard() {
        return guard;
    }

    UnderlyingSession session() {
        return session;
    }

    /** @return whether this client asked for no mail flow (LOGON-8: per-client options of a joiner) */
    boolean noMail() {
        return (logonFlags & MapiConstants.MAPI_NO_MAIL) != 0;
    }

    // ---- SessionGuard.Effects ----

    @Override
    public int logoff(long uiParam, int flags, boolean explicit) {
        if (explicit) {
            // LOGOFF-4: the optional extended notification to this handle's own session-level sinks.
            guard.deliver(ExtendedNotification.LOGOFF, true);
            if ((flags & MapiConstants.MAPI_LOGOFF_SHARED) != 0) {
                // SHARED-5 (a) then (b); on an individual session nothing happens (SHARED-4).
                List<InMemorySessionHandle> others = session.beginSharedLogoff(this);
                if (session.isShared()) {
                    provider.unpublish(session);
                }
                for (InMemorySessionHandle other : others) {
                    if (other.guard.isLive()) {
                        other.guard.deliver(ErrorNotification.END_OF_SESSION, true);
                    }
                }
            }
        }
        if (session.leave(this) && session.isShared()) {
            provider.unpublish(session); // SHARED-3: the last participant ends and unpublishes it
        }
        return S_OK;
    }

    @Override
    public void destroy() {
        // Nothing native to free; the guard already cancelled registrations.
    }

    @Override
    public int checkObjectAdvise(byte[] entryId, int eventMask) {
        if (!EntryIds.isWellFormed(entryId)) {
            return MAPI_E_INVALID_ENTRYID;
        }
        if (!isKnown(entryId)) {
            return MAPI_E_UNKNOWN_ENTRYID;
        }
        return MAPI_E_NO_SUPPORT; // the simulated stores do not send object notifications
    }

    private boolean isKnown(byte[] entryId) {
        if (Arrays.equals(entryId, identityId())) {
            return true;
        }
        for (String store : session.profile.storeNames()) {
            if (Arrays.equals(entryId, storeId(store))) {
                return true;
            }
        }
        return false;
    }

    private byte[] identityId() {
        return EntryIds.make(EntryIds.IDENTITY, session.profile.name());
    }

    private byte[] storeId(String store) {
        return EntryIds.make(EntryIds.STORE, session.profile.name() + "/" + store);
    }

    // ---- IUnknown ----

    @Override
    public int queryInterface(UUID iid, Out<Object> ppv) {
        if (ppv != null) {
            ppv.set(null);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (iid == null || ppv == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (Iids.IID_IUNKNOWN.equals(iid) || Iids.IID_IMAPISESSION.equals(iid)) {
            guard.addRef();
            ppv.set(this);
            return S_OK;
        }
        if (Iids.IID_IMAPICLIENTSHUTDOWN.equals(iid)) {
            ppv.set(new InMemoryClientShutdown(guard, provider));
            return S_OK;
        }
        return MAPI_E_INTERFACE_NOT_SUPPORTED;
    }

    @Override
    public int addRef() {
        return guard.addRef();
    }

    @Override
    public int release() {
        return guard.release();
    }

    // ---- IMAPISession ----

    @Override
    public int getLastError(int hResult, int flags, Out<MapiError> error) {
        if (error != null) {
            error.set(null);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if ((flags & ~MapiConstants.MAPI_UNICODE) != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        return error == null ? MAPI_E_INVALID_PARAMETER : S_OK; // no extended information is kept
    }

    @Override
    public int getMsgStoresTable(int flags, Out<MapiTable> table) {
        if (table != null) {
            table.set(null);
        }
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
        List<List<PropValue>> rows = new ArrayList<>();
        List<String> stores = session.profile.storeNames();
        for (int i = 0; i < stores.size(); i++) {
            rows.add(List.of(new PropValue(PropTags.PR_ENTRYID, storeId(stores.get(i))),
                    new PropValue(PropTags.PR_DISPLAY_NAME, stores.get(i)),
                    new PropValue(PropTags.PR_DEFAULT_STORE, i == 0)));
        }
        table.set(new StoresTable(guard, rows));
        return S_OK;
    }

    @Override
    public int openMsgStore(long uiParam, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
        if (store != null) {
            store.set(null);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (store == null || entryId == null || entryId.length == 0) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (!EntryIds.isWellFormed(entryId)) {
            return MAPI_E_INVALID_ENTRYID;
        }
        List<String> stores = session.profile.storeNames();
        for (int i = 0; i < stores.size(); i++) {
            if (Arrays.equals(entryId, storeId(stores.get(i)))) {
                store.set(new PropObject(guard, List.of(new PropValue(PropTags.PR_ENTRYID, storeId(stores.get(i))),
                        new PropValue(PropTags.PR_DISPLAY_NAME, stores.get(i)),
                        new PropValue(PropTags.PR_DEFAULT_STORE, i == 0))));
                return S_OK;
            }
        }
        return MAPI_E_NOT_FOUND;
    }

    @Override
    public int openAddressBook(long uiParam, UUID iid, int flags, Out<MapiUnknown> addressBook) {
        return unsupported(addressBook);
    }

    @Override
    public int openProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section) {
        if (section != null) {
            section.set(null);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (section == null || (uid != null && uid.length != 16)) {
            return MAPI_E_INVALID_PARAMETER;
        }
        List<PropValue> properties = uid == null
                ? List.of(new PropValue(PropTags.PR_PROFILE_NAME, session.profile.name()))
                : List.of();
        section.set(new PropObject(guard, properties));
        return S_OK;
    }

    @Override
    public int getStatusTable(int flags, Out<MapiTable> table) {
        return unsupported(table);
    }

    @Override
    public int openEntry(byte[] entryId, UUID iid, int flags, IntOut objectType, Out<MapiUnknown> object) {
        if (objectType != null) {
            objectType.set(0);
        }
        return unsupported(object);
    }

    @Override
    public int compareEntryIDs(byte[] entryId1, byte[] entryId2, int flags, IntOut result) {
        if (result != null) {
            result.set(0);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (entryId1 == null || entryId2 == null || result == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        result.set(Arrays.equals(entryId1, entryId2) ? 1 : 0);
        return S_OK;
    }

    @Override
    public int advise(byte[] entryId, int eventMask, AdviseSink sink, LongOut connection) {
        return guard.advise(entryId, eventMask, sink, connection);
    }

    @Override
    public int unadvise(long connection) {
        return guard.unadvise(connection);
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
    public int queryIdentity(Out<byte[]> entryId) {
        if (entryId != null) {
            entryId.set(null);
        }
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        if (entryId == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        entryId.set(identityId());
        return S_OK;
    }

    @Override
    public int logoff(long uiParam, int flags, int reserved) {
        return guard.logoff(uiParam, flags, reserved);
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

    // State first (POSTLOGOFF-1), then the honest answer for what this provider does not offer.
    private int unsupported(Out<?> out) {
        if (out != null) {
            out.set(null);
        }
        int hr = guard.enter();
        return hr != S_OK ? hr : MAPI_E_NO_SUPPORT;
    }

    @Override
    public String toString() {
        return "InMemorySessionHandle[" + guard + ", profile=" + session.profile.name() + "]";
    }
}
