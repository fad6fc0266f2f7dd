/* NOTIFY-1..7/9 and LOGOFF-4: session-level Advise / Unadvise. */
#include <string.h>

#include "support.h"

TEST(test_NOTIFY_1_session_advise_returns_nonzero_connection_and_holds_the_sink)
{
    init_ok();
    IMAPISession *s = logon_new();
    struct test_sink sink;
    sink_init(&sink);
    const ULONG masks[] = { 0, fnevCriticalError, fnevExtended, fnevNewMail | fnevTableModified, 0xFFFFFFFFu };
    ULONG_PTR conns[5];
    for (int i = 0; i < 5; i++) {
        conns[i] = 0;
        CHECK_HR(S_OK, V(s)->Advise(s, 0, NULL, masks[i], &sink.base, &conns[i]));
        CHECK(conns[i] != 0);
        CHECK_EQ(2 + i, atomic_load(&sink.refs));
    }
    for (int i = 0; i < 5; i++) CHECK_HR(S_OK, V(s)->Unadvise(s, conns[i]));
    CHECK_EQ(1, atomic_load(&sink.refs));
    CHECK_EQ(0, atomic_load(&sink.calls));
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_NOTIFY_1_LOGOFF_4_extended_only_for_sinks_that_asked)
{
    init_ok();
    IMAPISession *s = logon_new();
    struct test_sink with, without;
    sink_init(&with);
    sink_init(&without);
    advise_ok(s, &with, fnevExtended | fnevNewMail);
    advise_ok(s, &without, fnevCriticalError | fnevNewMail);
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(1, atomic_load(&with.extended));
    CHECK_EQ(1, atomic_load(&with.calls));
    CHECK_EQ(fnevExtended, with.last.ulEventType);
    CHECK_EQ(0, with.last.info.ext.ulEvent);
    CHECK_EQ(0, with.last.info.ext.cb);
    CHECK(with.last.info.ext.pbEventParameters == NULL);
    CHECK_EQ(0, atomic_load(&without.calls));
    CHECK_EQ(1, atomic_load(&with.refs));
    CHECK_EQ(1, atomic_load(&without.refs));
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_NOTIFY_2_bad_arguments_invalid_parameter_no_registration)
{
    init_ok();
    IMAPISession *s = logon_new();
    struct test_sink sink;
    sink_init(&sink);
    long before = MAPI4J_LiveObjectCount();
    ULONG_PTR conn = 77;
    BYTE id[32] = { 0 };
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->Advise(s, 0, NULL, 0, NULL, &conn));
    CHECK(conn == 0);
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->Advise(s, 0, NULL, 0, &sink.base, NULL));
    conn = 77;
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->Advise(s, 0, (LPENTRYID)id, 0, &sink.base, &conn));
    CHECK(conn == 0);
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->Advise(s, 8, NULL, 0, &sink.base, &conn));
    CHECK_EQ(1, atomic_load(&sink.refs));
    CHECK_EQ(before, MAPI4J_LiveObjectCount());
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_NOTIFY_3_object_registrations)
{
    init_ok();
    IMAPISession *s = logon_new();
    struct test_sink sink;
    sink_init(&sink);
    ULONG_PTR conn = 77;
    BYTE shortid[8] = { 0 };
    CHECK_HR(MAPI_E_INVALID_ENTRYID, V(s)->Advise(s, sizeof shortid, (LPENTRYID)shortid, 0, &sink.base, &conn));
    BYTE foreign[40];
    memset(foreign, 0xAB, sizeof foreign);
    CHECK_HR(MAPI_E_UNKNOWN_ENTRYID, V(s)->Advise(s, sizeof foreign, (LPENTRYID)foreign, 0, &sink.base, &conn));
    ULONG cb;
    LPENTRYID ours;
    REQUIRE_HR(S_OK, V(s)->QueryIdentity(s, &cb, &ours));
    CHECK_HR(MAPI_E_NO_SUPPORT, V(s)->Advise(s, cb, ours, fnevNewMail, &sink.base, &conn));
    CHECK(conn == 0);
    MAPIFreeBuffer(ours);
    CHECK_EQ(1, atomic_load(&sink.refs));
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_NOTIFY_4_connection_numbers_unique_and_never_reused)
{
    init_ok();
    IMAPISession *s = logon_new();
    struct test_sink sink;
    sink_init(&sink);
    enum { N = 100 };
    ULONG_PTR seen[2 * N];
    for (int i = 0; i < N; i++) seen[i] = advise_ok(s, &sink, 0);
    for (int i = 0; i < N; i++) CHECK_HR(S_OK, V(s)->Unadvise(s, seen[i]));
    for (int i = N; i < 2 * N; i++) {
        seen[i] = advise_ok(s, &sink, 0);
        if (i % 2) CHECK_HR(S_OK, V(s)->Unadvise(s, seen[i]));
    }
    for (int i = 0; i < 2 * N; i++)
        for (int j = i + 1; j < 2 * N; j++) CHECK(seen[i] != seen[j]);
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(1, atomic_load(&sink.refs));
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_NOTIFY_4_connection_out_param_is_pointer_sized)
{
    init_ok();
    IMAPISession *s = logon_new();
    struct test_sink sink;
    sink_init(&sink);
    ULONG_PTR conn = (ULONG_PTR)-1; /* every byte must be written, not just the low 32 bits */
    CHECK_HR(S_OK, V(s)->Advise(s, 0, NULL, 0, &sink.base, &conn));
    CHECK(conn != 0 && (conn >> 16 >> 16) == 0); /* a number below 2^32, also where ULONG_PTR is 64-bit */
    CHECK_HR(S_OK, V(s)->Unadvise(s, conn));
    logoff_release(s);
    MAPIUninitialize();
}

