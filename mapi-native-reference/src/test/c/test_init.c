/* INIT-1..11: MAPIInitialize / MAPIUninitialize. */
#include <string.h>

#include "support.h"

/* S_OK iff MAPI is initialized: a logon that needs nothing but an initialized instance. */
static HRESULT probe_initialized(void)
{
    IMAPISession *s = NULL;
    HRESULT hr = MAPILogonEx(0, NULL, NULL, MAPI_USE_DEFAULT | MAPI_NEW_SESSION, &s);
    if (s) logoff_release(s);
    return hr;
}

TEST(test_INIT_1_null_initializes)
{
    CHECK_HR(S_OK, MAPIInitialize(NULL));
    CHECK_HR(S_OK, probe_initialized());
    MAPIUninitialize();
    CHECK_HR(MAPI_E_NOT_INITIALIZED, probe_initialized());
}

TEST(test_INIT_2_every_valid_flag_combination_accepted)
{
    const ULONG valid[] = { 0, MAPI_MULTITHREAD_NOTIFICATIONS, MAPI_NO_COINIT, MAPI_NT_SERVICE, 0x00010009u,
                            MAPI_MULTITHREAD_NOTIFICATIONS | MAPI_NO_COINIT };
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++) {
        MAPIINIT_0 init = { MAPI_INIT_VERSION, valid[i] };
        CHECK_HR(S_OK, MAPIInitialize(&init));
        CHECK_HR(S_OK, probe_initialized());
        MAPIUninitialize();
        CHECK_HR(MAPI_E_NOT_INITIALIZED, probe_initialized());
    }
}

TEST(test_INIT_3_bad_version_invalid_parameter_count_unchanged)
{
    const ULONG versions[] = { 1, 2, 0xFFFFFFFFu, 0x80000000u };
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) {
        MAPIINIT_0 init = { versions[i], 0 };
        CHECK_HR(MAPI_E_INVALID_PARAMETER, MAPIInitialize(&init));
        CHECK_HR(MAPI_E_NOT_INITIALIZED, probe_initialized());
    }
}

TEST(test_INIT_4_each_unknown_flag_bit_rejected_count_unchanged)
{
    for (int bit = 0; bit < 32; bit++) {
        ULONG flag = 1u << bit;
        if (flag & 0x00010009u) continue;
        MAPIINIT_0 init = { MAPI_INIT_VERSION, flag };
        CHECK_HR(MAPI_E_UNKNOWN_FLAGS, MAPIInitialize(&init));
        init.ulFlags = flag | MAPI_MULTITHREAD_NOTIFICATIONS;
        CHECK_HR(MAPI_E_UNKNOWN_FLAGS, MAPIInitialize(&init));
        CHECK_HR(MAPI_E_NOT_INITIALIZED, probe_initialized());
    }
    MAPIINIT_0 reserved = { MAPI_INIT_VERSION, 0x40000000u };
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, MAPIInitialize(&reserved));
}

TEST(test_INIT_4_GEN_3_flags_checked_before_version)
{
    MAPIINIT_0 init = { 7, 0x2 };
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, MAPIInitialize(&init));
    CHECK_HR(MAPI_E_NOT_INITIALIZED, probe_initialized());
}

TEST(test_INIT_5_nested_calls_succeed_and_count)
{
    MAPIINIT_0 first = { 0, MAPI_MULTITHREAD_NOTIFICATIONS };
    MAPIINIT_0 later = { 0, MAPI_NO_COINIT };
    CHECK_HR(S_OK, MAPIInitialize(&first));
    CHECK_HR(S_OK, MAPIInitialize(NULL));
    CHECK_HR(S_OK, MAPIInitialize(&later));
    MAPIUninitialize();
    MAPIUninitialize();
    CHECK_HR(S_OK, probe_initialized());
    MAPIUninitialize();
    CHECK_HR(MAPI_E_NOT_INITIALIZED, probe_initialized());
}

TEST(test_INIT_5_nested_call_still_validates_flags)
{
    init_ok();
    MAPIINIT_0 bad = { 0, 0x4 };
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, MAPIInitialize(&bad));
    MAPIUninitialize();
    CHECK_HR(MAPI_E_NOT_INITIALIZED, probe_initialized());
}

TEST(test_INIT_6_failing_initialize_does_not_count)
{
    init_ok();
    MAPIINIT_0 bad = { 1, 0 };
    CHECK_HR(MAPI_E_INVALID_PARAMETER, MAPIInitialize(&bad));
    MAPI4J_InjectFault("MAPIInitialize", MAPI_E_CALL_FAILED);
    CHECK_HR(MAPI_E_CALL_FAILED, MAPIInitialize(NULL));
    MAPIUninitialize();
    CHECK_HR(MAPI_E_NOT_INITIALIZED, probe_initialized());
}

