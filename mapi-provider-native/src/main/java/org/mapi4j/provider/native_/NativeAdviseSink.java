package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.Notification;
import org.mapi4j.spi.support.AdviseRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IMAPIAdviseSink made in native memory for one Advise: a block whose first field is a shared
 * vtable of four callbacks, which deliver to the skeleton's {@link AdviseRegistration} (that one
 * drops late notifications after Unadvise or Logoff, NOTIFY-6, and releases the Java sink, NOTIFY-5).
 *
 * <p>Lifetime: the block is created with one reference (the Advise caller's); MAPI adds its own
 * while registered. The object stays in {@link #LIVE} (so strongly reachable) until the native
 * side's final Release, which frees the block (malloc'd, freed exactly once). The four upcalls
 * and the vtable are shared by all sinks and made once per JVM by the {@link Binding}, which keeps
 * them for the life of the class, so they can never be freed while native code holds a pointer to
 * them. Nothing thrown in Java reaches native code: MAPI goes on delivering to the other sinks.
 */
final class NativeAdviseSink {

    /** Slot 0. */ static final int QUERY_INTERFACE = 0;
    /** Slot 1. */ static final int ADD_REF = 1;
    /** Slot 2. */ static final int RELEASE = 2;
    /** Slot 3. */ static final int ON_NOTIFY = 3;
    /** The number of slots. */ static final int SLOT_COUNT = 4;

    private static final Logger LOG = LoggerFactory.getLogger(NativeAdviseSink.class);
    private static final Map<Long, NativeAdviseSink> LIVE = new ConcurrentHashMap<>();
    private static final byte[] IID_IUNKNOWN = Abi.guidBytes(Iids.IID_IUNKNOWN);
    private static final byte[] IID_IMAPIADVISESINK = Abi.guidBytes(Iids.IID_IMAPIADVISESINK);

    /**
     * The shared vtable, malloc'd once and never freed (native code may hold a sink until the process
     * ends); a holder class so that nothing native is made before the first sink.
     */
    private static final class Vtable {
        static final long ADDRESS = build();

        private static long build() {
            Binding b = Abi.B;
            long vtbl = b.malloc((long) SLOT_COUNT * Abi.POINTER_SIZE);
            String thread = "mapi4j-advise-sink";
            b.putAddress(vtbl + (long) QUERY_INTERFACE * Abi.POINTER_SIZE,
                    b.upcall(Binding.Upcall.SINK_QUERY_INTERFACE, thread));
            b.putAddress(vtbl + (long) ADD_REF * Abi.POINTER_SIZE, b.upcall(Binding.Upcall.SINK_ADD_REF, thread));
            b.putAddress(vtbl + (long) RELEASE * Abi.POINTER_SIZE, b.upcall(Binding.Upcall.SINK_RELEASE, thread));
            b.putAddress(vtbl + (long) ON_NOTIFY * Abi.POINTER_SIZE, b.upcall(Binding.Upcall.SINK_ON_NOTIFY, thread));
            return vtbl;
        }
    }

    private final AdviseRegistration registration;
    private final long sessionId;
    // The native object: one pointer, the vtable's. Freed by dispose(), exactly once.
    private final long block;
    private final AtomicInteger references = new AtomicInteger(1);

    private NativeAdviseSink(AdviseRegistration registration, long sessionId) {
        this.registration = registration;
        this.sessionId = sessionId;
        this.block = Abi.B.malloc(Abi.POINTER_SIZE);
        Abi.B.putAddress(block, Vtable.ADDRESS);
    }

    /**
     * @param registration the skeleton's registration the notifications go to
     * @param sessionId the session's id, for log lines
     * @return a native sink holding one reference (the caller's; give it up with {@link #release()})
     */
    static NativeAdviseSink create(AdviseRegistration registration, long sessionId) {
        NativeAdviseSink created = new NativeAdviseSink(registration, sessionId);
        LIVE.put(created.block, created);
        return created;
    }

    /** @return the number of native sinks MAPI (or a caller) still holds (diagnostics and tests) */
    static int liveCount() {
        return LIVE.size();
    }

    /** @return the IMAPIAdviseSink pointer */
    long pointer() {
        return block;
    }

    /** Gives up the creator's reference (after Advise, whatever it returned). */
    void release() {
        if (references.decrementAndGet() == 0) {
            dispose();
        }
    }

    private int deliver(int count, long notifications) {
        DeferredUninitialize.enterCallback();
        try {
            List<Notification> batch = Notifications.read(count, notifications);
            if (!batch.isEmpty()) {
                registration.deliver(batch);
            }
        } catch (Throwable t) {
            // Already logged by the registration if the sink threw; nothing may unwind into native code.
            LOG.debug("Session {}: delivery to connection {} ended with {}", sessionId, registration.connection(),
                    t.toString());
        } finally {
            DeferredUninitialize.exitCallback();
        }
        return S_OK;
    }

    // The native side's final Release frees the block.
    private void dispose() {
        LIVE.remove(block);
        Abi.B.free(block);
    }

    // ---- the static callbacks: find the sink by its address ----

    // The upcall targets (Binding.Upcall): package-private and static so that both bindings reach them.

    static int queryInterface(long self, long riid, long ppv) {
        NativeAdviseSink sink = self == 0 ? null : LIVE.get(self);
        if (ppv == 0 || riid == 0 || sink == null) {
            return MAPI_E_INVALID_PARAMETER;
        }
        byte[] iid = Abi.bytes(riid, 16);
        if (Arrays.equals(iid, IID_IUNKNOWN) || Arrays.equals(iid, IID_IMAPIADVISESINK)) {
            sink.references.incrementAndGet();
            Abi.B.putAddress(ppv, self);
            return S_OK;
        }
        Abi.B.putAddress(ppv, 0);
        return MAPI_E_INTERFACE_NOT_SUPPORTED;
    }

    static int addRef(long self) {
        NativeAdviseSink sink = self == 0 ? null : LIVE.get(self);
        return sink == null ? 0 : sink.references.incrementAndGet();
    }

    static int release(long self) {
        NativeAdviseSink sink = self == 0 ? null : LIVE.get(self);
        if (sink == null) {
            return 0;
        }
        int left = sink.references.decrementAndGet();
        if (left == 0) {
            sink.dispose();
        }
        return left;
    }

    static int onNotify(long self, int count, long notifications) {
        NativeAdviseSink sink = self == 0 ? null : LIVE.get(self);
        return sink == null ? S_OK : sink.deliver(count, notifications);
    }
}
