package org.mapi4j.provider.inmemory;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_ENTRYID;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_ENTRYID;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiError;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropTags;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.support.AbstractSessionHandle;
import org.mapi4j.spi.support.AdviseRegistration;
import org.mapi4j.spi.support.LogoffKind;
import org.mapi4j.spi.support.LogoffResult;
import org.mapi4j.spi.support.UserCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One handle of an in-memory session. The skeleton owns the rules of every slot, the Logoff
 * protocol, reference counts and advise bookkeeping; this class adds what the session offers
 * (identity, stores, profile sections, fast shutdown) and what logging off means here (shared
 * sessions, LOGOFF-4's notification).
 */
final class InMemorySessionHandle extends AbstractSessionHandle {

    private static final Logger LOG = LoggerFactory.getLogger(InMemorySessionHandle.class);

    private final InMemoryProvider provider;
    private final UnderlyingSession session;
    private final int logonFlags;

    InMemorySessionHandle(InMemoryProvider provider, UnderlyingSession session, int logonFlags) {
        super(provider);
        this.provider = provider;
        this.session = session;
        this.logonFlags = logonFlags;
    }

    UnderlyingSession session() {
        return session;
    }

    /** @return whether this client asked for no mail flow (LOGON-8: per-client options of a joiner) */
    boolean noMail() {
        return (logonFlags & MapiConstants.MAPI_NO_MAIL) != 0;
    }

    /** A handle made for a join that lost the race with the session's end: never handed out. */
    void discardUnused() {
        discard();
    }

    @Override
    protected LogoffResult doLogoff(long uiParam, int flags, LogoffKind kind) {
        VirtualMachineError fatal = null;
        try {
            // LOGOFF-4, for every way out of LOGGED_ON (decision 8): the own session-level sinks.
            deliver(ExtendedNotification.LOGOFF, true);
        } catch (VirtualMachineError e) {
            fatal = e;
        }
        if (kind == LogoffKind.EXPLICIT && (flags & MapiConstants.MAPI_LOGOFF_SHARED) != 0) {
            // SHARED-5 (a) then (b), once per end of the session (decision 11); nothing on an
            // individual session (SHARED-4).
            List<InMemorySessionHandle> others = session.beginSharedLogoff(this);
            if (session.isShared()) {
                provider.unpublish(session);
            }
            for (InMemorySessionHandle other : others) {
                try {
                    if (other.isLoggedOn()) {
                        other.deliver(ErrorNotification.END_OF_SESSION, true);
                    }
                } catch (VirtualMachineError e) {
                    fatal = UserCode.thrown(LOG, "Session " + other.id() + ": a shared-logoff sink", e, fatal);
                }
            }
        }
        if (session.leaveEndsSharedSession(this)) {
            provider.unpublish(session); // SHARED-3: the last participant ends and unpublishes it
        }
        UserCode.rethrow(fatal);
        return LogoffResult.done();
    }

    @Override
    protected boolean isSharedSession() {
        return session.isShared();
    }

    @Override
    protected int doQueryInterface(UUID iid, Out<Object> ppv) {
        if (Iids.IID_IMAPICLIENTSHUTDOWN.equals(iid)) {
            ppv.set(new InMemoryClientShutdown(this, provider));
            return S_OK;
        }
        return MAPI_E_INTERFACE_NOT_SUPPORTED;
    }

    @Override
    protected int doAdvise(byte[] entryId, int eventMask, AdviseRegistration registration) {
        if (entryId == null) {
            return super.doAdvise(null, eventMask, registration);
        }
        if (!EntryIds.isWellFormed(entryId)) {
            return MAPI_E_INVALID_ENTRYID;
        }
        // NOTIFY-3: the simulated stores send no object notifications.
        return isKnown(entryId) ? MAPI_E_NO_SUPPORT : MAPI_E_UNKNOWN_ENTRYID;
    }

    @Override
    protected int doGetLastError(int hResult, int flags, Out<MapiError> error) {
        return S_OK; // no extended information is kept: S_OK with NULL
    }

    @Override
    protected int doGetMsgStoresTable(int flags, Out<MapiTable> table) {
        List<String> stores = session.profile.storeNames();
        List<List<PropValue>> rows = new ArrayList<>(stores.size());
        for (int i = 0; i < stores.size(); i++) {
            rows.add(storeProperties(stores, i));
        }
        table.set(new StoresTable(this, rows));
        return S_OK;
    }

    @Override
    protected int doOpenMsgStore(long uiParam, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
        List<String> stores = session.profile.storeNames();
        for (int i = 0; i < stores.size(); i++) {
            if (Arrays.equals(entryId, storeId(stores.get(i)))) {
                store.set(new PropObject(this, storeProperties(stores, i)));
                return S_OK;
            }
        }
        return MAPI_E_UNKNOWN_ENTRYID; // any identifier that is none of its stores' (decision 8)
    }

    @Override
    protected int doOpenProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section) {
        List<PropValue> properties = uid == null
                ? List.of(new PropValue(PropTags.PR_PROFILE_NAME, session.profile.name()))
                : List.of();
        section.set(new PropObject(this, properties));
        return S_OK;
    }

    @Override
    protected int doCompareEntryIDs(byte[] entryId1, byte[] entryId2, IntOut result) {
        result.set(Arrays.equals(entryId1, entryId2) ? 1 : 0);
        return S_OK;
    }

    @Override
    protected int doQueryIdentity(Out<byte[]> entryId) {
        entryId.set(identityId());
        return S_OK;
    }

    private List<PropValue> storeProperties(List<String> stores, int index) {
        return List.of(new PropValue(PropTags.PR_ENTRYID, storeId(stores.get(index))),
                new PropValue(PropTags.PR_DISPLAY_NAME, stores.get(index)),
                new PropValue(PropTags.PR_DEFAULT_STORE, index == 0));
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

    @Override
    public String toString() {
        return super.toString() + "[profile=" + session.profile.name() + "]";
    }
}
