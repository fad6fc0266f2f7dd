package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiError;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.spi.support.AbstractSessionHandle;
import org.mapi4j.spi.support.AdviseRegistration;
import org.mapi4j.spi.support.LogoffKind;
import org.mapi4j.spi.support.LogoffResult;

/**
 * IMAPISession through its 22-slot vtable (spec A.3; slot indices are {@link MapiSessionHandle.Slot}).
 *
 * <p>The skeleton validates every call (GEN-1: state, flags, arguments, the Logoff protocol,
 * reference counts, advise bookkeeping); each {@code doX} here pins the native object
 * ({@link ComObject#enter()}), calls the slot with {@code this} first and returns native's HRESULT
 * unchanged (GEN-2). The Java object owns exactly one native reference, given up exactly once at
 * its final Release, after every call in flight has left ({@link CallGate}). MAPI answers
 * {@code MAPI_LOGOFF_UI} itself ({@link LogoffConfirmationBridge}); advise sinks are
 * {@link NativeAdviseSink}s that deliver to the skeleton's registrations.
 */
final class NativeSession extends AbstractSessionHandle implements NativeObject {

    // Each slot's signature, `this` first: P pointer-sized, I 32-bit (Binding.Shape).
    private static final Binding.Shape LOGOFF = Binding.Shape.of("I:PPII");
    private static final Binding.Shape QUERY_INTERFACE = Binding.Shape.of("I:PPP");
    private static final Binding.Shape GET_LAST_ERROR = Binding.Shape.of("I:PIIP");
    private static final Binding.Shape FLAGS_OUT = Binding.Shape.of("I:PIP"); // GetMsgStoresTable, GetStatusTable, AdminServices
    private static final Binding.Shape OPEN_MSG_STORE = Binding.Shape.of("I:PPIPPIP");
    private static final Binding.Shape OPEN_ADDRESS_BOOK = Binding.Shape.of("I:PPPIP");
    private static final Binding.Shape OPEN_PROFILE_SECTION = Binding.Shape.of("I:PPPIP");
    private static final Binding.Shape OPEN_ENTRY = Binding.Shape.of("I:PIPPIPP");
    private static final Binding.Shape COMPARE_ENTRY_IDS = Binding.Shape.of("I:PIPIPIP");
    private static final Binding.Shape ADVISE = Binding.Shape.of("I:PIPIPP");
    private static final Binding.Shape UNADVISE = Binding.Shape.of("I:PP");
    private static final Binding.Shape MESSAGE_OPTIONS = Binding.Shape.of("I:PPIPP");
    private static final Binding.Shape QUERY_DEFAULT_MESSAGE_OPT = Binding.Shape.of("I:PPIPP");
    private static final Binding.Shape ENUM_ADR_TYPES = Binding.Shape.of("I:PIPP");
    private static final Binding.Shape QUERY_IDENTITY = Binding.Shape.of("I:PPP");
    private static final Binding.Shape SET_DEFAULT_STORE = Binding.Shape.of("I:PIIP");
    private static final Binding.Shape SHOW_FORM = Binding.Shape.of("I:PPPPPPPIIIIP");
    private static final Binding.Shape PREPARE_FORM = Binding.Shape.of("I:PPPP");
    private static final Binding B = Abi.B;

    private final NativeProvider provider;
    private final ComObject com;

    /** Takes over the one reference MAPILogonEx returned. Call it from {@code NativeProvider.doLogon}. */
    NativeSession(NativeProvider provider, long self) {
        super(provider);
        this.provider = provider;
        this.com = ComObject.adopt(provider, self, Slot.COUNT);
    }

    @Override
    public ComObject com() {
        return com;
    }

    /** Called by the bridge when the confirmation accepted inside the native Logoff. */
    void confirmationWasAccepted() {
        confirmationAccepted();
    }

    // ---- the lifecycle ----

    @Override
    protected boolean confirmsLogoffItself() {
        // Real MAPI shows its dialog; the reference library calls the hook bound to the LogoffConfirmation.
        return true;
    }

