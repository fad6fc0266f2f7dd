package org.mapi4j.tck.broken;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_INTERFACE_NOT_SUPPORTED;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_FOUND;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.MAPI_E_NO_SUPPORT;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.FNEV_EXTENDED;
import static org.mapi4j.spi.MapiConstants.FNEV_NEW_MAIL;
import static org.mapi4j.spi.MapiConstants.MAPI_ALLOW_OTHERS;
import static org.mapi4j.spi.MapiConstants.MAPI_EXPLICIT_PROFILE;
import static org.mapi4j.spi.MapiConstants.MAPI_INIT_VALID_MASK;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_SHARED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGOFF_UI;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGON_VALID_MASK;
import static org.mapi4j.spi.MapiConstants.MAPI_NEW_SESSION;
import static org.mapi4j.spi.MapiConstants.MAPI_NT_SERVICE;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.ClientShutdown;
import org.mapi4j.spi.ErrorNotification;
import org.mapi4j.spi.ExtendedNotification;
import org.mapi4j.spi.Iids;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropValue;
import org.mapi4j.tck.Rule;

/**
 * Deliberately broken providers: the in-memory provider wrapped so that exactly one behaviour is
 * wrong. For each, running the whole TCK must fail exactly {@link #rule()} ({@code BrokenProvidersTest}).
 */
enum Breakage {

    /** Nothing broken: the wrapper itself must conform. */
    NONE(null, "nothing is broken (the delegating wrapper alone)") {
    },

