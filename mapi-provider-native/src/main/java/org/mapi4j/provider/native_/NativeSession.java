package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
import static org.mapi4j.spi.HResult.S_OK;

import com.sun.jna.Pointer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiError;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.SessionGuard;

/**
 * IMAPISession through its 22-slot vtable (spec A.3; slot indices are {@link MapiSessionHandle.Slot}).
 *
 * <p>Every method first asks the {@link SessionGuard} (GEN-1: state, Logoff arguments, the
 * shared-logoff policy, linearizable Logoff, reference counts), then pins the native object
 * ({@link ComObject#enter()}), then calls the slot with {@code this} first and returns native's
 * HRESULT unchanged (GEN-2). The Java object owns exactly one native reference: AddRef and Release
 * count in the guard, and the guard's final Release gives the native one up exactly once, after
 * every call in flight has left ({@link CallGate}). Logoff asks the confirmation through the
 * library ({@link LogoffConfirmationBridge}); advise sinks are {@link NativeAdviseSink}s.
 */
final class NativeSession implements MapiSessionHandle, SessionGuard.Effects {

    private static final VarHandle CONNECTIONS;

    static {
        try {
            CONNECTIONS = MethodHandles.lookup().findVarHandle(NativeSession.class, "connections",
                    AdviseConnections.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final NativeProvider provider;
    private final ComObject com;
    private final SessionGuard guard;
    // Made by the first Advise: most sessions never advise, and a logon should allocate little.
    private volatile AdviseConnections connections;

    /** Takes over the one reference MAPILogonEx returned. Call it inside {@code InstanceGuard.logon}. */
    NativeSession(NativeProvider provider, Pointer self) {
        this.provider = provider;
        this.com = new ComObject(self, Slot.COUNT, provider.outstanding(), provider.vtables());
        this.guard = provider.instance().newSession(this);
    }

    SessionGuard guard() {
        return guard;
    }

    /** @return the interface pointer (tests) */
    Pointer comPointer() {
        return com.pointer();
    }

    /** @return the number of active advise connections (tests) */
    int connectionCount() {
        AdviseConnections current = connections;
        return current == null ? 0 : current.size();
    }

    // The connections, made by the first Advise; AdviseConnections.CLOSED if the logoff came first.
    private AdviseConnections connections() {
        AdviseConnections current = connections;
        if (current == null) {
            AdviseConnections made = new AdviseConnections();
            current = (AdviseConnections) CONNECTIONS.compareAndExchange(this, null, made);
            if (current == null) {
                current = made;
            }
        }
        return current;
    }

    // GEN-3 step 1 in the guard, then the pin that keeps the native object alive for this call.
    private int begin() {
        int hr = guard.enter();
        if (hr != S_OK) {
            return hr;
        }
        return com.enter() ? S_OK : MAPI_E_INVALID_OBJECT;
    }

    // ---- SessionGuard.Effects ----

    @Override
    public boolean confirmsLogoffItself() {
        // MAPI answers MAPI_LOGOFF_UI itself: real MAPI with its dialog, the reference library with
        // the hook bound to the LogoffConfirmation. The flag is passed through unchanged (GEN-2).
        return true;
    }

    @Override
    public int logoff(long uiParam, int flags, boolean explicit) {
        long ui = explicit ? uiParam : 0;
        int logoffFlags = explicit ? flags : 0; // REL-1 and INIT-8 are a plain Logoff(0, 0, 0)
        boolean askUi = (logoffFlags & MapiConstants.MAPI_LOGOFF_UI) != 0;
        if (!com.enter()) {
            // Only when a final Release raced this Logoff: native Release logs the handle off (REL-1).
            endAllConnections();
            return S_OK;
        }
        ReferenceControl control = provider.control();
        LogoffConfirmationBridge.Context context = null;
        int hr;
        try {
            if (askUi) {
                if (control != null) {
                    LogoffConfirmationBridge.install(control);
                }
                // Only a Logoff with MAPI_LOGOFF_UI calls the hook (LOGOFF-UIPARAM-1); without it there
                // is nothing to tell the hook, and no context to allocate on every logoff.
                context = LogoffConfirmationBridge.begin(provider.instance().logoffConfirmation(), guard.id());
            }
            // ulReserved is 0: the guard rejected anything else (LOGOFF-RESERVED-1).
            hr = com.call(Slot.LOGOFF, Abi.ulongPtr(ui), logoffFlags, 0);
        } finally {
            if (context != null) {
                LogoffConfirmationBridge.end(context);
            }
            com.exit();
        }
        // Without the reference library's hook, MAPI's own dialog answered; a cancel there keeps the session.
        boolean kept = (context != null && context.declined())
                || (askUi && control == null && hr == MAPI_E_USER_CANCEL);
        if (kept) {
            guard.keepLoggedOn(); // LOGOFF-UI-2/3: nothing changed
            return hr;
        }
        endAllConnections(); // LOGOFF-1(a) on the Java side: late native notifications are dropped
        return hr; // LOGOFF-3: logged off whatever native returned
    }

    @Override
    public void destroy() {
        endAllConnections(); // a fast shutdown (FAST-5) skips logoff processing
        com.release();
    }

    private void endAllConnections() {
        // Never advised: the shared closed set shuts out an Advise racing this logoff, allocating nothing.
        AdviseConnections current = connections;
        if (current == null) {
            current = (AdviseConnections) CONNECTIONS.compareAndExchange(this, null, AdviseConnections.CLOSED);
        }
        if (current == null || current == AdviseConnections.CLOSED) {
            return; // never advised, or ended already: nothing to cancel, and no lock on the shared set
        }
        for (NativeAdviseSink sink : current.closeAll()) {
            sink.cancel();
        }
    }

    // ---- IUnknown ----

    @Override
    public int queryInterface(UUID iid, Out<Object> ppv) {
        if (ppv != null) {
            ppv.set(null);
        }
        int hr = guard.enter(); // POSTLOGOFF-4
        if (hr != S_OK) {
            return hr;
        }
        if (iid == null || ppv == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        if (Iids.IID_IUNKNOWN.equals(iid) || Iids.IID_IMAPISESSION.equals(iid)) {
            guard.addRef(); // the same Java object, which owns the one native reference
            ppv.set(this);
            return S_OK;
        }
        Function<Pointer, Object> wrap = Iids.IID_IMAPICLIENTSHUTDOWN.equals(iid)
                ? p -> new NativeClientShutdown(provider, guard, p)
                : p -> new NativeUnknown(provider, guard, p);
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            return open(ppv, wrap, Slot.QUERY_INTERFACE, scratch.guid(iid));
        } finally {
            scratch.reset(mark);
        }
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
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        try {
            if (error == null) {
                return MAPI_E_INVALID_PARAMETER;
            }
            Pointer p;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer out = scratch.pointerOut();
                hr = com.call(Slot.GET_LAST_ERROR, hResult, flags, out);
                p = out.getPointer(0);
            } finally {
                scratch.reset(mark);
            }
            if (p != null) {
                try {
                    if (HResult.succeeded(hr)) {
                        error.set(Notifications.mapiError(p, (flags & MapiConstants.MAPI_UNICODE) != 0));
                    }
                } finally {
                    provider.binding().freeBuffer(p);
                }
            }
            return hr;
        } finally {
            com.exit();
        }
    }

    @Override
    public int getMsgStoresTable(int flags, Out<MapiTable> table) {
        return open(table, p -> new NativeTable(provider, guard, p), Slot.GET_MSG_STORES_TABLE, flags);
    }

    @Override
    public int openMsgStore(long uiParam, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            return open(store, p -> new NativeProp(provider, guard, p), Slot.OPEN_MSG_STORE, Abi.ulongPtr(uiParam),
                    length(entryId), scratch.bytes(entryId), scratch.guid(iid), flags);
        } finally {
            scratch.reset(mark);
        }
    }

    @Override
    public int openAddressBook(long uiParam, UUID iid, int flags, Out<MapiUnknown> addressBook) {
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            return open(addressBook, p -> new NativeUnknown(provider, guard, p), Slot.OPEN_ADDRESS_BOOK,
                    Abi.ulongPtr(uiParam), scratch.guid(iid), flags);
        } finally {
            scratch.reset(mark);
        }
    }