    @Override
    protected LogoffResult doLogoff(long uiParam, int flags, LogoffKind kind) {
        long ui = kind == LogoffKind.EXPLICIT ? uiParam : 0;
        int logoffFlags = kind == LogoffKind.EXPLICIT ? flags : 0; // REL-1 and INIT-8: Logoff(0, 0, 0)
        boolean askUi = (logoffFlags & MapiConstants.MAPI_LOGOFF_UI) != 0;
        if (!com.enter()) {
            return LogoffResult.done(); // given up already: native Release logged it off (REL-1)
        }
        NativeBinding binding = provider.binding();
        boolean reference = binding.reference;
        LogoffConfirmationBridge.Confirmation confirmation = null;
        int hr;
        try {
            if (askUi && reference) {
                confirmation = LogoffConfirmationBridge.begin(binding, this, logoffConfirmation());
            }
            // ulReserved is 0: the skeleton refused anything else (LOGOFF-RESERVED-1).
            hr = com.call(LOGOFF, Slot.LOGOFF, Abi.ulongPtr(ui), logoffFlags, 0);
        } finally {
            if (confirmation != null) {
                confirmation.close();
            }
            com.exit();
        }
        // With the reference library the bridge knows the answer; real MAPI's own dialog says cancel.
        boolean declined = confirmation != null ? confirmation.declined()
                : askUi && !reference && hr == MAPI_E_USER_CANCEL;
        if (declined) {
            return LogoffResult.declined(hr);
        }
        return hr == S_OK ? LogoffResult.done() : LogoffResult.failed(hr); // LOGOFF-3
    }

    @Override
    protected void doDestroy() {
        com.release();
    }

    // ---- IUnknown ----