    GEN_3_FLAGS_BEFORE_STATE(Rule.GEN_3, "a logged-off handle answers bad Logoff flags with MAPI_E_UNKNOWN_FLAGS") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    int hr = super.logoff(ui, flags, reserved);
                    return hr == MAPI_E_INVALID_OBJECT && (flags & ~3) != 0 ? MAPI_E_UNKNOWN_FLAGS : hr;
                }
            };
        }
    },
    GEN_4_REJECTION_LEAKS_REFERENCE(Rule.GEN_4, "a rejected Logoff adds a reference to the handle") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    int hr = super.logoff(ui, flags, reserved);
                    if (hr == MAPI_E_UNKNOWN_FLAGS || hr == MAPI_E_INVALID_PARAMETER) {
                        delegate.addRef();
                    }
                    return hr;
                }
            };
        }
    },

    INIT_1_NULL_REJECTED(Rule.INIT_1, "MAPIInitialize(NULL) is rejected as an invalid parameter") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            return p.counted(p.delegate.initialize(init == null ? new MapiInit(1, 0) : init));
        }
    },
    INIT_2_NT_SERVICE_REJECTED(Rule.INIT_2, "MAPIInitialize with MAPI_NT_SERVICE returns MAPI_E_UNKNOWN_FLAGS") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            return init != null && (init.flags() & MAPI_NT_SERVICE) != 0 ? MAPI_E_UNKNOWN_FLAGS : super.initialize(p, init);
        }
    },
    INIT_3_VERSION_IGNORED(Rule.INIT_3, "MAPIInitialize ignores ulVersion") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            if (init != null && init.version() != 0 && (init.flags() & ~MAPI_INIT_VALID_MASK) == 0) {
                init = new MapiInit(0, init.flags());
            }
            return super.initialize(p, init);
        }
    },
    INIT_4_RESERVED_FLAG_ACCEPTED(Rule.INIT_4, "MAPIInitialize accepts the reserved flag 0x40000000") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            if (init != null && (init.flags() & 0x40000000) != 0) {
                init = new MapiInit(init.version(), init.flags() & ~0x40000000);
            }
            return super.initialize(p, init);
        }
    },
    INIT_5_NESTED_S_FALSE(Rule.INIT_5, "a nested MAPIInitialize returns S_FALSE") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            boolean nested = p.initCount > 0;
            int hr = super.initialize(p, init);
            return nested && hr == S_OK ? 1 : hr;
        }
    },
    INIT_6_FAILED_NESTED_COUNTS(Rule.INIT_6, "a failing nested MAPIInitialize still counts") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            if (p.initCount > 0 && init != null && (init.flags() & ~MAPI_INIT_VALID_MASK) != 0) {
                p.delegate.initialize(new MapiInit(0, 0));
                return MAPI_E_UNKNOWN_FLAGS;
            }
            return super.initialize(p, init);
        }
    },
    INIT_7_ANY_UNINITIALIZE_INVALIDATES(Rule.INIT_7, "every MAPIUninitialize invalidates live sessions") {
        @Override
        void uninitialize(DelegatingProvider p) {
            int n = p.initCount;
            if (n > 1) {
                for (int i = 0; i < n; i++) {
                    p.delegate.uninitialize();
                }
                for (int i = 0; i < n - 1; i++) {
                    p.delegate.initialize(new MapiInit(0, 0));
                }
                p.initCount = n - 1;
                return;
            }
            super.uninitialize(p);
        }
    },
    INIT_8_SINKS_NOT_RELEASED(Rule.INIT_8, "the last MAPIUninitialize does not release the advise sinks") {
        @Override
        void uninitialize(DelegatingProvider p) {
            if (p.initCount == 1) {
                for (DelegatingSession s : p.sessions) {
                    s.swallowReleases = true;
                }
            }
            super.uninitialize(p);
        }
    },
    INIT_9_UNBALANCED_THROWS(Rule.INIT_9, "an unbalanced MAPIUninitialize throws") {
        @Override
        void uninitialize(DelegatingProvider p) {
            if (p.initCount == 0) {
                throw new IllegalStateException("MAPIUninitialize without MAPIInitialize");
            }
            super.uninitialize(p);
        }
    },
    INIT_10_WRONG_CODE(Rule.INIT_10, "MAPILogonEx before MAPIInitialize returns MAPI_E_LOGON_FAILED") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            int hr = super.logon(p, ui, profile, password, flags, out);
            return hr == MAPI_E_NOT_INITIALIZED && password == null && p.initCount == 0
                    && (flags & ~MAPI_LOGON_VALID_MASK) == 0 ? MAPI_E_LOGON_FAILED : hr;
        }
    },
    INIT_11_NO_REINITIALIZE(Rule.INIT_11, "MAPIInitialize fails once the count went back to 0") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            return p.everInitialized && p.initCount == 0 ? MAPI_E_CALL_FAILED : super.initialize(p, init);
        }
    },

    LOGON_1_FLAG_0X80_ACCEPTED(Rule.LOGON_1, "MAPILogonEx accepts the undefined flag 0x80") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            return super.logon(p, ui, profile, password, flags & ~0x80, out);
        }
    },
    LOGON_2_PASSWORD_IGNORED(Rule.LOGON_2, "MAPILogonEx ignores a non-null password") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            return super.logon(p, ui, profile, null, flags, out);
        }
    },
    LOGON_3_JOINER_SEES_NO_STORES(Rule.LOGON_3, "a handle that joined the shared session has no message-stores table") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int getMsgStoresTable(int flags, Out<MapiTable> table) {
                    return joined() ? MAPI_E_NO_SUPPORT : super.getMsgStoresTable(flags, table);
                }
            };
        }
    },
    LOGON_4_EXPLICIT_PROFILE_WINS(Rule.LOGON_4, "MAPI_EXPLICIT_PROFILE defeats MAPI_USE_DEFAULT") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            return (profile == null || profile.isEmpty()) && (flags & MAPI_EXPLICIT_PROFILE) != 0
                    ? MAPI_E_LOGON_FAILED : super.logon(p, ui, profile, password, flags, out);
        }
    },
    LOGON_5_EVERY_NEW_SESSION_PUBLISHED(Rule.LOGON_5, "every new session is published, MAPI_ALLOW_OTHERS or not") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            int wider = (flags & MAPI_NEW_SESSION) != 0 ? flags | MAPI_ALLOW_OTHERS : flags;
            int hr = p.delegate.logon(ui, profile, password, wider, out);
            if (hr == S_OK && out.get() != null) {
                DelegatingSession wrapped = p.newSession(out.get(), flags, profile);
                p.sessions.add(wrapped);
                out.set(wrapped);
            }
            return hr;
        }
    },
    LOGON_6_ADDREF_CONSTANT(Rule.LOGON_6, "AddRef on a logged-on handle always returns 1") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int addRef() {
                    int n = super.addRef();
                    return live() ? 1 : n;
                }
            };
        }
    },
    LOGON_9_FAILED_LOGON_LEAVES_HANDLE(Rule.LOGON_9, "a failed MAPI_ALLOW_OTHERS logon leaves an object in the out-parameter") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            int hr = super.logon(p, ui, profile, password, flags, out);
            if (hr != S_OK && (flags & MAPI_ALLOW_OTHERS) != 0) {
                out.set((MapiSessionHandle) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {MapiSessionHandle.class}, (self, m, a) -> {
                            throw new UnsupportedOperationException("half-made handle");
                        }));
            }
            return hr;
        }
    },
    LOGON_10_NEGATIVE_UIPARAM_REJECTED(Rule.LOGON_10, "MAPILogonEx rejects a ulUIParam with the top bit set") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            return ui < 0 ? MAPI_E_LOGON_FAILED : super.logon(p, ui, profile, password, flags, out);
        }
    },

    LOGOFF_FLAGS_1_SHARED_UI_REJECTED(Rule.LOGOFF_FLAGS_1, "Logoff rejects MAPI_LOGOFF_SHARED | MAPI_LOGOFF_UI") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    return flags == 3 && reserved == 0 && ui == 0 ? MAPI_E_UNKNOWN_FLAGS : super.logoff(ui, flags, reserved);
                }
            };
        }
    },
    LOGOFF_FLAGS_2_BIT_16_IGNORED(Rule.LOGOFF_FLAGS_2, "Logoff ignores flag bit 0x00010000") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    return super.logoff(ui, flags & ~0x00010000, reserved);
                }
            };
        }
    },
    LOGOFF_RESERVED_1_NEGATIVE_IGNORED(Rule.LOGOFF_RESERVED_1, "Logoff ignores a negative ulReserved") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    return super.logoff(ui, flags, reserved < 0 && (flags & ~3) == 0 ? 0 : reserved);
                }
            };
        }
    },
    LOGOFF_RESERVED_2_RESERVED_FIRST(Rule.LOGOFF_RESERVED_2, "Logoff checks ulReserved before the flags") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    int hr = super.logoff(ui, flags, reserved);
                    return hr == MAPI_E_UNKNOWN_FLAGS && reserved != 0 ? MAPI_E_INVALID_PARAMETER : hr;
                }
            };
        }
    },
    LOGOFF_UIPARAM_1_HOOK_WITHOUT_UI(Rule.LOGOFF_UIPARAM_1, "Logoff asks the confirmation even without MAPI_LOGOFF_UI") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    LogoffConfirmation hook = provider.confirmation;
                    if ((flags & MAPI_LOGOFF_UI) == 0 && hook != null) {
                        hook.confirmLogoff(ui);
                    }
                    return super.logoff(ui, flags, reserved);
                }
            };
        }
    },
    LOGOFF_UI_2_DECLINE_IGNORED(Rule.LOGOFF_UI_2, "a declined confirmation logs off anyway") {
        @Override
        LogoffConfirmation confirmation(LogoffConfirmation hook) {
            return hook == null ? null : ui -> {
                hook.confirmLogoff(ui);
                return true;
            };
        }
    },
    LOGOFF_UI_3_THROW_IS_CANCEL(Rule.LOGOFF_UI_3, "a throwing confirmation is taken as a user cancel") {
        @Override
        LogoffConfirmation confirmation(LogoffConfirmation hook) {
            return hook == null ? null : ui -> {
                try {
                    return hook.confirmLogoff(ui);
                } catch (RuntimeException e) {
                    return false;
                }
            };
        }
    },

    LOGOFF_1_SINKS_RELEASED_LATE(Rule.LOGOFF_1, "Logoff releases the advise sinks only at the final Release") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    swallowReleases = true;
                    try {
                        return super.logoff(ui, flags, reserved);
                    } finally {
                        swallowReleases = false;
                    }
                }
            };
        }
    },
    LOGOFF_2_ENDS_OTHER_SESSIONS(Rule.LOGOFF_2, "Logoff of an individual session notifies every other session") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    int hr = super.logoff(ui, flags, reserved);
                    if (hr == S_OK && flags == 0 && individual()) {
                        broadcast(ErrorNotification.END_OF_SESSION, true);
                    }
                    return hr;
                }
            };
        }
    },
    LOGOFF_3_FAILURE_KEEPS_SESSION(Rule.LOGOFF_3, "a sink failing during Logoff makes Logoff fail and the handle stay usable") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                private volatile boolean zombie;
                private final AtomicLong fake = new AtomicLong(900_000);

                @Override
                public int logoff(long ui, int flags, int reserved) {
                    if (zombie) {
                        return S_OK;
                    }
                    int hr = super.logoff(ui, flags, reserved);
                    if (sinkFailed) {
                        zombie = true;
                        return MAPI_E_CALL_FAILED;
                    }
                    return hr;
                }

                @Override
                public int advise(byte[] entryId, int mask, org.mapi4j.spi.AdviseSink sink, LongOut connection) {
                    if (zombie) {
                        connection.set(fake.incrementAndGet());
                        return S_OK;
                    }
                    return super.advise(entryId, mask, sink, connection);
                }

                @Override
                public int unadvise(long connection) {
                    return zombie ? S_OK : super.unadvise(connection);
                }
            };
        }
    },
    LOGOFF_4_EXTENDED_TO_EVERY_SINK(Rule.LOGOFF_4, "Logoff sends the extended notification also to sinks that did not ask") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    List<ForwardingSink> sinks = List.copyOf(registrations.values());
                    int hr = super.logoff(ui, flags, reserved);
                    if (hr == S_OK) {
                        for (ForwardingSink sink : sinks) {
                            if ((sink.mask & FNEV_EXTENDED) == 0) {
                                notifyQuietly(sink.target, ExtendedNotification.LOGOFF);
                            }
                        }
                    }
                    return hr;
                }
            };
        }
    },
    LOGOFF_5_RACING_LOGOFFS_BOTH_WIN(Rule.LOGOFF_5, "two racing Logoff calls both return S_OK") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                private final AtomicInteger arrivals = new AtomicInteger();
                private final CountDownLatch second = new CountDownLatch(1);

                @Override
                public int logoff(long ui, int flags, int reserved) {
                    if (Thread.currentThread() == creator || flags != 0) {
                        return super.logoff(ui, flags, reserved);
                    }
                    int arrival = arrivals.incrementAndGet();
                    if (arrival == 1) {
                        try {
                            second.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    } else if (arrival == 2) {
                        second.countDown();
                    }
                    int hr = super.logoff(ui, flags, reserved);
                    return arrival <= 2 && hr == MAPI_E_INVALID_OBJECT ? S_OK : hr;
                }
            };
        }
    },

    POSTLOGOFF_1_STATUS_TABLE_NO_SUPPORT(Rule.POSTLOGOFF_1, "GetStatusTable after Logoff returns MAPI_E_NO_SUPPORT") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int getStatusTable(int flags, Out<MapiTable> table) {
                    int hr = super.getStatusTable(flags, table);
                    return hr == MAPI_E_INVALID_OBJECT ? MAPI_E_NO_SUPPORT : hr;
                }
            };
        }
    },
    POSTLOGOFF_2_RELEASE_COUNT_WRONG(Rule.POSTLOGOFF_2, "Release after Logoff returns one more than the count") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int release() {
                    int n = super.release();
                    return loggedOff ? n + 1 : n;
                }
            };
        }
    },
    POSTLOGOFF_3_ADDREF_DEAD(Rule.POSTLOGOFF_3, "AddRef after Logoff returns 0") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int addRef() {
                    return loggedOff ? 0 : super.addRef();
                }

                @Override
                public int release() {
                    return super.release();
                }
            };
        }
    },
    POSTLOGOFF_4_QI_NOT_SUPPORTED(Rule.POSTLOGOFF_4, "QueryInterface after Logoff returns MAPI_E_INTERFACE_NOT_SUPPORTED") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int queryInterface(UUID iid, Out<Object> ppv) {
                    int hr = super.queryInterface(iid, ppv);
                    return hr == MAPI_E_INVALID_OBJECT ? MAPI_E_INTERFACE_NOT_SUPPORTED : hr;
                }
            };
        }
    },
    CHILD_1_STORE_STAYS_VALID(Rule.CHILD_1, "a message store keeps answering GetProps after its session logged off") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int openMsgStore(long ui, byte[] entryId, UUID iid, int flags, Out<MapiProp> store) {
                    int hr = super.openMsgStore(ui, entryId, iid, flags, store);
                    if (hr == S_OK && store.get() != null) {
                        MapiProp real = store.get();
                        store.set(new MapiProp() {
                            @Override
                            public int getProps(int[] tags, int fl, Out<List<PropValue>> values) {
                                int r = real.getProps(tags, fl, values);
                                if (r == MAPI_E_INVALID_OBJECT) {
                                    values.set(List.of());
                                    return S_OK;
                                }
                                return r;
                            }

                            @Override
                            public int queryInterface(UUID id, Out<Object> ppv) {
                                return real.queryInterface(id, ppv);
                            }

                            @Override
                            public int addRef() {
                                return real.addRef();
                            }

                            @Override
                            public int release() {
                                return real.release();
                            }
                        });
                    }
                    return hr;
                }
            };
        }
    },
    REL_1_SINKS_NOT_RELEASED(Rule.REL_1, "the final Release without Logoff does not release the advise sinks") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int release() {
                    if (loggedOff) {
                        return super.release();
                    }
                    swallowReleases = true;
                    int n = delegate.release();
                    if (n != 0) {
                        swallowReleases = false;
                    }
                    heldReleases.clear();
                    return n;
                }
            };
        }
    },

    SHARED_2_NEEDS_NEW_SESSION(Rule.SHARED_2, "without MAPI_NEW_SESSION and nothing published the default profile fails") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            int hr = super.logon(p, ui, profile, password, flags, out);
            if (hr == S_OK && (flags & MAPI_NEW_SESSION) == 0 && (profile == null || profile.isEmpty())) {
                out.get().logoff(0, 0, 0);
                out.get().release();
                out.set(null);
                return MAPI_E_LOGON_FAILED;
            }
            return hr;
        }
    },
    SHARED_3_PLAIN_LOGOFF_NOTIFIES(Rule.SHARED_3, "a plain Logoff of a participant notifies the others") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    int hr = super.logoff(ui, flags, reserved);
                    if (hr == S_OK && flags == 0 && joined()) {
                        broadcast(ErrorNotification.END_OF_SESSION, false);
                    }
                    return hr;
                }
            };
        }
    },
    SHARED_4_INDIVIDUAL_SHARED_LOGOFF_NOTIFIES(Rule.SHARED_4, "MAPI_LOGOFF_SHARED on an individual session notifies every other session") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    int hr = super.logoff(ui, flags, reserved);
                    if (hr == S_OK && (flags & MAPI_LOGOFF_SHARED) != 0 && individual()) {
                        broadcast(ErrorNotification.END_OF_SESSION, true);
                    }
                    return hr;
                }
            };
        }
    },
    SHARED_5_NOTIFIED_TWICE(Rule.SHARED_5, "every critical-error notification reaches a sink twice") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                int forward(org.mapi4j.spi.AdviseSink target, List<org.mapi4j.spi.Notification> notifications) {
                    int r = super.forward(target, notifications);
                    if (notifications.stream().anyMatch(n -> n instanceof ErrorNotification)) {
                        r = super.forward(target, notifications);
                    }
                    return r;
                }
            };
        }
    },
    SHARED_8_REJECT_IGNORED(Rule.SHARED_8, "SharedLogoffPolicy.REJECT behaves as WARN") {
        @Override
        SharedLogoffPolicy policy(SharedLogoffPolicy policy) {
            return policy == SharedLogoffPolicy.REJECT ? SharedLogoffPolicy.WARN : policy;
        }
    },

    NOTIFY_1_NEW_MAIL_MASK_REJECTED(Rule.NOTIFY_1, "session-level Advise with fnevNewMail returns MAPI_E_NO_SUPPORT") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int advise(byte[] entryId, int mask, org.mapi4j.spi.AdviseSink sink, LongOut connection) {
                    if (entryId == null && (mask & FNEV_NEW_MAIL) != 0) {
                        connection.set(0);
                        return MAPI_E_NO_SUPPORT;
                    }
                    return super.advise(entryId, mask, sink, connection);
                }
            };
        }
    },
    NOTIFY_2_EMPTY_ENTRY_ID_IS_NULL(Rule.NOTIFY_2, "Advise takes an empty entry id for NULL") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int advise(byte[] entryId, int mask, org.mapi4j.spi.AdviseSink sink, LongOut connection) {
                    return super.advise(entryId != null && entryId.length == 0 ? null : entryId, mask, sink, connection);
                }
            };
        }
    },
    NOTIFY_3_BAD_ENTRY_ID_ACCEPTED(Rule.NOTIFY_3, "object-level Advise with an unknown entry id returns S_OK") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                private final AtomicLong fake = new AtomicLong(0x7777_0000L);

                @Override
                public int advise(byte[] entryId, int mask, org.mapi4j.spi.AdviseSink sink, LongOut connection) {
                    int hr = super.advise(entryId, mask, sink, connection);
                    if (hr != S_OK && hr != MAPI_E_INVALID_OBJECT && entryId != null && entryId.length > 0) {
                        connection.set(fake.incrementAndGet());
                        return S_OK;
                    }
                    return hr;
                }
            };
        }
    },
    NOTIFY_4_NUMBERS_REUSED(Rule.NOTIFY_4, "Advise reuses the smallest free connection number") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                private final Map<Long, Long> local = new ConcurrentHashMap<>();

                @Override
                public synchronized int advise(byte[] entryId, int mask, org.mapi4j.spi.AdviseSink sink, LongOut connection) {
                    int hr = super.advise(entryId, mask, sink, connection);
                    if (hr == S_OK) {
                        long n = 1;
                        while (local.containsKey(n)) {
                            n++;
                        }
                        local.put(n, connection.get());
                        connection.set(n);
                    }
                    return hr;
                }

                @Override
                public synchronized int unadvise(long connection) {
                    Long real = local.get(connection);
                    if (real == null) {
                        return super.unadvise(connection + 1_000_000_000L);
                    }
                    int hr = super.unadvise(real);
                    if (hr == S_OK) {
                        local.remove(connection);
                    }
                    return hr;
                }
            };
        }
    },
    NOTIFY_5_DOUBLE_RELEASE(Rule.NOTIFY_5, "Unadvise releases the sink twice") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int unadvise(long connection) {
                    ForwardingSink sink = registrations.get(connection);
                    int hr = super.unadvise(connection);
                    if (hr == S_OK && sink != null) {
                        sink.target.release();
                    }
                    return hr;
                }
            };
        }
    },
    NOTIFY_6_DELIVERS_AFTER_UNADVISE(Rule.NOTIFY_6, "Unadvise releases the sink but keeps delivering to it") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int unadvise(long connection) {
                    ForwardingSink sink = registrations.get(connection);
                    int hr = super.unadvise(connection);
                    if (hr == S_OK && sink != null) {
                        // A ghost registration that keeps delivering to the caller's sink.
                        org.mapi4j.spi.AdviseSink target = sink.target;
                        delegate.advise(null, sink.mask, notifications -> target.onNotify(notifications), new LongOut());
                    }
                    return hr;
                }
            };
        }
    },
    NOTIFY_7_UNADVISE_ZERO_OK(Rule.NOTIFY_7, "Unadvise(0) returns S_OK") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int unadvise(long connection) {
                    int hr = super.unadvise(connection);
                    return connection == 0 && hr == MAPI_E_NOT_FOUND ? S_OK : hr;
                }
            };
        }
    },
    NOTIFY_9_CANCELLED_NOT_FOUND(Rule.NOTIFY_9, "Unadvise after Logoff answers MAPI_E_NOT_FOUND for its cancelled numbers") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int unadvise(long connection) {
                    int hr = super.unadvise(connection);
                    return hr == MAPI_E_INVALID_OBJECT && issued.contains(connection) ? MAPI_E_NOT_FOUND : hr;
                }
            };
        }
    },

    FAST_1_NO_CLIENT_SHUTDOWN(Rule.FAST_1, "declares FAST_SHUTDOWN but QueryInterface(IID_IMAPIClientShutdown) fails") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int queryInterface(UUID iid, Out<Object> ppv) {
                    if (Iids.IID_IMAPICLIENTSHUTDOWN.equals(iid)) {
                        int hr = delegate.queryInterface(iid, ppv);
                        if (hr == S_OK && ppv.get() instanceof org.mapi4j.spi.MapiUnknown unknown) {
                            unknown.release();
                        }
                        ppv.set(null);
                        return hr == MAPI_E_INVALID_OBJECT ? hr : MAPI_E_INTERFACE_NOT_SUPPORTED;
                    }
                    return super.queryInterface(iid, ppv);
                }
            };
        }
    },
    FAST_2_POLICY_2_ALLOWS_QUERY(Rule.FAST_2, "QueryFastShutdown under policy 2 returns S_OK") {
        @Override
        ClientShutdown shutdown(DelegatingProvider p, ClientShutdown cs) {
            return new DelegatingClientShutdown(p, cs) {
                @Override
                public int queryFastShutdown() {
                    int hr = super.queryFastShutdown();
                    return p.policy == 2 ? S_OK : hr;
                }
            };
        }
    },
    FAST_3_POLICY_2_NOTIFY_FAILS(Rule.FAST_3, "NotifyProcessShutdown under policy 2 returns MAPI_E_NO_SUPPORT") {
        @Override
        ClientShutdown shutdown(DelegatingProvider p, ClientShutdown cs) {
            return new DelegatingClientShutdown(p, cs) {
                @Override
                public int notifyProcessShutdown() {
                    int hr = super.notifyProcessShutdown();
                    return p.policy == 2 ? MAPI_E_NO_SUPPORT : hr;
                }
            };
        }
    },
    FAST_4_NEEDS_QUERY_FIRST(Rule.FAST_4, "DoFastShutdown without QueryFastShutdown returns MAPI_E_NO_SUPPORT") {
        @Override
        ClientShutdown shutdown(DelegatingProvider p, ClientShutdown cs) {
            return new DelegatingClientShutdown(p, cs) {
                @Override
                public int doFastShutdown() {
                    return queried ? super.doFastShutdown() : MAPI_E_NO_SUPPORT;
                }
            };
        }
    },
    FAST_5_REINITIALIZE_AFTER_SHUTDOWN(Rule.FAST_5, "MAPIInitialize after DoFastShutdown returns S_OK") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            return p.terminated ? S_OK : super.initialize(p, init);
        }
    };

    private final Rule rule;
    private final String description;

    Breakage(Rule rule, String description) {
        this.rule = rule;
        this.description = description;
    }

    /** @return the one rule this breakage violates, {@code null} for {@link #NONE} */
    Rule rule() {
        return rule;
    }

    /** @return what is wrong */
    String description() {
        return description;
    }

    /** @return the rules with at least one breakage */
    static Set<Rule> covered() {
        Set<Rule> rules = new TreeSet<>();
        for (Breakage b : values()) {
            if (b.rule != null) {
                rules.add(b.rule);
            }
        }
        return rules;
    }

    /**
     * @param delegate the working provider
     * @param policy its fast-shutdown policy, -1 for the built-in default
     * @return the broken provider
     */
    MapiProvider wrap(MapiProvider delegate, int policy) {
        Breakage breakage = this;
        return new DelegatingProvider(delegate, policy) {
            @Override
            public int initialize(MapiInit init) {
                return breakage.initialize(this, init);
            }

            @Override
            public void uninitialize() {
                breakage.uninitialize(this);
            }

            @Override
            public int logon(long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
                return breakage.logon(this, ui, profile, password, flags, out);
            }

            @Override
            DelegatingSession newSession(MapiSessionHandle handle, int flags, String profile) {
                return breakage.session(this, handle, flags, profile);
            }

            @Override
            ClientShutdown wrapShutdown(ClientShutdown shutdown) {
                return breakage.shutdown(this, shutdown);
            }

            @Override
            public void setLogoffConfirmation(LogoffConfirmation confirmation) {
                this.confirmation = confirmation;
                delegate.setLogoffConfirmation(breakage.confirmation(confirmation));
            }

            @Override
            public void setSharedLogoffPolicy(SharedLogoffPolicy sharedPolicy) {
                delegate.setSharedLogoffPolicy(breakage.policy(sharedPolicy));
            }
        };
    }

    int initialize(DelegatingProvider p, MapiInit init) {
        return p.counted(p.delegate.initialize(init));
    }

    void uninitialize(DelegatingProvider p) {
        synchronized (p) {
            if (p.initCount > 0) {
                p.initCount--;
            }
        }
        p.delegate.uninitialize();
    }

    int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
        int hr = p.delegate.logon(ui, profile, password, flags, out);
        if (hr == S_OK && out.get() != null) {
            DelegatingSession wrapped = p.newSession(out.get(), flags, profile);
            p.sessions.add(wrapped);
            out.set(wrapped);
        }
        return hr;
    }

    DelegatingSession session(DelegatingProvider p, MapiSessionHandle handle, int flags, String profile) {
        return new DelegatingSession(p, handle, flags, profile);
    }

    ClientShutdown shutdown(DelegatingProvider p, ClientShutdown shutdown) {
        return new DelegatingClientShutdown(p, shutdown);
    }

    LogoffConfirmation confirmation(LogoffConfirmation hook) {
        return hook;
    }

    SharedLogoffPolicy policy(SharedLogoffPolicy policy) {
        return policy;
    }
}