    @Override
    public int openProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section) {
        if (uid != null && uid.length != 16) {
            if (section != null) {
                section.set(null);
            }
            int hr = guard.enter();
            return hr != S_OK ? hr : MAPI_E_INVALID_PARAMETER; // a MAPIUID is 16 bytes; native reads 16
        }
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            return open(section, p -> new NativeProp(provider, guard, p), Slot.OPEN_PROFILE_SECTION,
                    scratch.bytes(uid), scratch.guid(iid), flags);
        } finally {
            scratch.reset(mark);
        }
    }

    @Override
    public int getStatusTable(int flags, Out<MapiTable> table) {
        return open(table, p -> new NativeTable(provider, guard, p), Slot.GET_STATUS_TABLE, flags);
    }

    @Override
    public int openEntry(byte[] entryId, UUID iid, int flags, IntOut objectType, Out<MapiUnknown> object) {
        if (objectType != null) {
            objectType.set(0);
        }
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            Pointer type = scratch.ulongOut();
            int hr = open(object, p -> new NativeUnknown(provider, guard, p), Slot.OPEN_ENTRY, length(entryId),
                    scratch.bytes(entryId), scratch.guid(iid), flags, type);
            if (HResult.succeeded(hr) && objectType != null) {
                objectType.set(type.getInt(0));
            }
            return hr;
        } finally {
            scratch.reset(mark);
        }
    }

    @Override
    public int compareEntryIDs(byte[] entryId1, byte[] entryId2, int flags, IntOut result) {
        if (result != null) {
            result.set(0);
        }
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        try {
            if (result == null) {
                return MAPI_E_INVALID_PARAMETER;
            }
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer id1 = scratch.bytes(entryId1);
                // The same array twice (an identifier compared with itself) needs one copy: native only reads it.
                Pointer id2 = entryId2 == entryId1 ? id1 : scratch.bytes(entryId2);
                Pointer out = scratch.ulongOut();
                hr = com.call(Slot.COMPARE_ENTRY_IDS, length(entryId1), id1, length(entryId2), id2, flags, out);
                if (HResult.succeeded(hr)) {
                    result.set(out.getInt(0));
                }
                return hr;
            } finally {
                scratch.reset(mark);
            }
        } finally {
            com.exit();
        }
    }

    @Override
    public int advise(byte[] entryId, int eventMask, AdviseSink sink, LongOut connection) {
        if (connection != null) {
            connection.set(0);
        }
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        NativeAdviseSink nativeSink = null;
        try {
            // NOTIFY-2, in front of native code: real MAPI's answer to these is undocumented.
            if (sink == null || connection == null || (entryId != null && entryId.length == 0)) {
                return MAPI_E_INVALID_PARAMETER;
            }
            nativeSink = NativeAdviseSink.create(sink, guard.id());
            long number;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer out = scratch.pointerOut(); // ABI-5: 8 bytes, zeroed
                hr = com.call(Slot.ADVISE, length(entryId), scratch.bytes(entryId), eventMask, nativeSink.pointer(),
                        out);
                number = Abi.readUlongPtr(out, 0);
            } finally {
                scratch.reset(mark);
            }
            if (HResult.succeeded(hr)) {
                nativeSink.advised();
                if (!connections().add(number, nativeSink)) {
                    nativeSink.cancel(); // logged off meanwhile: the registration is already over
                }
                connection.set(number);
            } else {
                nativeSink.cancel();
            }
            return hr;
        } finally {
            if (nativeSink != null) {
                nativeSink.release(); // MAPI holds its own reference while registered (NOTIFY-5)
            }
            com.exit();
        }
    }

    @Override
    public int unadvise(long connection) {
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        try {
            AdviseConnections current = connections;
            NativeAdviseSink sink = current == null ? null : current.get(connection);
            if (sink == null) {
                // A Logoff that took effect meanwhile ended it: answer as if it came first (LOGOFF-5).
                // Otherwise NOTIFY-7: 0, unknown, another handle's or cancelled.
                return guard.enter() != S_OK ? MAPI_E_INVALID_OBJECT : MAPI_E_NOT_FOUND;
            }
            hr = com.call(Slot.UNADVISE, Abi.ulongPtr(connection));
            if (HResult.succeeded(hr)) {
                current.remove(connection, sink);
                sink.cancel(); // NOTIFY-6: nothing more reaches the Java sink
            }
            return hr;
        } finally {
            com.exit();
        }
    }

    @Override
    public int messageOptions(long uiParam, int flags, String addressType, MapiUnknown message) {
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        Pins pins = new Pins();
        try {
            hr = pins.pin(message);
            if (hr != S_OK) {
                return hr;
            }
            boolean unicode = (flags & MapiConstants.MAPI_UNICODE) != 0;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                return com.call(Slot.MESSAGE_OPTIONS, Abi.ulongPtr(uiParam), flags, scratch.tstr(addressType, unicode),
                        pins.pointer(message));
            } finally {
                scratch.reset(mark);
            }
        } finally {
            pins.unpinAll();
            com.exit();
        }
    }

    @Override
    public int queryDefaultMessageOpt(String addressType, int flags, Out<List<PropValue>> options) {
        if (options != null) {
            options.set(null);
        }
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        try {
            if (options == null) {
                return MAPI_E_INVALID_PARAMETER;
            }
            boolean unicode = (flags & MapiConstants.MAPI_UNICODE) != 0;
            Pointer values;
            int n;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer count = scratch.ulongOut();
                Pointer array = scratch.pointerOut();
                hr = com.call(Slot.QUERY_DEFAULT_MESSAGE_OPT, scratch.tstr(addressType, unicode), flags, count, array);
                values = array.getPointer(0);
                n = count.getInt(0);
            } finally {
                scratch.reset(mark);
            }
            if (values != null) {
                try {
                    if (HResult.succeeded(hr)) {
                        options.set(PropValues.readArray(values, n));
                    }
                } finally {
                    provider.binding().freeBuffer(values);
                }
            }
            return hr;
        } finally {
            com.exit();
        }
    }

    @Override
    public int enumAdrTypes(int flags, Out<List<String>> addressTypes) {
        if (addressTypes != null) {
            addressTypes.set(null);
        }
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        try {
            if (addressTypes == null) {
                return MAPI_E_INVALID_PARAMETER;
            }
            Pointer types;
            int n;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer count = scratch.ulongOut();
                Pointer array = scratch.pointerOut();
                hr = com.call(Slot.ENUM_ADR_TYPES, flags, count, array);
                types = array.getPointer(0);
                n = count.getInt(0);
            } finally {
                scratch.reset(mark);
            }
            if (types != null) {
                try {
                    if (HResult.succeeded(hr)) {
                        boolean unicode = (flags & MapiConstants.MAPI_UNICODE) != 0;
                        List<String> result = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            result.add(Abi.readTstr(types.getPointer((long) i * Abi.POINTER_SIZE), unicode));
                        }
                        addressTypes.set(result);
                    }
                } finally {
                    provider.binding().freeBuffer(types); // one block, strings allocated with it
                }
            }
            return hr;
        } finally {
            com.exit();
        }
    }

    @Override
    public int queryIdentity(Out<byte[]> entryId) {
        if (entryId != null) {
            entryId.set(null);
        }
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        try {
            if (entryId == null) {
                return MAPI_E_INVALID_PARAMETER;
            }
            Pointer buffer;
            int size;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer cb = scratch.ulongOut();
                Pointer id = scratch.pointerOut();
                hr = com.call(Slot.QUERY_IDENTITY, cb, id);
                buffer = id.getPointer(0);
                size = cb.getInt(0);
            } finally {
                scratch.reset(mark);
            }
            if (buffer != null) {
                try {
                    if (HResult.succeeded(hr)) {
                        entryId.set(buffer.getByteArray(0, size));
                    }
                } finally {
                    provider.binding().freeBuffer(buffer); // exactly once, whatever happened above
                }
            }
            return hr;
        } finally {
            com.exit();
        }
    }

    @Override
    public int logoff(long uiParam, int flags, int reserved) {
        return guard.logoff(uiParam, flags, reserved);
    }

    @Override
    public int setDefaultStore(int flags, byte[] entryId) {
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            return com.call(Slot.SET_DEFAULT_STORE, flags, length(entryId), scratch.bytes(entryId));
        } finally {
            scratch.reset(mark);
            com.exit();
        }
    }

    @Override
    public int adminServices(int flags, Out<MapiUnknown> serviceAdmin) {
        return open(serviceAdmin, p -> new NativeUnknown(provider, guard, p), Slot.ADMIN_SERVICES, flags);
    }

    @Override
    public int showForm(long uiParam, MapiUnknown messageStore, MapiUnknown parentFolder, UUID iid,
            long messageToken, MapiUnknown messageSent, int flags, int messageStatus, int messageFlags,
            int access, String messageClass) {
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        Pins pins = new Pins();
        try {
            for (MapiUnknown object : new MapiUnknown[] {messageStore, parentFolder, messageSent}) {
                hr = pins.pin(object);
                if (hr != S_OK) {
                    return hr;
                }
            }
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                return com.call(Slot.SHOW_FORM, Abi.ulongPtr(uiParam), pins.pointer(messageStore),
                        pins.pointer(parentFolder), scratch.guid(iid), Abi.ulongPtr(messageToken),
                        pins.pointer(messageSent), flags, messageStatus, messageFlags, access, scratch.ansi(messageClass));
            } finally {
                scratch.reset(mark);
            }
        } finally {
            pins.unpinAll();
            com.exit();
        }
    }

    @Override
    public int prepareForm(UUID iid, MapiUnknown message, LongOut messageToken) {
        if (messageToken != null) {
            messageToken.set(0);
        }
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        Pins pins = new Pins();
        try {
            if (messageToken == null) {
                return MAPI_E_INVALID_PARAMETER;
            }
            hr = pins.pin(message);
            if (hr != S_OK) {
                return hr;
            }
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer token = scratch.pointerOut(); // ABI-5: 8 bytes, zeroed
                hr = com.call(Slot.PREPARE_FORM, scratch.guid(iid), pins.pointer(message), token);
                if (HResult.succeeded(hr)) {
                    messageToken.set(Abi.readUlongPtr(token, 0));
                }
                return hr;
            } finally {
                scratch.reset(mark);
            }
        } finally {
            pins.unpinAll();
            com.exit();
        }
    }

    // Calls a slot whose last parameter receives an interface pointer, and wraps what it returns: the
    // wrapper takes over that one reference.
    private <T> int open(Out<? super T> out, Function<Pointer, T> wrap, int slot, Object... argsBeforeOut) {
        if (out != null) {
            out.set(null);
        }
        int hr = begin();
        if (hr != S_OK) {
            return hr;
        }
        try {
            if (out == null) {
                return MAPI_E_INVALID_PARAMETER;
            }
            Pointer object;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                Pointer result = scratch.pointerOut();
                hr = com.callThenOut(slot, argsBeforeOut, result);
                object = result.getPointer(0);
            } finally {
                scratch.reset(mark);
            }
            if (HResult.succeeded(hr) && object != null) {
                out.set(wrap.apply(object));
            }
            return hr;
        } finally {
            com.exit();
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    /** Native objects passed as arguments, pinned for the duration of one call. */
    private static final class Pins {
        private final List<ComObject> pinned = new ArrayList<>(3);

        // Only objects of this provider can be passed to native code; anything else is not a MAPI object.
        int pin(MapiUnknown object) {
            if (object == null) {
                return S_OK;
            }
            if (!(object instanceof NativeChild)) {
                return MAPI_E_INVALID_PARAMETER;
            }
            ComObject com = ((NativeChild) object).com;
            if (!com.enter()) {
                return MAPI_E_INVALID_OBJECT;
            }
            pinned.add(com);
            return S_OK;
        }

        Pointer pointer(MapiUnknown object) {
            return object == null ? null : ((NativeChild) object).com.pointer();
        }

        void unpinAll() {
            for (ComObject com : pinned) {
                com.exit();
            }
            pinned.clear();
        }
    }

    @Override
    public String toString() {
        return "NativeSession[" + guard + ", " + com + "]";
    }
}