    @Override
    protected int doQueryInterface(UUID iid, Out<Object> ppv) {
        LongFunction<Object> wrap = Iids.IID_IMAPICLIENTSHUTDOWN.equals(iid)
                ? p -> new NativeClientShutdown(provider, this, p)
                : p -> new NativeUnknown(provider, this, p);
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            long guid = scratch.guid(iid);
            return open(ppv, wrap, out -> com.call(QUERY_INTERFACE, Slot.QUERY_INTERFACE, guid, out));
        } finally {
            scratch.reset(mark);
        }
    }

    // ---- IMAPISession ----

    @Override
    protected int doGetLastError(int hResult, int flags, Out<MapiError> error) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        try {
            int hr;
            long p;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                long out = scratch.pointerOut();
                hr = com.call(GET_LAST_ERROR, Slot.GET_LAST_ERROR, hResult, flags, out);
                p = B.getAddress(out);
            } finally {
                scratch.reset(mark);
            }
            if (p != 0) {
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
    protected int doGetMsgStoresTable(int flags, Out<MapiTable> table) {
        return open(table, p -> new NativeTable(provider, this, p),
                out -> com.call(FLAGS_OUT, Slot.GET_MSG_STORES_TABLE, flags, out));
    }

    @Override
    protected int doOpenMsgStore(long uiParam, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            long id = scratch.bytes(entryId);
            long guid = scratch.guid(iid);
            return open(store, p -> new NativeProp(provider, this, p), out -> com.call(OPEN_MSG_STORE, Slot.OPEN_MSG_STORE,
                    Abi.ulongPtr(uiParam), entryId.length, id, guid, flags, out));
        } finally {
            scratch.reset(mark);
        }
    }

    @Override
    protected int doOpenAddressBook(long uiParam, UUID iid, int flags, Out<MapiUnknown> addressBook) {
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            long guid = scratch.guid(iid);
            return open(addressBook, p -> new NativeUnknown(provider, this, p), out -> com.call(OPEN_ADDRESS_BOOK,
                    Slot.OPEN_ADDRESS_BOOK, Abi.ulongPtr(uiParam), guid, flags, out));
        } finally {
            scratch.reset(mark);
        }
    }

    @Override
    protected int doOpenProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section) {
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            long id = scratch.bytes(uid);
            long guid = scratch.guid(iid);
            return open(section, p -> new NativeProp(provider, this, p), out -> com.call(OPEN_PROFILE_SECTION,
                    Slot.OPEN_PROFILE_SECTION, id, guid, flags, out));
        } finally {
            scratch.reset(mark);
        }
    }

    @Override
    protected int doGetStatusTable(int flags, Out<MapiTable> table) {
        return open(table, p -> new NativeTable(provider, this, p),
                out -> com.call(FLAGS_OUT, Slot.GET_STATUS_TABLE, flags, out));
    }

    @Override
    protected int doOpenEntry(byte[] entryId, UUID iid, int flags, IntOut objectType, Out<MapiUnknown> object) {
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            long type = scratch.ulongOut();
            long id = scratch.bytes(entryId);
            long guid = scratch.guid(iid);
            int hr = open(object, p -> new NativeUnknown(provider, this, p), out -> com.call(OPEN_ENTRY, Slot.OPEN_ENTRY,
                    length(entryId), id, guid, flags, type, out));
            if (HResult.succeeded(hr)) {
                objectType.set(B.getInt(type));
            }
            return hr;
        } finally {
            scratch.reset(mark);
        }
    }

    @Override
    protected int doCompareEntryIDs(byte[] entryId1, byte[] entryId2, IntOut result) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            long id1 = scratch.bytes(entryId1);
            // The same array twice (an identifier compared with itself) needs one copy: native only reads it.
            long id2 = entryId2 == entryId1 ? id1 : scratch.bytes(entryId2);
            long out = scratch.ulongOut();
            int hr = com.call(COMPARE_ENTRY_IDS, Slot.COMPARE_ENTRY_IDS, entryId1.length, id1, entryId2.length, id2, 0,
                    out);
            if (HResult.succeeded(hr)) {
                result.set(B.getInt(out));
            }
            return hr;
        } finally {
            scratch.reset(mark);
            com.exit();
        }
    }

    @Override
    protected int doAdvise(byte[] entryId, int eventMask, AdviseRegistration registration) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        NativeAdviseSink sink = NativeAdviseSink.create(registration, id());
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            long out = scratch.pointerOut(); // ABI-5: 8 bytes, zeroed
            int hr = com.call(ADVISE, Slot.ADVISE, length(entryId), scratch.bytes(entryId), eventMask, sink.pointer(),
                    out);
            if (HResult.succeeded(hr)) {
                registration.bind(Abi.readUlongPtr(out));
            }
            return hr;
        } finally {
            scratch.reset(mark);
            sink.release(); // MAPI holds its own reference while registered (NOTIFY-5)
            com.exit();
        }
    }

    @Override
    protected int doUnadvise(long connection) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        try {
            return com.call(UNADVISE, Slot.UNADVISE, Abi.ulongPtr(connection));
        } finally {
            com.exit();
        }
    }

    @Override
    protected int doMessageOptions(long uiParam, int flags, String addressType, MapiUnknown message) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        Pins pins = new Pins();
        try {
            int hr = pins.pin(message);
            if (hr != S_OK) {
                return hr;
            }
            boolean unicode = (flags & MapiConstants.MAPI_UNICODE) != 0;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                return com.call(MESSAGE_OPTIONS, Slot.MESSAGE_OPTIONS, Abi.ulongPtr(uiParam), flags,
                        scratch.tstr(addressType, unicode), Pins.pointer(message));
            } finally {
                scratch.reset(mark);
            }
        } finally {
            pins.unpinAll();
            com.exit();
        }
    }

    @Override
    protected int doQueryDefaultMessageOpt(String addressType, int flags, Out<List<PropValue>> options) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        try {
            boolean unicode = (flags & MapiConstants.MAPI_UNICODE) != 0;
            int hr;
            long values;
            int n;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                long count = scratch.ulongOut();
                long array = scratch.pointerOut();
                hr = com.call(QUERY_DEFAULT_MESSAGE_OPT, Slot.QUERY_DEFAULT_MESSAGE_OPT, scratch.tstr(addressType, unicode),
                        flags, count, array);
                values = B.getAddress(array);
                n = B.getInt(count);
            } finally {
                scratch.reset(mark);
            }
            if (values != 0) {
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
    protected int doEnumAdrTypes(int flags, Out<List<String>> addressTypes) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        try {
            int hr;
            long types;
            int n;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                long count = scratch.ulongOut();
                long array = scratch.pointerOut();
                hr = com.call(ENUM_ADR_TYPES, Slot.ENUM_ADR_TYPES, flags, count, array);
                types = B.getAddress(array);
                n = B.getInt(count);
            } finally {
                scratch.reset(mark);
            }
            if (types != 0) {
                try {
                    if (HResult.succeeded(hr)) {
                        boolean unicode = (flags & MapiConstants.MAPI_UNICODE) != 0;
                        List<String> result = new ArrayList<>(n);
                        for (int i = 0; i < n; i++) {
                            result.add(Abi.readTstr(B.getAddress(types + (long) i * Abi.POINTER_SIZE), unicode));
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
    protected int doQueryIdentity(Out<byte[]> entryId) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        try {
            int hr;
            long buffer;
            int size;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                long cb = scratch.ulongOut();
                long id = scratch.pointerOut();
                hr = com.call(QUERY_IDENTITY, Slot.QUERY_IDENTITY, cb, id);
                buffer = B.getAddress(id);
                size = B.getInt(cb);
            } finally {
                scratch.reset(mark);
            }
            if (buffer != 0) {
                try {
                    if (HResult.succeeded(hr)) {
                        entryId.set(Abi.bytes(buffer, size));
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
    protected int doSetDefaultStore(int flags, byte[] entryId) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        try {
            return com.call(SET_DEFAULT_STORE, Slot.SET_DEFAULT_STORE, flags, length(entryId), scratch.bytes(entryId));
        } finally {
            scratch.reset(mark);
            com.exit();
        }
    }

    @Override
    protected int doAdminServices(int flags, Out<MapiUnknown> serviceAdmin) {
        return open(serviceAdmin, p -> new NativeUnknown(provider, this, p),
                out -> com.call(FLAGS_OUT, Slot.ADMIN_SERVICES, flags, out));
    }

    @Override
    protected int doShowForm(long uiParam, MapiUnknown messageStore, MapiUnknown parentFolder, UUID iid,
            long messageToken, MapiUnknown messageSent, int flags, int messageStatus, int messageFlags,
            int access, String messageClass) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        Pins pins = new Pins();
        try {
            for (MapiUnknown object : new MapiUnknown[] {messageStore, parentFolder, messageSent}) {
                int hr = pins.pin(object);
                if (hr != S_OK) {
                    return hr;
                }
            }
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                return com.call(SHOW_FORM, Slot.SHOW_FORM, Abi.ulongPtr(uiParam), Pins.pointer(messageStore),
                        Pins.pointer(parentFolder), scratch.guid(iid), Abi.ulongPtr(messageToken),
                        Pins.pointer(messageSent), flags, messageStatus, messageFlags, access, scratch.ansi(messageClass));
            } finally {
                scratch.reset(mark);
            }
        } finally {
            pins.unpinAll();
            com.exit();
        }
    }

    @Override
    protected int doPrepareForm(UUID iid, MapiUnknown message, LongOut messageToken) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        Pins pins = new Pins();
        try {
            int hr = pins.pin(message);
            if (hr != S_OK) {
                return hr;
            }
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                long token = scratch.pointerOut(); // ABI-5: 8 bytes, zeroed
                hr = com.call(PREPARE_FORM, Slot.PREPARE_FORM, scratch.guid(iid), Pins.pointer(message), token);
                if (HResult.succeeded(hr)) {
                    messageToken.set(Abi.readUlongPtr(token));
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

    /** A slot call given the address of its last parameter, which receives an interface pointer. */
    @FunctionalInterface
    private interface OpeningCall {
        int call(long out);
    }

    // Calls a slot whose last parameter receives an interface pointer, and wraps what it returns: the
    // wrapper takes over that one reference.
    private <T> int open(Out<? super T> out, LongFunction<T> wrap, OpeningCall call) {
        if (!com.enter()) {
            return MAPI_E_INVALID_OBJECT;
        }
        try {
            int hr;
            long object;
            Scratch scratch = Scratch.get();
            int mark = scratch.mark();
            try {
                long result = scratch.pointerOut();
                hr = call.call(result);
                object = B.getAddress(result);
            } finally {
                scratch.reset(mark);
            }
            if (HResult.succeeded(hr) && object != 0) {
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
            if (!(object instanceof NativeObject)) {
                return MAPI_E_INVALID_PARAMETER;
            }
            ComObject com = ((NativeObject) object).com();
            if (!com.enter()) {
                return MAPI_E_INVALID_OBJECT;
            }
            pinned.add(com);
            return S_OK;
        }

        static long pointer(MapiUnknown object) {
            return object == null ? 0 : ((NativeObject) object).com().pointer();
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
        return super.toString() + "[" + com + "]";
    }
}
