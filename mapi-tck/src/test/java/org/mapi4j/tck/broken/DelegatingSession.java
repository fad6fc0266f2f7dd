package org.mapi4j.tck.broken;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiError;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.MapiUnknown;
import org.mapi4j.spi.Notification;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;

/**
 * A session handle that passes every call to the real one, with overridable methods. Advise
 * registers a {@link ForwardingSink} so a broken behaviour can reach the caller's sinks.
 */
public class DelegatingSession implements MapiSessionHandle {

    public final DelegatingProvider provider;
    public final MapiSessionHandle delegate;
    public final int logonFlags;
    public final String profile;
    public final Thread creator = Thread.currentThread();
    public final Map<Long, ForwardingSink> registrations = new ConcurrentHashMap<>();
    public final Set<Long> issued = ConcurrentHashMap.newKeySet();
    public final List<ForwardingSink> heldReleases = new CopyOnWriteArrayList<>();
    public volatile boolean swallowReleases;
    public volatile boolean sinkFailed;
    public volatile boolean loggedOff;
    /** Set by the final Release: the handle is DESTROYED (POSTLOGOFF-6). */
    public volatile boolean destroyed;

    public DelegatingSession(DelegatingProvider provider, MapiSessionHandle delegate, int logonFlags, String profile) {
        this.provider = provider;
        this.delegate = delegate;
        this.logonFlags = logonFlags;
        this.profile = profile;
    }

    /** @return whether this handle has an individual session (new, not published) */
    public boolean individual() {
        return (logonFlags & MapiConstants.MAPI_NEW_SESSION) != 0 && (logonFlags & MapiConstants.MAPI_ALLOW_OTHERS) == 0;
    }

    /** @return whether this handle joined the shared session (no NEW_SESSION, a profile name nobody has) */
    public boolean joined() {
        return (logonFlags & MapiConstants.MAPI_NEW_SESSION) == 0 && profile != null && !profile.isEmpty()
                && !profile.equals("Default") && !profile.equals("Work");
    }

    /** Delivers to every sink still registered through this handle, bypassing the provider. */
    public void deliver(Notification notification) {
        for (ForwardingSink sink : registrations.values()) {
            notifyQuietly(sink.target, notification);
        }
    }

    /** Calls a sink as a provider would: what it throws is ignored. */
    public static void notifyQuietly(AdviseSink sink, Notification notification) {
        try {
            sink.onNotify(List.of(notification));
        } catch (RuntimeException e) {
            // a provider ignores what a sink throws
        }
    }

    /** How a notification from the provider reaches the caller's sink; override to break delivery. */
    public int forward(AdviseSink target, List<Notification> notifications) {
        return target.onNotify(notifications);
    }

    /** @return whether the real handle is still logged on (probe: Unadvise(0) answers NOT_FOUND only then) */
    public boolean live() {
        return delegate.unadvise(0) == HResult.MAPI_E_NOT_FOUND;
    }

    /** Delivers to every other live handle of the provider. */
    public void broadcast(Notification notification, boolean individualsToo) {
        for (DelegatingSession other : provider.sessions) {
            if (other != this && !other.loggedOff && (individualsToo || !other.individual())) {
                other.deliver(notification);
            }
        }
    }

    @Override
    public int queryInterface(UUID iid, Out<Object> ppv) {
        int hr = delegate.queryInterface(iid, ppv);
        if (hr == HResult.S_OK && ppv.get() instanceof ClientShutdown shutdown) {
            ppv.set(provider.wrapShutdown(shutdown));
        }
        return hr;
    }

    @Override
    public int addRef() {
        return delegate.addRef();
    }

    @Override
    public int release() {
        int n = delegate.release();
        if (n == 0) {
            destroyed = true;
            for (ForwardingSink held : heldReleases) {
                try {
                    held.releaseTarget();
                } catch (RuntimeException e) {
                    // a provider ignores what a sink throws
                }
            }
            heldReleases.clear();
        }
        return n;
    }