/* Unadvises its own registration from inside OnNotify: the library must not free the sink
 * reference under the running call (NOTIFY-5's deferral). */
static void unadvise_self(struct test_sink *self, const NOTIFICATION *n)
{
    (void)n;
    IMAPISession *s = self->context;
    CHECK_HR(S_OK, V(s)->Unadvise(s, 1));
    CHECK(atomic_load(&self->refs) >= 2); /* still pinned by the delivery */
    CHECK_HR(MAPI_E_NOT_FOUND, V(s)->Unadvise(s, 1));
}

TEST(test_NOTIFY_5_unadvise_releases_the_sink_after_a_running_on_notify)
{
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *joiner = logon_ok(NULL, 0);
    struct test_sink sink;
    sink_init(&sink);
    sink.on_notify = unadvise_self;
    sink.context = joiner;
    CHECK_EQ(1, advise_ok(joiner, &sink, 0)); /* first connection number of the handle */
    CHECK_HR(S_OK, V(pub)->Logoff(pub, 0, MAPI_LOGOFF_SHARED, 0));
    CHECK_EQ(1, atomic_load(&sink.critical));
    CHECK_EQ(1, atomic_load(&sink.refs));
    logoff_release(joiner);
    CHECK_EQ(0, V(pub)->Release(pub));
    MAPIUninitialize();
}

TEST(test_NOTIFY_6_no_notification_after_unadvise)
{
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *joiner = logon_ok(NULL, 0);
    struct test_sink gone, kept;
    sink_init(&gone);
    sink_init(&kept);
    ULONG_PTR c = advise_ok(joiner, &gone, 0);
    advise_ok(joiner, &kept, 0);
    CHECK_HR(S_OK, V(joiner)->Unadvise(joiner, c));
    CHECK_EQ(1, atomic_load(&gone.refs));
    CHECK_HR(S_OK, V(pub)->Logoff(pub, 0, MAPI_LOGOFF_SHARED, 0));
    CHECK_EQ(0, atomic_load(&gone.calls));
    CHECK_EQ(1, atomic_load(&kept.critical));
    logoff_release(joiner);
    CHECK_EQ(0, V(pub)->Release(pub));
    MAPIUninitialize();
}

TEST(test_NOTIFY_7_unadvise_unknown_connections_not_found)
{
    init_ok();
    IMAPISession *a = logon_new();
    IMAPISession *b = logon_new();
    struct test_sink sink;
    sink_init(&sink);
    ULONG_PTR ca = advise_ok(a, &sink, 0);
    ULONG_PTR cb = advise_ok(b, &sink, 0);
    CHECK_HR(MAPI_E_NOT_FOUND, V(a)->Unadvise(a, 0));
    CHECK_HR(MAPI_E_NOT_FOUND, V(a)->Unadvise(a, 12345));
    CHECK_HR(MAPI_E_NOT_FOUND, V(a)->Unadvise(a, (ULONG_PTR)-1));
    CHECK_HR(MAPI_E_NOT_FOUND, V(a)->Unadvise(a, ca + 1)); /* never handed out by a */
    (void)cb;
    CHECK_EQ(3, atomic_load(&sink.refs));
    CHECK_HR(S_OK, V(a)->Unadvise(a, ca));
    CHECK_HR(MAPI_E_NOT_FOUND, V(a)->Unadvise(a, ca)); /* already cancelled */
    /* the same number on another handle is that handle's own registration */
    CHECK(ca == cb);
    CHECK_HR(S_OK, V(b)->Unadvise(b, cb));
    CHECK_EQ(1, atomic_load(&sink.refs));
    logoff_release(a);
    logoff_release(b);
    MAPIUninitialize();
}

TEST(test_NOTIFY_7_another_handles_connection_not_found)
{
    init_ok();
    IMAPISession *a = logon_new();
    IMAPISession *b = logon_new();
    struct test_sink sink;
    sink_init(&sink);
    advise_ok(a, &sink, 0);
    advise_ok(a, &sink, 0);
    ULONG_PTR cb = advise_ok(b, &sink, 0);
    (void)cb;
    ULONG_PTR ca3 = advise_ok(a, &sink, 0); /* a: 3, b: 1 */
    CHECK_HR(MAPI_E_NOT_FOUND, V(b)->Unadvise(b, ca3));
    CHECK_EQ(5, atomic_load(&sink.refs));
    logoff_release(a);
    logoff_release(b);
    CHECK_EQ(1, atomic_load(&sink.refs));
    MAPIUninitialize();
}

TEST(test_NOTIFY_9_advise_and_unadvise_after_logoff_invalid_object)
{
    init_ok();
    IMAPISession *s = logon_new();
    struct test_sink sink;
    sink_init(&sink);
    ULONG_PTR c = advise_ok(s, &sink, 0);
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(1, atomic_load(&sink.refs)); /* already cancelled by LOGOFF-1 */
    ULONG_PTR conn = 77;
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(s)->Advise(s, 0, NULL, 0, &sink.base, &conn));
    CHECK(conn == 0);
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(s)->Unadvise(s, c));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(s)->Advise(s, 0, NULL, 0, NULL, NULL)); /* state first */
    CHECK_EQ(1, atomic_load(&sink.refs));
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}
