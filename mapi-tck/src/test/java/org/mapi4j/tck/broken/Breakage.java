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
    NONE(null, "nothing is broken (the delegating wrapper alone)", null) {
    },

    /** No shared sessions at all: every logon is a new, individual session (not a rule's breakage). */
    NO_SHARED_SESSIONS(null, "every logon creates a new individual session: no publishing, no joining", null) {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags,
                Out<MapiSessionHandle> out) {
            return super.logon(p, ui, profile, password, (flags & ~MAPI_ALLOW_OTHERS) | MAPI_NEW_SESSION, out);
        }
    },

    GEN_3_FLAGS_BEFORE_STATE(Rule.GEN_3, "a logged-off handle answers bad Logoff flags with MAPI_E_UNKNOWN_FLAGS",
            "[logged-off handle, bad flags, bad reserved: MAPI_E_INVALID_OBJECT] GEN-3: logoff(0, 0x4, 1) after logoff expected MAPI_E_INVALID_OBJECT (0x80040108) but was MAPI_E_UNKNOWN_FLAGS (0x80040106)") {
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
    GEN_4_REJECTION_LEAKS_REFERENCE(Rule.GEN_4, "a rejected Logoff adds a reference to the handle",
            "[rejected Logoff keeps the reference count and the registrations] GEN-4: rejected logoff calls changed the reference count: after addRef(), two rejected logoff calls and release() the count must be 1 but release() returned 3") {
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

    GEN_5_NULL_OUT_THROWS(Rule.GEN_5, "getMsgStoresTable with a NULL out-parameter throws NullPointerException",
            "[getMsgStoresTable(0, NULL) on a logged-on handle] GEN-5: getMsgStoresTable(0, NULL) threw"
                    + " java.lang.NullPointerException: table while checking GEN-5; an SPI method must return an"
                    + " HRESULT, never throw") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int getMsgStoresTable(int flags, Out<MapiTable> table) {
                    java.util.Objects.requireNonNull(table, "table");
                    return super.getMsgStoresTable(flags, table);
                }
            };
        }
    },
    GEN_5_UNADVISE_ZERO_THROWS(Rule.GEN_5, "Unadvise(0) throws IllegalArgumentException (seen by the rules that call it, reported as GEN-5)",
            "GEN-5: MapiSessionHandle.unadvise threw java.lang.IllegalArgumentException: connection 0 while"
                    + " checking GEN-3; an SPI method must return an HRESULT, never throw") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int unadvise(long connection) {
                    if (connection == 0) {
                        throw new IllegalArgumentException("connection 0");
                    }
                    return super.unadvise(connection);
                }
            };
        }
    },
    INIT_1_NULL_REJECTED(Rule.INIT_1, "MAPIInitialize(NULL) is rejected as an invalid parameter",
            "INIT-1: initialize(NULL) expected S_OK (0x00000000) but was MAPI_E_INVALID_PARAMETER (0x80070057)") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            return p.counted(p.delegate.initialize(init == null ? new MapiInit(1, 0) : init));
        }
    },
    INIT_2_NT_SERVICE_REJECTED(Rule.INIT_2, "MAPIInitialize with MAPI_NT_SERVICE returns MAPI_E_UNKNOWN_FLAGS",
            "[initialize({0, 0x00010000})] INIT-2: initialize({0, 0x00010000}) expected S_OK (0x00000000) but was MAPI_E_UNKNOWN_FLAGS (0x80040106)") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            return init != null && (init.flags() & MAPI_NT_SERVICE) != 0 ? MAPI_E_UNKNOWN_FLAGS : super.initialize(p, init);
        }
    },
    INIT_3_VERSION_IGNORED(Rule.INIT_3, "MAPIInitialize ignores ulVersion",
            "[initialize({1, 0})] INIT-3: initialize({1, 0}) expected MAPI_E_INVALID_PARAMETER (0x80070057) but was S_OK (0x00000000)") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            if (init != null && init.version() != 0 && (init.flags() & ~MAPI_INIT_VALID_MASK) == 0) {
                init = new MapiInit(0, init.flags());
            }
            return super.initialize(p, init);
        }
    },
    INIT_4_RESERVED_FLAG_ACCEPTED(Rule.INIT_4, "MAPIInitialize accepts the reserved flag 0x40000000",
            "[initialize({0, 0x40000000})] INIT-4: initialize({0, 0x40000000}) expected MAPI_E_UNKNOWN_FLAGS (0x80040106) but was S_OK (0x00000000)") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            if (init != null && (init.flags() & 0x40000000) != 0) {
                init = new MapiInit(init.version(), init.flags() & ~0x40000000);
            }
            return super.initialize(p, init);
        }
    },
    INIT_5_NESTED_S_FALSE(Rule.INIT_5, "a nested MAPIInitialize returns S_FALSE",
            "INIT-5: nested initialize({0, 0}) expected S_OK (0x00000000) but was S_FALSE (0x00000001)") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            boolean nested = p.initCount > 0;
            int hr = super.initialize(p, init);
            return nested && hr == S_OK ? 1 : hr;
        }
    },
    INIT_6_FAILED_NESTED_COUNTS(Rule.INIT_6, "a failing nested MAPIInitialize still counts",
            "INIT-6: after initialize(), two failing nested initialize() and one uninitialize() MAPI must not be initialized, but logon(0, NULL, NULL, 0x00008062) returned S_OK (0x00000000) instead of MAPI_E_NOT_INITIALIZED (0x80040605)") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            if (p.initCount > 0 && init != null && (init.flags() & ~MAPI_INIT_VALID_MASK) != 0) {
                p.delegate.initialize(new MapiInit(0, 0));
                return MAPI_E_UNKNOWN_FLAGS;
            }
            return super.initialize(p, init);
        }
    },
    INIT_7_ANY_UNINITIALIZE_INVALIDATES(Rule.INIT_7, "every MAPIUninitialize invalidates live sessions",
            "INIT-7: after a MAPIUninitialize that left the count at 1 the handle must still be logged on, but advise(NULL, 0, sink) returned MAPI_E_INVALID_OBJECT (0x80040108)") {
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
    INIT_8_SINKS_NOT_RELEASED(Rule.INIT_8, "the last MAPIUninitialize does not release the advise sinks",
            "INIT-8: after the last uninitialize() the sink of a live session must be released (AddRef 1, Release 0)") {
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
    INIT_9_UNBALANCED_THROWS(Rule.INIT_9, "an unbalanced MAPIUninitialize throws",
            "INIT-9: an unbalanced uninitialize() must not throw, but threw java.lang.IllegalStateException: MAPIUninitialize without MAPIInitialize") {
        @Override
        void uninitialize(DelegatingProvider p) {
            if (p.initCount == 0) {
                throw new IllegalStateException("MAPIUninitialize without MAPIInitialize");
            }
            super.uninitialize(p);
        }
    },
    INIT_10_WRONG_CODE(Rule.INIT_10, "MAPILogonEx before MAPIInitialize returns MAPI_E_LOGON_FAILED",
            "INIT-10: logon(0, NULL, NULL, 0x00008062) after nothing (a fresh provider) expected MAPI_E_NOT_INITIALIZED (0x80040605) but was MAPI_E_LOGON_FAILED (0x80040111)") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            int hr = super.logon(p, ui, profile, password, flags, out);
            return hr == MAPI_E_NOT_INITIALIZED && password == null && p.initCount == 0
                    && (flags & ~MAPI_LOGON_VALID_MASK) == 0 ? MAPI_E_LOGON_FAILED : hr;
        }
    },
    INIT_11_NO_REINITIALIZE(Rule.INIT_11, "MAPIInitialize fails once the count went back to 0",
            "INIT-11: initialize({0, 0}) after the count returned to 0 expected S_OK (0x00000000) but was MAPI_E_CALL_FAILED (0x80004005)") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            return p.everInitialized && p.initCount == 0 ? MAPI_E_CALL_FAILED : super.initialize(p, init);
        }
    },

    LOGON_1_FLAG_0X80_ACCEPTED(Rule.LOGON_1, "MAPILogonEx accepts the undefined flag 0x80",
            "[flag 0x00000080] LOGON-1: logon(0, NULL, NULL, 0x000080E2) expected MAPI_E_UNKNOWN_FLAGS (0x80040106) but was S_OK (0x00000000)") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            return super.logon(p, ui, profile, password, flags & ~0x80, out);
        }
    },
    LOGON_2_PASSWORD_IGNORED(Rule.LOGON_2, "MAPILogonEx ignores a non-null password",
            "[non-null password] LOGON-2: logon(0, NULL, <password>, 0x00008062) expected MAPI_E_LOGON_FAILED (0x80040111) but was S_OK (0x00000000)") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            return super.logon(p, ui, profile, null, flags, out);
        }
    },
    LOGON_2_PROFILE_CUT_AT_NUL(Rule.LOGON_2, "MAPILogonEx cuts the profile name at U+0000",
            "[profile name with U+0000 is not cut at the NUL] LOGON-2: logon(0, \"Default\\0tck\", NULL, 0x00008022)"
                    + " expected MAPI_E_LOGON_FAILED (0x80040111) but was S_OK (0x00000000)") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            String cut = profile == null || profile.indexOf('\u0000') < 0 ? profile
                    : profile.substring(0, profile.indexOf('\u0000'));
            return super.logon(p, ui, cut, password, flags, out);
        }
    },
    LOGON_3_JOINER_SEES_NO_STORES(Rule.LOGON_3, "a handle that joined the shared session has no message-stores table",
            "LOGON-3: a handle that joined the shared session (with an unknown profile name) must see its stores [Personal Folders] but saw null") {
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
    LOGON_4_EXPLICIT_PROFILE_WINS(Rule.LOGON_4, "MAPI_EXPLICIT_PROFILE defeats MAPI_USE_DEFAULT",
            "[NULL name, flags 0x00008072 uses the default profile] LOGON-4: logon(0, NULL, NULL, 0x00008072) expected S_OK (0x00000000) but was MAPI_E_LOGON_FAILED (0x80040111)") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            return (profile == null || profile.isEmpty()) && (flags & MAPI_EXPLICIT_PROFILE) != 0
                    ? MAPI_E_LOGON_FAILED : super.logon(p, ui, profile, password, flags, out);
        }
    },
    LOGON_5_EVERY_NEW_SESSION_PUBLISHED(Rule.LOGON_5, "every new session is published, MAPI_ALLOW_OTHERS or not",
            "[without MAPI_ALLOW_OTHERS nothing is published] LOGON-5: a logon without MAPI_ALLOW_OTHERS published its session") {
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
    LOGON_6_ADDREF_CONSTANT(Rule.LOGON_6, "AddRef on a logged-on handle always returns 1",
            "LOGON-6: addRef() on a new handle expected 2 (reference count 1 + 1) but was 1") {
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
    LOGON_9_FAILED_LOGON_LEAVES_HANDLE(Rule.LOGON_9, "a failed MAPI_ALLOW_OTHERS logon leaves an object in the out-parameter",
            "LOGON-9: logon(0, \"mapi4j-tck-no-such-profile\", NULL, 0x0000806A) failed with MAPI_E_LOGON_FAILED (0x80040111) but left a handle in its out-parameter") {
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
    LOGON_10_NEGATIVE_UIPARAM_REJECTED(Rule.LOGON_10, "MAPILogonEx rejects a ulUIParam with the top bit set",
            "[ulUIParam ffffffffffffffff] LOGON-10: logon(0xffffffffffffffff, NULL, NULL, 0x00008062) expected S_OK (0x00000000) but was MAPI_E_LOGON_FAILED (0x80040111)") {
        @Override
        int logon(DelegatingProvider p, long ui, String profile, String password, int flags, Out<MapiSessionHandle> out) {
            return ui < 0 ? MAPI_E_LOGON_FAILED : super.logon(p, ui, profile, password, flags, out);
        }
    },

    LOGOFF_FLAGS_1_SHARED_UI_REJECTED(Rule.LOGOFF_FLAGS_1, "Logoff rejects MAPI_LOGOFF_SHARED | MAPI_LOGOFF_UI",
            "[logoff(0, 0x00000003, 0)] LOGOFF-FLAGS-1: logoff(0, 0x00000003, 0) expected S_OK (0x00000000) but was MAPI_E_UNKNOWN_FLAGS (0x80040106)") {
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
    LOGOFF_FLAGS_2_BIT_16_IGNORED(Rule.LOGOFF_FLAGS_2, "Logoff ignores flag bit 0x00010000",
            "[logoff(0, 0x00010000, 0)] LOGOFF-FLAGS-2: logoff(0, 0x00010000, 0) expected MAPI_E_UNKNOWN_FLAGS (0x80040106) but was S_OK (0x00000000)") {
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
    LOGOFF_RESERVED_1_NEGATIVE_IGNORED(Rule.LOGOFF_RESERVED_1, "Logoff ignores a negative ulReserved",
            "[logoff(0, 0, -1)] LOGOFF-RESERVED-1: logoff(0, 0x00000000, -1) expected MAPI_E_INVALID_PARAMETER (0x80070057) but was S_OK (0x00000000)") {
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
    LOGOFF_RESERVED_2_RESERVED_FIRST(Rule.LOGOFF_RESERVED_2, "Logoff checks ulReserved before the flags",
            "[logoff(0, 0x00000004, 1)] LOGOFF-RESERVED-2: logoff(0, 0x00000004, 1) expected MAPI_E_UNKNOWN_FLAGS (0x80040106) but was MAPI_E_INVALID_PARAMETER (0x80070057)") {
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
    LOGOFF_UIPARAM_1_HOOK_WITHOUT_UI(Rule.LOGOFF_UIPARAM_1, "Logoff asks the confirmation even without MAPI_LOGOFF_UI",
            "[the confirmation sees exactly 0x0] LOGOFF-UIPARAM-1: logoff without MAPI_LOGOFF_UI called the confirmation hook 1 time(s)") {
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
    LOGOFF_UI_1_ACCEPTED_STAYS_LOGGED_ON(Rule.LOGOFF_UI_1,
            "an accepted confirmation returns S_OK but leaves the handle logged on",
            "[individual session] LOGOFF-UI-1: before logoff(0x123456789a, 0x00000002, 0) accepted by the"
                    + " confirmation returns, sink of the session must be released once (LOGOFF-1), but was released 0"
                    + " time(s)") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    LogoffConfirmation hook = provider.confirmation;
                    if ((flags & MAPI_LOGOFF_UI) != 0 && (flags & ~3) == 0 && reserved == 0 && hook != null
                            && !loggedOff) {
                        try {
                            return hook.confirmLogoff(ui) ? S_OK : org.mapi4j.spi.HResult.MAPI_E_USER_CANCEL;
                        } catch (RuntimeException e) {
                            return MAPI_E_CALL_FAILED;
                        }
                    }
                    return super.logoff(ui, flags, reserved);
                }
            };
        }
    },
    LOGOFF_UI_2_DECLINE_IGNORED(Rule.LOGOFF_UI_2, "a declined confirmation logs off anyway",
            "[individual session] LOGOFF-UI-2: logoff(0x123456789a, 0x00000002, 0) expected MAPI_E_USER_CANCEL (0x80040113) but was S_OK (0x00000000)") {
        @Override
        LogoffConfirmation confirmation(DelegatingProvider p, LogoffConfirmation hook) {
            return hook == null ? null : ui -> {
                hook.confirmLogoff(ui);
                return true;
            };
        }
    },
    LOGOFF_UI_3_THROW_IS_CANCEL(Rule.LOGOFF_UI_3, "a throwing confirmation is taken as a user cancel",
            "[individual session] LOGOFF-UI-3: logoff(0x123456789a, 0x00000002, 0) expected MAPI_E_CALL_FAILED (0x80004005) but was MAPI_E_USER_CANCEL (0x80040113)") {
        @Override
        LogoffConfirmation confirmation(DelegatingProvider p, LogoffConfirmation hook) {
            return hook == null ? null : ui -> {
                try {
                    return hook.confirmLogoff(ui);
                } catch (RuntimeException e) {
                    return false;
                }
            };
        }
    },

    LOGOFF_1_SINKS_RELEASED_LATE(Rule.LOGOFF_1, "Logoff releases the advise sinks only at the final Release",
            "LOGOFF-1: before logoff(0, 0, 0) returns, sink mask 0 must be released once, but was released 0 time(s)") {
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
    LOGOFF_2_ENDS_OTHER_SESSIONS(Rule.LOGOFF_2, "Logoff of an individual session notifies every other session",
            "LOGOFF-2: logoff(0, 0, 0) of one individual session touched the sink of another: notified [ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL]], released 0 time(s)") {
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
    LOGOFF_3_FAILURE_KEEPS_SESSION(Rule.LOGOFF_3, "a sink failing during Logoff makes Logoff fail and the handle stay usable",
            "[a sink of the session throws from Release] LOGOFF-3: after logoff(0, 0, 0) that returned MAPI_E_CALL_FAILED (0x80004005) the handle must be logged off, but advise(NULL, 0, sink) returned S_OK (0x00000000) instead of MAPI_E_INVALID_OBJECT (0x80040108)") {
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
    LOGOFF_4_EXTENDED_TO_EVERY_SINK(Rule.LOGOFF_4, "Logoff sends the extended notification also to sinks that did not ask",
            "[logoff(0, 0, 0)] LOGOFF-4: logoff(0, 0, 0) must not send sink mask 0 (not registered for fnevExtended) a"
                    + " notification, but it received [ExtendedNotification[event=0, 0 bytes]]") {
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
    LOGOFF_5_RACING_LOGOFFS_BOTH_WIN(Rule.LOGOFF_5, "two racing Logoff calls both return S_OK",
            "LOGOFF-5: round 1: 16 concurrent logoff(0, 0, 0) on one handle expected exactly 1 S_OK and 15 MAPI_E_INVALID_OBJECT (0x80040108) but got 2 S_OK, 14 MAPI_E_INVALID_OBJECT, others []") {
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

    POSTLOGOFF_1_STATUS_TABLE_NO_SUPPORT(Rule.POSTLOGOFF_1, "GetStatusTable after Logoff returns MAPI_E_NO_SUPPORT",
            "[slot 8 getStatusTable(0, &table) after logoff(0, 0, 0)] POSTLOGOFF-1: getStatusTable(0, &table) after logoff(0, 0, 0) expected MAPI_E_INVALID_OBJECT (0x80040108) but was MAPI_E_NO_SUPPORT (0x80040102)") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int getStatusTable(int flags, Out<MapiTable> table) {
                    int hr = super.getStatusTable(flags, table);
                    return hr == MAPI_E_INVALID_OBJECT && table != null && !destroyed ? MAPI_E_NO_SUPPORT : hr;
                }
            };
        }
    },
    POSTLOGOFF_2_RELEASE_COUNT_WRONG(Rule.POSTLOGOFF_2, "Release after Logoff returns one more than the count",
            "[after logoff(0, 0, 0)] POSTLOGOFF-2: release() after logoff(0, 0, 0) with 3 reference(s) expected 2 but was 3") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int release() {
                    int n = super.release();
                    return loggedOff && n > 0 ? n + 1 : n;
                }
            };
        }
    },
    POSTLOGOFF_3_ADDREF_DEAD(Rule.POSTLOGOFF_3, "AddRef after Logoff returns 0",
            "[after logoff(0, 0, 0)] POSTLOGOFF-3: addRef() after logoff(0, 0, 0) with 1 reference(s) expected 2 but was 0") {
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
    POSTLOGOFF_4_QI_NOT_SUPPORTED(Rule.POSTLOGOFF_4, "QueryInterface after Logoff returns MAPI_E_INTERFACE_NOT_SUPPORTED",
            "[queryInterface(00000000-0000-0000-c000-000000000046) after logoff(0, 0, 0)] POSTLOGOFF-4: queryInterface(00000000-0000-0000-c000-000000000046) after logoff(0, 0, 0) expected MAPI_E_INVALID_OBJECT (0x80040108) but was MAPI_E_INTERFACE_NOT_SUPPORTED (0x80004002)") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int queryInterface(UUID iid, Out<Object> ppv) {
                    int hr = super.queryInterface(iid, ppv);
                    return hr == MAPI_E_INVALID_OBJECT && ppv != null && !destroyed ? MAPI_E_INTERFACE_NOT_SUPPORTED : hr;
                }
            };
        }
    },
    POSTLOGOFF_6_DESTROYED_ADDREF_REVIVES(Rule.POSTLOGOFF_6, "AddRef on a destroyed handle returns 1",
            "[addRef() and release() after logoff(0, 0, 0) and the final release()] POSTLOGOFF-6: addRef() after logoff(0, 0, 0) and the final release() expected 0 but was 1") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int addRef() {
                    return destroyed ? 1 : super.addRef();
                }
            };
        }
    },
    CHILD_1_TABLE_QUERY_INTERFACE_AFTER_LOGOFF(Rule.CHILD_1,
            "QueryInterface on the message-stores table answers S_OK after its session logged off",
            "[the message-stores table after logoff(0, 0, 0) of its session] CHILD-1: queryInterface(IID_IUnknown,"
                    + " &obj) on the message-stores table after logoff(0, 0, 0) of its session expected"
                    + " MAPI_E_INVALID_OBJECT (0x80040108) but was S_OK (0x00000000)") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int getMsgStoresTable(int flags, Out<MapiTable> table) {
                    int hr = super.getMsgStoresTable(flags, table);
                    if (hr == S_OK && table != null && table.get() != null) {
                        MapiTable real = table.get();
                        table.set((MapiTable) Proxy.newProxyInstance(MapiTable.class.getClassLoader(),
                                new Class<?>[] {MapiTable.class}, (proxy, method, args) -> {
                                    if (method.getName().equals("queryInterface") && args[0] != null) {
                                        @SuppressWarnings("unchecked")
                                        Out<Object> ppv = (Out<Object>) args[1];
                                        ppv.set(proxy);
                                        return S_OK;
                                    }
                                    try {
                                        return method.invoke(real, args);
                                    } catch (java.lang.reflect.InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                }));
                    }
                    return hr;
                }
            };
        }
    },
    CHILD_1_STORE_STAYS_VALID(Rule.CHILD_1, "a message store keeps answering GetProps after its session logged off",
            "[a message store after logoff(0, 0, 0) of its session] CHILD-1: getProps(NULL, 0, &values) on a message store after logoff(0, 0, 0) of its session expected MAPI_E_INVALID_OBJECT (0x80040108) but was S_OK (0x00000000)") {
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
    REL_1_SINKS_NOT_RELEASED(Rule.REL_1, "the final Release without Logoff does not release the advise sinks",
            "[individual session] REL-1: the final release() of a logged-on handle must release its advise sink once (implicit logoff) but released it 0 time(s)") {
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

    SHARED_2_NEEDS_NEW_SESSION(Rule.SHARED_2, "without MAPI_NEW_SESSION and nothing published the default profile fails",
            "SHARED-2: logon(0, NULL, NULL, 0x00008060) expected S_OK (0x00000000) but was MAPI_E_LOGON_FAILED (0x80040111)") {
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
    SHARED_3_PLAIN_LOGOFF_NOTIFIES(Rule.SHARED_3, "a plain Logoff of a participant notifies the others",
            "SHARED-3: after logoff(0, 0, 0) of another participant sink of the publisher expected no notification but got 1 [ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL]]") {
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
    SHARED_4_INDIVIDUAL_SHARED_LOGOFF_NOTIFIES(Rule.SHARED_4, "MAPI_LOGOFF_SHARED on an individual session notifies every other session",
            "SHARED-4: after logoff(0, MAPI_LOGOFF_SHARED, 0) on an individual session sink of another individual session expected no notification but got 1 [ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL]]") {
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
    SHARED_5_NOTIFIED_TWICE(Rule.SHARED_5, "every critical-error notification reaches a sink twice",
            "[the publisher logs off shared] SHARED-5: after logoff(0, MAPI_LOGOFF_SHARED, 0) by the publisher sink 0 of participant 1 expected exactly 1 notification(s) but got 2 [ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL], ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL]]") {
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
    SHARED_8_REJECT_IGNORED(Rule.SHARED_8, "SharedLogoffPolicy.REJECT behaves as WARN",
            "[REJECT on a shared session] SHARED-8: logoff(0, MAPI_LOGOFF_SHARED, 0) under SharedLogoffPolicy.REJECT expected MAPI_E_NO_ACCESS (0x80070005) but was S_OK (0x00000000)") {
        @Override
        SharedLogoffPolicy policy(SharedLogoffPolicy policy) {
            return policy == SharedLogoffPolicy.REJECT ? SharedLogoffPolicy.WARN : policy;
        }
    },

    NOTIFY_1_NEW_MAIL_MASK_REJECTED(Rule.NOTIFY_1, "session-level Advise with fnevNewMail returns MAPI_E_NO_SUPPORT",
            "[advise(NULL, 0x00000002, sink)] NOTIFY-1: advise(NULL, 0x00000002, sink mask 0x00000002) expected S_OK (0x00000000) but was MAPI_E_NO_SUPPORT (0x80040102)") {
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
    NOTIFY_2_EMPTY_ENTRY_ID_IS_NULL(Rule.NOTIFY_2, "Advise takes an empty entry id for NULL",
            "NOTIFY-2: advise(empty entry id, 0, sink, &conn) expected MAPI_E_INVALID_PARAMETER (0x80070057) but was S_OK (0x00000000)") {
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
    NOTIFY_3_BAD_ENTRY_ID_ACCEPTED(Rule.NOTIFY_3, "object-level Advise with an unknown entry id returns S_OK",
            "NOTIFY-3: advise(1-byte entry id nobody issued, 0, sink, &conn) expected one of MAPI_E_INVALID_ENTRYID (0x80040107), MAPI_E_UNKNOWN_ENTRYID (0x80040201), MAPI_E_NO_SUPPORT (0x80040102) but was S_OK (0x00000000)") {
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
    NOTIFY_4_NUMBERS_REUSED(Rule.NOTIFY_4, "Advise reuses the smallest free connection number",
            "NOTIFY-4: advise #5 returned connection 4, which this handle already handed out") {
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
    NOTIFY_5_DOUBLE_RELEASE(Rule.NOTIFY_5, "Unadvise releases the sink twice",
            "[AddRef on Advise, Release on Unadvise and Logoff] NOTIFY-5: unadvise must Release the sink exactly once before it returns: Release 2") {
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
    NOTIFY_6_DELIVERS_AFTER_UNADVISE(Rule.NOTIFY_6, "Unadvise releases the sink but keeps delivering to it",
            "[a shared logoff after unadvise does not reach the sink] NOTIFY-6: after unadvise and another participant's shared logoff sink unadvised expected no notification but got 1 [ErrorNotification[scode=MAPI_E_END_OF_SESSION (0x80040200), flags=0, entryId=NULL]]") {
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
    NOTIFY_7_UNADVISE_ZERO_OK(Rule.NOTIFY_7, "Unadvise(0) returns S_OK",
            "NOTIFY-7: unadvise(0) expected MAPI_E_NOT_FOUND (0x8004010F) but was S_OK (0x00000000)") {
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
    NOTIFY_9_CANCELLED_NOT_FOUND(Rule.NOTIFY_9, "Unadvise after Logoff answers MAPI_E_NOT_FOUND for its cancelled numbers",
            "[after logoff(0, 0, 0)] NOTIFY-9: unadvise({n}) after logoff(0, 0, 0) expected MAPI_E_INVALID_OBJECT (0x80040108) but was MAPI_E_NOT_FOUND (0x8004010F)") {
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

    CALLBACK_1_CONFIRMATION_UNDER_LOCK(Rule.CALLBACK_1,
            "Logoff runs the confirmation while it holds a non-reentrant lock of the handle that Logoff takes",
            "[the confirmation calls Logoff on its own session] CALLBACK-1: the confirmation calls Logoff on its"
                    + " own session did not end within PT2S (a hang; spec decision 9); every thread's stack:\n{stacks}") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                private final java.util.concurrent.Semaphore lock = new java.util.concurrent.Semaphore(1);

                @Override
                public int logoff(long ui, int flags, int reserved) {
                    lock.acquireUninterruptibly();
                    try {
                        return super.logoff(ui, flags, reserved);
                    } finally {
                        lock.release();
                    }
                }
            };
        }
    },
    CALLBACK_2_CONFIRMATION_ERROR_ESCAPES(Rule.CALLBACK_2, "an Error thrown by the confirmation escapes Logoff",
            "[the confirmation throws an Error] CALLBACK-2: logoff(0x4d415049, 0x00000002, 0) let the Error thrown"
                    + " by user code escape: TCK: the confirmation fails with an Error") {
        @Override
        DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
            return new DelegatingSession(p, h, f, pr) {
                @Override
                public int logoff(long ui, int flags, int reserved) {
                    int hr = super.logoff(ui, flags, reserved);
                    Error e = provider.confirmationError.getAndSet(null);
                    if (e != null) {
                        throw e;
                    }
                    return hr;
                }
            };
        }

        @Override
        LogoffConfirmation confirmation(DelegatingProvider p, LogoffConfirmation hook) {
            return hook == null ? null : new LogoffConfirmation() {
                @Override
                public boolean confirmLogoff(long ui) {
                    try {
                        return hook.confirmLogoff(ui);
                    } catch (Error e) {
                        p.confirmationError.set(e);
                        throw e;
                    }
                }
            };
        }
    },
    CALLBACK_3_UNINITIALIZE_DOES_NOT_WAIT(Rule.CALLBACK_3,
            "the last MAPIUninitialize returns at once while a Logoff is still running, and finishes later",
            "[the last MAPIUninitialize during a shared logoff's delivery waits for it] CALLBACK-3: the last"
                    + " uninitialize() returned while a shared logoff that started before it was still delivering"
                    + " its notification") {
        @Override
        void uninitialize(DelegatingProvider p) {
            if (p.logoffsInFlight.get() == 0) {
                super.uninitialize(p);
                return;
            }
            Thread later = new Thread(() -> super.uninitialize(p), "broken-uninitialize-later");
            later.setDaemon(true);
            later.start();
        }
    },
    FAST_1_NO_CLIENT_SHUTDOWN(Rule.FAST_1, "declares FAST_SHUTDOWN but QueryInterface(IID_IMAPIClientShutdown) fails",
            "FAST-1: queryInterface(IID_IMAPIClientShutdown) on a provider with FAST_SHUTDOWN expected S_OK (0x00000000) but was MAPI_E_INTERFACE_NOT_SUPPORTED (0x80004002)") {
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
    FAST_2_POLICY_2_ALLOWS_QUERY(Rule.FAST_2, "QueryFastShutdown under policy 2 returns S_OK",
            "[policy 2] FAST-2: queryFastShutdown() under policy 2 expected MAPI_E_NO_SUPPORT (0x80040102) but was S_OK (0x00000000)") {
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
    FAST_3_POLICY_2_NOTIFY_FAILS(Rule.FAST_3, "NotifyProcessShutdown under policy 2 returns MAPI_E_NO_SUPPORT",
            "[policy 2] FAST-3: notifyProcessShutdown() expected S_OK (0x00000000) but was MAPI_E_NO_SUPPORT (0x80040102)") {
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
    FAST_4_NEEDS_QUERY_FIRST(Rule.FAST_4, "DoFastShutdown without QueryFastShutdown returns MAPI_E_NO_SUPPORT",
            "[the provider as created] FAST-4: doFastShutdown() without queryFastShutdown() (the same policy answered S_OK (0x00000000)) expected S_OK (0x00000000) but was MAPI_E_NO_SUPPORT (0x80040102)") {
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
    FAST_5_REINITIALIZE_AFTER_SHUTDOWN(Rule.FAST_5, "MAPIInitialize after DoFastShutdown returns S_OK",
            "FAST-5: initialize(NULL) after doFastShutdown() expected MAPI_E_NOT_INITIALIZED (0x80040605) but was S_OK (0x00000000)") {
        @Override
        int initialize(DelegatingProvider p, MapiInit init) {
            return p.terminated ? S_OK : super.initialize(p, init);
        }
    };

    private final Rule rule;
    private final String description;
    private final String expectedFailure;

    Breakage(Rule rule, String description, String expectedFailure) {
        this.rule = rule;
        this.description = description;
        this.expectedFailure = expectedFailure;
    }

    /**
     * @return the exact failure the TCK must report for this provider: the failing case in brackets
     *     (for a rule with cases), the rule ID, the call, and what was expected and found
     */
    String expectedFailure() {
        return expectedFailure;
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
                delegate.setLogoffConfirmation(breakage.confirmation(this, confirmation));
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

    LogoffConfirmation confirmation(DelegatingProvider p, LogoffConfirmation hook) {
        return hook;
    }

    SharedLogoffPolicy policy(SharedLogoffPolicy policy) {
        return policy;
    }
}
