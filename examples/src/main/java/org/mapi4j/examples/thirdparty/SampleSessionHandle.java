package org.mapi4j.examples.thirdparty;

import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_ENTRYID;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropTags;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.support.AbstractSessionHandle;
import org.mapi4j.spi.support.LogoffKind;
import org.mapi4j.spi.support.LogoffResult;

/**
 * One IMAPISession handle of the sample provider. The skeleton it extends does every rule a handle
 * must follow (state, arguments, Logoff and its confirmation, reference counts, advise sinks); this
 * class adds only what the sample offers: the stores table, its one store, the profile section, the
 * identity, and what logging off means for a shared session. Every other slot answers
 * {@code MAPI_E_NO_SUPPORT}, the skeleton's default.
 */
final class SampleSessionHandle extends AbstractSessionHandle {

    private final SampleProvider provider;
    private final SampleSession session;

    SampleSessionHandle(SampleProvider provider, SampleSession session) {
        super(provider);
        this.provider = provider;
        this.session = session;
    }

    SampleSession session() {
        return session;
    }

    /** Delivers the end of a shared session to this handle's sinks (SHARED-5). */
    void endOfSession() {
        deliver(ErrorNotification.END_OF_SESSION, true);
    }

    @Override
    protected LogoffResult doLogoff(long uiParam, int flags, LogoffKind kind) {
        // Only an explicit Logoff with MAPI_LOGOFF_SHARED ends the session for the others.
        provider.leave(this, kind == LogoffKind.EXPLICIT && (flags & MapiConstants.MAPI_LOGOFF_SHARED) != 0);
        return LogoffResult.done();
    }

    @Override
    protected boolean isSharedSession() {
        return session.isShared();
    }

    @Override
    protected int doGetLastError(int hResult, int flags, Out<org.mapi4j.spi.MapiError> error) {
        return S_OK; // no extended error information: S_OK with NULL
    }

    @Override
    protected int doGetMsgStoresTable(int flags, Out<MapiTable> table) {
        table.set(new SampleStoresTable(this, List.of(storeRow())));
        return S_OK;
    }

    @Override
    protected int doOpenMsgStore(long uiParam, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
        if (!Arrays.equals(entryId, session.profile().storeEntryId())) {
            return MAPI_E_UNKNOWN_ENTRYID; // any identifier that is not its store's (decision 8)
        }
        store.set(new SampleProp(this, storeRow()));
        return S_OK;
    }

    @Override
    protected int doOpenProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section) {
        if (uid != null) {
            return MAPI_E_NO_SUPPORT; // only the profile's own section (NULL) exists here
        }
        section.set(new SampleProp(this, List.of(new PropValue(PropTags.PR_PROFILE_NAME, session.profile().name()))));
        return S_OK;
    }

    @Override
    protected int doCompareEntryIDs(byte[] entryId1, byte[] entryId2, IntOut result) {
        result.set(Arrays.equals(entryId1, entryId2) ? 1 : 0);
        return S_OK;
    }

    @Override
    protected int doQueryIdentity(Out<byte[]> entryId) {
        entryId.set(session.profile().identityEntryId());
        return S_OK;
    }

    private List<PropValue> storeRow() {
        SampleProfiles.Profile profile = session.profile();
        return List.of(new PropValue(PropTags.PR_ENTRYID, profile.storeEntryId()),
                new PropValue(PropTags.PR_DISPLAY_NAME, profile.storeName()),
                new PropValue(PropTags.PR_DEFAULT_STORE, Boolean.TRUE));
    }
}
