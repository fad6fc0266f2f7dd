package org.mapi4j;

import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.HResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mapi4j.internal.Rules;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Notification;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropTags;
import org.mapi4j.spi.PropValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MAPI session for applications: one handle of MAPILogonEx with idiomatic methods.
 *
 * <p>{@link #close()} performs the documented end-of-session order (spec A.10): it cancels this
 * object's listener registrations, logs off with {@code Logoff(0, 0, 0)} if still logged on, and
 * releases the handle. It is idempotent and never throws (POSTLOGOFF-5). The explicit
 * {@link #logoff} methods are strict: they throw a {@link MapiException} that names the HRESULT and
 * the rule (a second Logoff is {@code MAPI_E_INVALID_OBJECT}, POSTLOGOFF-1).
 *
 * <p>Thread-safe: the provider's handle is; this class adds only idempotent bookkeeping.
 */
public final class MapiSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MapiSession.class);

    private final MapiSessionHandle handle;
    private final AtomicBoolean released = new AtomicBoolean();
    private final Set<Long> connections = ConcurrentHashMap.newKeySet();

    MapiSession(MapiSessionHandle handle) {
        this.handle = handle;
    }

    /** {@return the provider's COM-faithful handle, for what this class does not cover} */
    public MapiSessionHandle handle() {
        return handle;
    }

    /**
     * IMAPISession::QueryIdentity.
     *
     * @return the entry identifier of the user
     * @throws MapiException if the call fails, e.g. after Logoff
     */
    public byte[] identity() {
        Out<byte[]> entryId = new Out<>();
        check("IMAPISession::QueryIdentity", handle.queryIdentity(entryId));
        return entryId.get();
    }

    /**
     * Reads the message-stores table.
     *
     * @return one entry per store of the profile
     * @throws MapiException if a call fails, e.g. after Logoff
     */
    public List<MessageStore> messageStores() {
        Out<MapiTable> table = new Out<>();
        check("IMAPISession::GetMsgStoresTable", handle.getMsgStoresTable(0, table));
        try {
            List<MessageStore> stores = new ArrayList<>();
            for (;;) {
                Out<List<List<PropValue>>> rows = new Out<>();
                check("IMAPITable::QueryRows", table.get().queryRows(100, 0, rows));
                if (rows.get() == null || rows.get().isEmpty()) {
                    return List.copyOf(stores);
                }
                for (List<PropValue> row : rows.get()) {
                    stores.add(toStore(row));
                }
            }
        } finally {
            table.get().release();
        }
    }

    private static MessageStore toStore(List<PropValue> row) {
        String name = "";
        byte[] entryId = new byte[0];
        boolean isDefault = false;
        for (PropValue value : row) {
            if (value.tag() == PropTags.PR_DISPLAY_NAME && value.value() instanceof String s) {
                name = s;
            } else if (value.tag() == PropTags.PR_ENTRYID && value.value() instanceof byte[] b) {
                entryId = b;
            } else if (value.tag() == PropTags.PR_DEFAULT_STORE && value.value() instanceof Boolean d) {
                isDefault = d;
            }
        }
        return new MessageStore(name, entryId, isDefault);
    }

    /**
     * Registers for the critical-error notification that another participant's shared logoff sends
     * (SHARED-5): Advise with a {@code NULL} entry identifier.
     *
     * @param listener told when the shared session is ending
     * @return closing it cancels the registration (Unadvise)
     * @throws MapiException if Advise fails, e.g. after Logoff
     */
    public Registration onSharedLogoff(SharedLogoffListener listener) {
        Objects.requireNonNull(listener, "listener");
        AdviseSink sink = notifications -> {
            for (Notification notification : notifications) {
                if (notification instanceof ErrorNotification error) {
                    listener.sharedSessionEnding(this, HResult.of(error.scode()));
                }
            }
            return HResult.S_OK;
        };
        LongOut connection = new LongOut();
        check("IMAPISession::Advise", handle.advise(null, MapiConstants.FNEV_CRITICAL_ERROR, sink, connection));
        long number = connection.get();
        connections.add(number);
        return () -> {
            if (connections.remove(number)) {
                int hr = handle.unadvise(number);
                if (hr != HResult.S_OK) {
                    LOG.debug("Unadvise({}) returned {}", number, HResult.describe(hr));
                }
            }
        };
    }

    /**
     * Logs off (strict).
     *
     * @param flags {@link LogoffFlag#SHARED}, {@link LogoffFlag#UI}, both or none
     * @throws MapiException on any failure, naming the HRESULT and the rule
     */
    public void logoff(LogoffFlag... flags) {
        logoff(0L, flags);
    }

    /**
     * Logs off (strict), passing a parent window for the confirmation of {@link LogoffFlag#UI}.
     *
     * @param parentWindow the {@code ulUIParam}, passed to the {@link LogoffConfirmation} unchanged
     * @param flags {@link LogoffFlag#SHARED}, {@link LogoffFlag#UI}, both or none
     * @throws MapiException on any failure, naming the HRESULT and the rule
     */
    public void logoff(long parentWindow, LogoffFlag... flags) {
        Objects.requireNonNull(flags, "flags");
        Set<LogoffFlag> set = flags.length == 0 ? EnumSet.noneOf(LogoffFlag.class) : EnumSet.copyOf(List.of(flags));
        int bits = LogoffFlag.bits(set);
        int hr = handle.logoff(parentWindow, bits, 0);
        if (hr == HResult.S_OK) {
            connections.clear();
            return;
        }
        // A Logoff that passed its argument checks logs off whatever it returns (LOGOFF-3).
        boolean stillLoggedOn = hr != HResult.MAPI_E_INVALID_OBJECT && isLoggedOn();
        if (!stillLoggedOn) {
            connections.clear();
        }
        throw new MapiException("IMAPISession::Logoff(flags=" + set + ")", hr,
                Rules.forLogoff(hr, bits, stillLoggedOn), Rules.logoffAdvice(hr, bits, stillLoggedOn));
    }

    /**
     * Whether the session still takes calls.
     *
     * @return whether the session still takes calls. It asks the provider (a CompareEntryIDs probe,
     *     which every handle answers with {@code MAPI_E_INVALID_OBJECT} once it left
     *     {@code LOGGED_ON}), because another participant's shared logoff does not end this handle
     *     but the last MAPIUninitialize does (INIT-8)
     */
    public boolean isLoggedOn() {
        if (released.get()) {
            return false;
        }
        IntProbe probe = new IntProbe();
        return handle.compareEntryIDs(probe.id, probe.id, 0, probe.result) != HResult.MAPI_E_INVALID_OBJECT;
    }

    /** Unadvise, Logoff(0, 0, 0) if logged on, final Release; idempotent; never throws (POSTLOGOFF-5). */
    @Override
    public void close() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Long number : new ArrayList<>(connections)) {
                handle.unadvise(number);
            }
            connections.clear();
            int hr = handle.logoff(0L, 0, 0);
            if (hr != HResult.S_OK && hr != HResult.MAPI_E_INVALID_OBJECT) {
                LOG.warn("Logoff during close returned {}", HResult.describe(hr));
            }
        } catch (RuntimeException e) {
            LOG.warn("Provider threw while closing a session", e);
        } finally {
            try {
                handle.release();
            } catch (RuntimeException e) {
                LOG.warn("Provider threw from Release while closing a session", e);
            }
        }
    }

    private static void check(String operation, int hr) {
        if (!HResult.succeeded(hr)) {
            throw new MapiException(operation, hr, Rules.forSessionCall(hr), null);
        }
    }

    private static final class IntProbe {
        final byte[] id = {0};
        final org.mapi4j.spi.IntOut result = new org.mapi4j.spi.IntOut();
    }

    @Override
    public String toString() {
        return "MapiSession[" + (released.get() ? "closed" : "open") + "]";
    }
}
