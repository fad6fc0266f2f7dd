package org.mapi4j.spi.support;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.UUID;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiError;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Notification;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skeleton of an IMAPISession handle: what every provider's handle shares, implemented once.
 *
 * <p>Every slot is final and follows one outline (GEN-3, GEN-4, decisions 6 to 8): out-parameters
 * are set to {@code null}/0 first; then the state ({@code MAPI_E_INVALID_OBJECT} once the handle
 * left {@code LOGGED_ON} or was finally released, POSTLOGOFF-1/4/6); then the slot's flags where
 * they are defined ({@code MAPI_E_UNKNOWN_FLAGS}); then required arguments and out-parameters
 * ({@code MAPI_E_INVALID_PARAMETER}); then the provider's {@code doX}, whose default answers
 * {@code MAPI_E_NO_SUPPORT}. IUnknown, reference counts (REL-1), advise bookkeeping (NOTIFY-1 to
 * NOTIFY-9) and the Logoff protocol (spec B.4 to B.7, decisions 3, 4, 9 to 11) are this class's
 * own; what logging off means for a provider is {@link #doLogoff}, and what it answers is a
 * {@link LogoffResult}.
 *
 * <p>A provider creates its handles in {@link AbstractMapiProvider#doLogon}. Thread-safe: a handle
 * may be used by many threads; no lock is held while the provider's code or user code runs.
 */
public abstract class AbstractSessionHandle extends SessionLifecycle implements MapiSessionHandle {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractSessionHandle.class);
    private static final VarHandle REGISTRY;

    static {
        try {
            REGISTRY = MethodHandles.lookup().findVarHandle(AbstractSessionHandle.class, "registry",
                    AdviseRegistry.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Made by the first Advise: most sessions never advise, and a logon should allocate little.
    private volatile AdviseRegistry registry;

    /**
     * A new handle, {@code LOGGED_ON} with one reference, tracked by its provider for INIT-8. Create
     * it from {@link AbstractMapiProvider#doLogon}.
     *
     * @param provider the provider whose instance it belongs to
     */
    protected AbstractSessionHandle(AbstractMapiProvider provider) {
        super(provider);
    }

    // ================================================================ what a provider supplies

    /**
     * What logging off means for this provider: for a shared session, unpublish and notify the other
     * participants (SHARED-5, only for {@link LogoffKind#EXPLICIT} with {@code MAPI_LOGOFF_SHARED});
     * LOGOFF-4's optional notification through {@link #deliver}; a native provider's Logoff call.
     * Called exactly once per handle, after it left {@code LOGGED_ON} for every other caller and
     * before its advise registrations are cancelled, with no lock held.
     *
     * @param uiParam the caller's {@code ulUIParam}, 0 for implicit logoffs
     * @param flags the validated Logoff flags, 0 for implicit logoffs
     * @param kind why the handle logs off
     * @return {@link LogoffResult#done()}, {@link LogoffResult#failed(int)} (logged off all the same,
     *     LOGOFF-3), or, only if {@link #confirmsLogoffItself()}, {@link LogoffResult#declined(int)}
     */
    protected abstract LogoffResult doLogoff(long uiParam, int flags, LogoffKind kind);

    /**
     * Frees what the handle holds, at its final Release, after the implicit logoff of REL-1 if it was
     * still logged on. Called exactly once. The default does nothing.
     */
    protected void doDestroy() {
    }

    /**
     * Whether this provider asks the confirmation of {@code MAPI_LOGOFF_UI} itself inside
     * {@link #doLogoff} (a native MAPI that shows its dialog or calls a hook bound to
     * {@link #logoffConfirmation()}). Then other callers wait for the answer while {@code doLogoff}
     * runs, unless it calls {@link #confirmationAccepted()}; a declined confirmation is reported as
     * {@link LogoffResult#declined(int)}. The default is {@code false}: the skeleton asks the
     * instance's {@link LogoffConfirmation} before {@code doLogoff}.
     *
     * @return whether the provider confirms by itself
     */
    protected boolean confirmsLogoffItself() {
        return false;
    }

    /**
     * Whether {@code MAPI_LOGOFF_SHARED} on this handle can reach other clients, so that the
     * {@code WARN} shared-logoff policy warns (SHARED-6). The default, {@code true}, suits a provider
     * that cannot tell; a provider that knows its individual sessions answers {@code false} for them.
     *
     * @return whether the handle belongs to a session others may share
     */
    protected boolean isSharedSession() {
        return true;
    }

    /**
     * QueryInterface for an interface other than IUnknown and IMAPISession, on a live handle with a
     * valid IID and out-parameter. The default answers {@code MAPI_E_INTERFACE_NOT_SUPPORTED}.
     *
     * @param iid the interface, not {@code null}
     * @param ppv receives the interface, with a reference for the caller
     * @return an HRESULT
     */
    protected int doQueryInterface(UUID iid, Out<Object> ppv) {
        return MAPI_E_INTERFACE_NOT_SUPPORTED;
    }

    /**
     * Advise after validation (NOTIFY-1 to NOTIFY-3): bind the registration to its connection number
     * with {@link AdviseRegistration#bind} and answer {@code S_OK}, or answer an error. The default
     * accepts session-level registrations ({@code entryId == null}) with a process-unique number and
     * answers {@code MAPI_E_NO_SUPPORT} for objects. The registration receives what
     * {@link #deliver} sends; a native provider delivers to it from its own sink.
     *
     * @param entryId {@code null}, or a non-empty copy of the object's entry identifier
     * @param eventMask the events wanted
     * @param registration the registration to bind
     * @return an HRESULT
     */
    protected int doAdvise(byte[] entryId, int eventMask, AdviseRegistration registration) {
        if (entryId != null) {
            return MAPI_E_NO_SUPPORT;
        }
        registration.bind(AdviseRegistration.nextConnectionNumber());
        return S_OK;
    }

    /**
     * Unadvise of a connection this handle registered and that is still active. The default answers
     * {@code S_OK}; a native provider unadvises natively. On success the skeleton cancels the
     * registration (NOTIFY-6).
     *
     * @param connection the connection number
     * @return an HRESULT
     */
    protected int doUnadvise(long connection) {
        return S_OK;
    }

    /**
     * Slot 3 after validation.
     * @param hResult the code
     * @param flags 0 or MAPI_UNICODE
     * @param error not null
     * @return an HRESULT
     */
    protected int doGetLastError(int hResult, int flags, Out<MapiError> error) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 4 after validation.
     * @param flags 0 or MAPI_UNICODE
     * @param table not null
     * @return an HRESULT
     */
    protected int doGetMsgStoresTable(int flags, Out<MapiTable> table) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 5 after validation; an entry identifier no store of the session has answers
     * {@code MAPI_E_UNKNOWN_ENTRYID} (decision 8).
     *
     * @param uiParam parent window
     * @param entryId a non-empty entry identifier
     * @param iid the interface
     *     or {@code null}
     * @param flags open flags
     * @param store not null
     * @return an HRESULT
     */
    protected int doOpenMsgStore(long uiParam, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 6 after validation.
     * @param uiParam parent window
     * @param iid interface
     * @param flags flags
     * @param addressBook not null
     * @return an HRESULT
     */
    protected int doOpenAddressBook(long uiParam, UUID iid, int flags, Out<MapiUnknown> addressBook) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 7 after validation.
     * @param uid {@code null} or 16 bytes
     * @param iid interface
     * @param flags flags
     * @param section not null
     * @return an HRESULT
     */
    protected int doOpenProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 8 after validation.
     * @param flags flags
     * @param table not null
     * @return an HRESULT
     */
    protected int doGetStatusTable(int flags, Out<MapiTable> table) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 9 after validation.
     * @param entryId the identifier
     * @param iid interface
     * @param flags flags
     * @param objectType not null
     * @param object not null
     * @return an HRESULT
     */
    protected int doOpenEntry(byte[] entryId, UUID iid, int flags, IntOut objectType, Out<MapiUnknown> object) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 10 after validation.
     * @param entryId1 not null
     * @param entryId2 not null
     * @param result not null
     * @return an HRESULT
     */
    protected int doCompareEntryIDs(byte[] entryId1, byte[] entryId2, IntOut result) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 13 after validation.
     * @param uiParam parent window
     * @param flags flags
     * @param addressType type
     * @param message message
     * @return an HRESULT
     */
    protected int doMessageOptions(long uiParam, int flags, String addressType, MapiUnknown message) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 14 after validation.
     * @param addressType type
     * @param flags flags
     * @param options not null
     * @return an HRESULT
     */
    protected int doQueryDefaultMessageOpt(String addressType, int flags, Out<List<PropValue>> options) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 15 after validation.
     * @param flags flags
     * @param addressTypes not null
     * @return an HRESULT
     */
    protected int doEnumAdrTypes(int flags, Out<List<String>> addressTypes) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 16 after validation.
     * @param entryId not null
     * @return an HRESULT
     */
    protected int doQueryIdentity(Out<byte[]> entryId) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 18 after validation.
     * @param flags flags
     * @param entryId the store
     * @return an HRESULT
     */
    protected int doSetDefaultStore(int flags, byte[] entryId) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 19 after validation.
     * @param flags flags
     * @param serviceAdmin not null
     * @return an HRESULT
     */
    protected int doAdminServices(int flags, Out<MapiUnknown> serviceAdmin) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 20 after validation.
     *
     * @param uiParam parent window
     * @param messageStore store
     * @param parentFolder folder
     * @param iid interface
     * @param messageToken token
     * @param messageSent message
     * @param flags flags
     * @param messageStatus status
     * @param messageFlags message flags
     * @param access access
     * @param messageClass class
     * @return an HRESULT
     */
    protected int doShowForm(long uiParam, MapiUnknown messageStore, MapiUnknown parentFolder, UUID iid,
            long messageToken, MapiUnknown messageSent, int flags, int messageStatus, int messageFlags,
            int access, String messageClass) {
        return MAPI_E_NO_SUPPORT;
    }

    /**
     * Slot 21 after validation.
     * @param iid interface
     * @param message message
     * @param messageToken not null
     * @return an HRESULT
     */
    protected int doPrepareForm(UUID iid, MapiUnknown message, LongOut messageToken) {
        return MAPI_E_NO_SUPPORT;
    }

    // ================================================================ what the skeleton offers providers

    /**
     * Delivers one notification to this handle's registrations that cover its event type (NOTIFY-1)
     * and are not cancelled, on the calling thread. What a sink throws is logged and delivery goes on
     * (decision 10); a {@link VirtualMachineError} is rethrown after every sink was called.
     *
     * @param notification the notification
     * @param sessionLevelOnly whether only registrations made with a {@code null} entry identifier
     *     receive it (session events: SHARED-5, LOGOFF-4)
     * @return how many sinks were called
     */
    protected final int deliver(Notification notification, boolean sessionLevelOnly) {
        AdviseRegistry current = registry;
        return current == null ? 0 : current.deliver(notification, sessionLevelOnly);
    }

    /**
     * For a provider that {@link #confirmsLogoffItself()}: call from inside {@link #doLogoff} once the
     * confirmation accepted, so that other Logoff callers stop waiting for the answer.
     */
    protected final void confirmationAccepted() {
        acceptedByProvider();
    }

    /**
     * Ends a handle the provider created but will not hand out (for example a join that lost a race
     * with the end of the session): {@code INVALIDATED} without logoff processing, then released.
     */
    protected final void discard() {
        invalidate(false);
        release();
    }

    /** {@return the instance's logoff confirmation (decision 3), or {@code null}} */
    protected final LogoffConfirmation logoffConfirmation() {
        return provider.logoffConfirmation();
    }

    /** {@return the generation of the instance this handle was created in (see {@link AbstractMapiProvider})} */
    protected final long instanceGeneration() {
        return generation;
    }

    /** {@return the number of active advise registrations (diagnostics and tests)} */
    public final int registrationCount() {
        AdviseRegistry current = registry;
        return current == null ? 0 : current.size();
    }

    /** {@return the current reference count, 0 once finally released (diagnostics and tests)} */
    public final int references() {
        return referenceCount();
    }

    // ================================================================ IUnknown

    /** IUnknown::QueryInterface (POSTLOGOFF-4, FAST-1): IUnknown and IMAPISession are this handle. */
    @Override
    public final int queryInterface(UUID iid, Out<Object> ppv) {
        if (ppv != null) {
            ppv.set(null);
        }
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        if (iid == null || ppv == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (Iids.IID_IUNKNOWN.equals(iid) || Iids.IID_IMAPISESSION.equals(iid)) {
            addRef();
            ppv.set(this);
            return S_OK;
        }
        return doQueryInterface(iid, ppv);
    }

    // addRef() and release() are ReferenceCounted's.

    // ================================================================ IMAPISession

    @Override
    public final int getLastError(int hResult, int flags, Out<MapiError> error) {
        clear(error);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        if ((flags & ~MapiConstants.MAPI_UNICODE) != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        return error == null ? MAPI_E_INVALID_PARAMETER : doGetLastError(hResult, flags, error);
    }

    @Override
    public final int getMsgStoresTable(int flags, Out<MapiTable> table) {
        clear(table);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        if ((flags & ~MapiConstants.MAPI_UNICODE) != 0) {
            return MAPI_E_UNKNOWN_FLAGS;
        }
        return table == null ? MAPI_E_INVALID_PARAMETER : doGetMsgStoresTable(flags, table);
    }

    @Override
    public final int openMsgStore(long uiParam, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
        clear(store);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        if (store == null || entryId == null || entryId.length == 0) {
            return MAPI_E_INVALID_PARAMETER;
        }
        return doOpenMsgStore(uiParam, entryId, iid, flags, store);
    }

    @Override
    public final int openAddressBook(long uiParam, UUID iid, int flags, Out<MapiUnknown> addressBook) {
        clear(addressBook);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        return addressBook == null ? MAPI_E_INVALID_PARAMETER : doOpenAddressBook(uiParam, iid, flags, addressBook);
    }

    @Override
    public final int openProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section) {
        clear(section);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        if (section == null || (uid != null && uid.length != 16)) {
            return MAPI_E_INVALID_PARAMETER; // a MAPIUID is 16 bytes
        }
        return doOpenProfileSection(uid, iid, flags, section);
    }

    @Override
    public final int getStatusTable(int flags, Out<MapiTable> table) {
        clear(table);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        return table == null ? MAPI_E_INVALID_PARAMETER : doGetStatusTable(flags, table);
    }

    @Override
    public final int openEntry(byte[] entryId, UUID iid, int flags, IntOut objectType, Out<MapiUnknown> object) {
        if (objectType != null) {
            objectType.set(0);
        }
        clear(object);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        if (objectType == null || object == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        return doOpenEntry(entryId, iid, flags, objectType, object);
    }

    @Override
    public final int compareEntryIDs(byte[] entryId1, byte[] entryId2, int flags, IntOut result) {
        if (result != null) {
            result.set(0);
        }
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        if (flags != 0) {
            return MAPI_E_UNKNOWN_FLAGS; // the flags are reserved (decision 8)
        }
        if (entryId1 == null || entryId2 == null || result == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        return doCompareEntryIDs(entryId1, entryId2, result);
    }

    @Override
    public final int advise(byte[] entryId, int eventMask, AdviseSink sink, LongOut connection) {
        if (connection != null) {
            connection.set(0);
        }
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        if (sink == null || connection == null || (entryId != null && entryId.length == 0)) {
            return MAPI_E_INVALID_PARAMETER; // NOTIFY-2
        }
        AdviseRegistration registration = new AdviseRegistration(id(), eventMask, entryId == null, sink);
        hr = doAdvise(entryId == null ? null : entryId.clone(), eventMask, registration);
        if (!HResult.succeeded(hr)) {
            return hr;
        }
        if (registration.connection() == 0) {
            LOG.error("Session {}: doAdvise answered {} without binding a connection number", id(), HResult.describe(hr));
            return MAPI_E_CALL_FAILED; // GEN-5: a provider's fault is an HRESULT, never an exception
        }
        registration.addSinkReference(); // NOTIFY-5
        AdviseRegistry current = registry();
        if (!current.add(registration)) {
            // A Logoff took effect meanwhile: the registration is over already, as if it came first.
            UserCode.rethrow(registration.cancel());
        } else if (!isLive()) {
            // A Logoff reached its final state meanwhile. It reads the registry only after writing
            // that state, and this reads the state only after publishing the registry, so it either
            // saw this registry and closes it, or this sees its state: do its part (idempotent).
            UserCode.rethrow(current.closeAndCancelAll());
        }
        connection.set(registration.connection());
        return hr;
    }

    @Override
    public final int unadvise(long connection) {
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        AdviseRegistry current = registry;
        AdviseRegistration registration = current == null ? null : current.get(connection);
        if (registration == null) {
            // NOTIFY-7: 0, unknown, another handle's or cancelled; or ended by a racing Logoff (LOGOFF-5).
            return checkLoggedOn() != S_OK ? MAPI_E_INVALID_OBJECT : MAPI_E_NOT_FOUND;
        }
        hr = doUnadvise(connection);
        if (HResult.succeeded(hr)) {
            if (!current.remove(connection, registration)) {
                return checkLoggedOn() != S_OK ? MAPI_E_INVALID_OBJECT : MAPI_E_NOT_FOUND;
            }
            UserCode.rethrow(registration.cancel()); // NOTIFY-6
        }
        return hr;
    }

    @Override
    public final int messageOptions(long uiParam, int flags, String addressType, MapiUnknown message) {
        int hr = checkLoggedOn();
        return hr != S_OK ? hr : doMessageOptions(uiParam, flags, addressType, message);
    }

    @Override
    public final int queryDefaultMessageOpt(String addressType, int flags, Out<List<PropValue>> options) {
        clear(options);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        return options == null ? MAPI_E_INVALID_PARAMETER : doQueryDefaultMessageOpt(addressType, flags, options);
    }

    @Override
    public final int enumAdrTypes(int flags, Out<List<String>> addressTypes) {
        clear(addressTypes);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        return addressTypes == null ? MAPI_E_INVALID_PARAMETER : doEnumAdrTypes(flags, addressTypes);
    }

    @Override
    public final int queryIdentity(Out<byte[]> entryId) {
        clear(entryId);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        return entryId == null ? MAPI_E_INVALID_PARAMETER : doQueryIdentity(entryId);
    }

    /** IMAPISession::Logoff: the one protocol of {@link SessionLifecycle}. Never throws for a MAPI error. */
    @Override
    public final int logoff(long uiParam, int flags, int reserved) {
        return logoffCall(uiParam, flags, reserved);
    }

    @Override
    public final int setDefaultStore(int flags, byte[] entryId) {
        int hr = checkLoggedOn();
        return hr != S_OK ? hr : doSetDefaultStore(flags, entryId);
    }

    @Override
    public final int adminServices(int flags, Out<MapiUnknown> serviceAdmin) {
        clear(serviceAdmin);
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        return serviceAdmin == null ? MAPI_E_INVALID_PARAMETER : doAdminServices(flags, serviceAdmin);
    }

    @Override
    public final int showForm(long uiParam, MapiUnknown messageStore, MapiUnknown parentFolder, UUID iid,
            long messageToken, MapiUnknown messageSent, int flags, int messageStatus, int messageFlags,
            int access, String messageClass) {
        int hr = checkLoggedOn();
        return hr != S_OK ? hr : doShowForm(uiParam, messageStore, parentFolder, iid, messageToken, messageSent,
                flags, messageStatus, messageFlags, access, messageClass);
    }

    @Override
    public final int prepareForm(UUID iid, MapiUnknown message, LongOut messageToken) {
        if (messageToken != null) {
            messageToken.set(0);
        }
        int hr = checkLoggedOn();
        if (hr != S_OK) {
            return hr;
        }
        return messageToken == null ? MAPI_E_INVALID_PARAMETER : doPrepareForm(iid, message, messageToken);
    }

    // ================================================================ plumbing

    private static void clear(Out<?> out) {
        if (out != null) {
            out.set(null);
        }
    }

    private AdviseRegistry registry() {
        AdviseRegistry current = registry;
        if (current == null) {
            AdviseRegistry made = new AdviseRegistry();
            current = (AdviseRegistry) REGISTRY.compareAndExchange(this, null, made);
            if (current == null) {
                current = made;
            }
        }
        return current;
    }

    @Override
    final LogoffResult runDoLogoff(long uiParam, int flags, LogoffKind kind) {
        return doLogoff(uiParam, flags, kind);
    }

    @Override
    final boolean providerConfirms() {
        return confirmsLogoffItself();
    }

    @Override
    final boolean sharedSession() {
        return isSharedSession();
    }

    @Override
    final VirtualMachineError cancelRegistrations() {
        // Called after the final state was written. Never advised: nothing to cancel, and nothing
        // written (a racing Advise sees the final state after publishing its registry, see advise).
        AdviseRegistry current = registry;
        return current == null ? null : current.closeAndCancelAll();
    }

    @Override
    final void runDoDestroy() {
        doDestroy();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id() + ", " + handleState() + ", refs=" + references() + "]";
    }
}