    @Override
    public int getLastError(int hResult, int flags, Out<MapiError> error) {
        return delegate.getLastError(hResult, flags, error);
    }

    @Override
    public int getMsgStoresTable(int flags, Out<MapiTable> table) {
        return delegate.getMsgStoresTable(flags, table);
    }

    @Override
    public int openMsgStore(long uiParam, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
        return delegate.openMsgStore(uiParam, entryId, iid, flags, store);
    }

    @Override
    public int openAddressBook(long uiParam, UUID iid, int flags, Out<MapiUnknown> addressBook) {
        return delegate.openAddressBook(uiParam, iid, flags, addressBook);
    }

    @Override
    public int openProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section) {
        return delegate.openProfileSection(uid, iid, flags, section);
    }

    @Override
    public int getStatusTable(int flags, Out<MapiTable> table) {
        return delegate.getStatusTable(flags, table);
    }

    @Override
    public int openEntry(byte[] entryId, UUID iid, int flags, IntOut objectType, Out<MapiUnknown> object) {
        return delegate.openEntry(entryId, iid, flags, objectType, object);
    }

    @Override
    public int compareEntryIDs(byte[] entryId1, byte[] entryId2, int flags, IntOut result) {
        return delegate.compareEntryIDs(entryId1, entryId2, flags, result);
    }

    @Override
    public int advise(byte[] entryId, int eventMask, AdviseSink sink, LongOut connection) {
        if (sink == null) {
            return delegate.advise(entryId, eventMask, null, connection);
        }
        ForwardingSink forwarding = new ForwardingSink(this, sink, eventMask);
        int hr = delegate.advise(entryId, eventMask, forwarding, connection);
        if (hr == HResult.S_OK) {
            registrations.put(connection.get(), forwarding);
            issued.add(connection.get());
        }
        return hr;
    }

    @Override
    public int unadvise(long connection) {
        int hr = delegate.unadvise(connection);
        if (hr == HResult.S_OK) {
            registrations.remove(connection);
        }
        return hr;
    }

    @Override
    public int messageOptions(long uiParam, int flags, String addressType, MapiUnknown message) {
        return delegate.messageOptions(uiParam, flags, addressType, message);
    }

    @Override
    public int queryDefaultMessageOpt(String addressType, int flags, Out<List<PropValue>> options) {
        return delegate.queryDefaultMessageOpt(addressType, flags, options);
    }

    @Override
    public int enumAdrTypes(int flags, Out<List<String>> addressTypes) {
        return delegate.enumAdrTypes(flags, addressTypes);
    }

    @Override
    public int queryIdentity(Out<byte[]> entryId) {
        return delegate.queryIdentity(entryId);
    }

    @Override
    public int logoff(long uiParam, int flags, int reserved) {
        int hr;
        provider.logoffsInFlight.incrementAndGet();
        try {
            hr = delegate.logoff(uiParam, flags, reserved);
        } finally {
            provider.logoffsInFlight.decrementAndGet();
        }
        if (hr == HResult.S_OK) {
            loggedOff = true;
            registrations.clear();
        }
        return hr;
    }

    @Override
    public int setDefaultStore(int flags, byte[] entryId) {
        return delegate.setDefaultStore(flags, entryId);
    }

    @Override
    public int adminServices(int flags, Out<MapiUnknown> serviceAdmin) {
        return delegate.adminServices(flags, serviceAdmin);
    }

    @Override
    public int showForm(long uiParam, MapiUnknown messageStore, MapiUnknown parentFolder, UUID iid, long messageToken,
            MapiUnknown messageSent, int flags, int messageStatus, int messageFlags, int access, String messageClass) {
        return delegate.showForm(uiParam, messageStore, parentFolder, iid, messageToken, messageSent, flags,
                messageStatus, messageFlags, access, messageClass);
    }

    @Override
    public int prepareForm(UUID iid, MapiUnknown message, LongOut messageToken) {
        return delegate.prepareForm(iid, message, messageToken);
    }
}