TEST(test_INIT_7_uninitialize_decrements)
{
    init_ok();
    init_ok();
    MAPIUninitialize();
    CHECK_HR(S_OK, probe_initialized());
    MAPIUninitialize();
    CHECK_HR(MAPI_E_NOT_INITIALIZED, probe_initialized());
}

TEST(test_INIT_8_last_uninitialize_invalidates_handles_as_plain_logoff)
{
    init_ok();
    IMAPISession *a = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *b = logon_ok(NULL, 0); /* joins a */
    IMAPISession *c = logon_new();
    struct test_sink sa, sb;
    sink_init(&sa);
    sink_init(&sb);
    advise_ok(a, &sa, fnevExtended);
    advise_ok(b, &sb, 0);
    IMAPITable *t = NULL;
    REQUIRE_HR(S_OK, V(c)->GetMsgStoresTable(c, 0, &t));

    MAPIUninitialize();

    IMAPISession *all[] = { a, b, c };
    for (int i = 0; i < 3; i++) {
        ULONG cb = 1;
        LPENTRYID id = (LPENTRYID)&cb;
        CHECK_HR(MAPI_E_INVALID_OBJECT, V(all[i])->QueryIdentity(all[i], &cb, &id));
        CHECK(cb == 0 && id == NULL);
        CHECK_HR(MAPI_E_INVALID_OBJECT, V(all[i])->Logoff(all[i], 0, 0, 0));
    }
    ULONG rows = 5;
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(t)->GetRowCount(t, 0, &rows));
    CHECK_EQ(0, rows);
    /* as Logoff(0,0,0): registrations cancelled, sinks released, no shared-logoff notification */
    CHECK_EQ(1, atomic_load(&sa.refs));
    CHECK_EQ(1, atomic_load(&sb.refs));
    CHECK_EQ(0, atomic_load(&sa.critical) + atomic_load(&sb.critical));
    CHECK_EQ(1, atomic_load(&sa.extended)); /* LOGOFF-4, optional, as for any Logoff(0,0,0) */
    CHECK_EQ(0, V(t)->Release(t));
    CHECK_EQ(0, V(a)->Release(a));
    CHECK_EQ(0, V(b)->Release(b));
    CHECK_EQ(0, V(c)->Release(c));

    /* the published slot is cleared: a re-initialized instance has nothing to join */
    init_ok();
    IMAPISession *j = NULL;
    CHECK_HR(MAPI_E_LOGON_FAILED, MAPILogonEx(0, "NoSuchProfile", NULL, 0, &j));
    CHECK(j == NULL);
    MAPIUninitialize();
}

TEST(test_INIT_8_only_the_last_uninitialize_invalidates)
{
    init_ok();
    init_ok();
    IMAPISession *s = logon_new();
    MAPIUninitialize();
    ULONG cb;
    LPENTRYID id;
    CHECK_HR(S_OK, V(s)->QueryIdentity(s, &cb, &id));
    MAPIFreeBuffer(id);
    MAPIUninitialize();
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(s)->QueryIdentity(s, &cb, &id));
    CHECK_EQ(0, V(s)->Release(s));
}

TEST(test_INIT_9_unbalanced_uninitialize_is_a_noop)
{
    MAPIUninitialize();
    MAPIUninitialize();
    CHECK_HR(MAPI_E_NOT_INITIALIZED, probe_initialized());
    init_ok();
    MAPIUninitialize();
    MAPIUninitialize();
    init_ok();
    CHECK_HR(S_OK, probe_initialized());
    MAPIUninitialize();
}

TEST(test_INIT_10_logon_before_initialize_not_initialized)
{
    IMAPISession *s = (IMAPISession *)&s;
    CHECK_HR(MAPI_E_NOT_INITIALIZED, MAPILogonEx(0, "Default", NULL, MAPI_NEW_SESSION, &s));
    CHECK(s == NULL);
    CHECK_EQ(0, MAPI4J_LiveObjectCount());
    /* state comes first (GEN-3): even invalid flags and a NULL out pointer */
    CHECK_HR(MAPI_E_NOT_INITIALIZED, MAPILogonEx(0, NULL, NULL, 0x4000, NULL));
}

TEST(test_INIT_11_reinitialize_after_count_reached_zero)
{
    init_ok();
    IMAPISession *old = logon_new();
    MAPIUninitialize();
    CHECK_HR(S_OK, MAPIInitialize(NULL));
    IMAPISession *fresh = logon_new();
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(old)->Logoff(old, 0, 0, 0)); /* stays invalid */
    CHECK_EQ(0, V(old)->Release(old));
    logoff_release(fresh);
    MAPIUninitialize();
}
