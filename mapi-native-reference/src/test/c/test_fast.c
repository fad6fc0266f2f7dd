/* FAST-1..5: IMAPIClientShutdown and the TERMINATED instance. */
#include "support.h"

static IMAPIClientShutdown *client_shutdown(IMAPISession *s)
{
    IID id = iid(MAPI4J_IIDL_IMAPIClientShutdown);
    IMAPIClientShutdown *cs = NULL;
    REQUIRE_HR(S_OK, V(s)->QueryInterface(s, &id, (void **)&cs));
    REQUIRE(cs != NULL);
    return cs;
}

TEST(test_FAST_1_query_interface_gives_a_six_slot_client_shutdown)
{
    init_ok();
    IMAPISession *s = logon_new();
    IMAPIClientShutdown *cs = client_shutdown(s);
    CHECK((void *)cs != (void *)s);
    CHECK_EQ(6 * sizeof(void *), sizeof(IMAPIClientShutdownVtbl));
    IID unk = iid(MAPI4J_IIDL_IUnknown), self = iid(MAPI4J_IIDL_IMAPIClientShutdown);
    IID ses = iid(MAPI4J_IIDL_IMAPISession);
    void *p = NULL;
    CHECK_HR(S_OK, V(cs)->QueryInterface(cs, &self, &p));
    CHECK(p == cs);
    CHECK_HR(S_OK, V(cs)->QueryInterface(cs, &unk, &p));
    CHECK(p == cs);
    p = (void *)cs;
    CHECK_HR(MAPI_E_INTERFACE_NOT_SUPPORTED, V(cs)->QueryInterface(cs, &ses, &p));
    CHECK(p == NULL);
    CHECK_EQ(2, V(cs)->Release(cs));
    CHECK_EQ(1, V(cs)->Release(cs));
    CHECK_EQ(0, V(cs)->Release(cs));
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_FAST_2_query_fast_shutdown_follows_the_policy_without_state_change)
{
    init_ok();
    IMAPISession *s = logon_new();
    IMAPIClientShutdown *cs = client_shutdown(s);
    const HRESULT expected[] = { S_OK, S_OK, MAPI_E_NO_SUPPORT };
    for (ULONG policy = 0; policy <= 2; policy++) {
        MAPI4J_SetFastShutdownPolicy(policy);
        CHECK_HR(expected[policy], V(cs)->QueryFastShutdown(cs));
        CHECK_HR(expected[policy], V(cs)->QueryFastShutdown(cs));
    }
    MAPI4J_SetFastShutdownPolicy(7); /* ignored: stays 2 */
    CHECK_HR(MAPI_E_NO_SUPPORT, V(cs)->QueryFastShutdown(cs));
    logoff_release(logon_new()); /* nothing changed */
    CHECK_EQ(0, V(cs)->Release(cs));
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_FAST_3_notify_process_shutdown_always_s_ok)
{
    init_ok();
    IMAPISession *s = logon_new();
    IMAPIClientShutdown *cs = client_shutdown(s);
    for (ULONG policy = 0; policy <= 2; policy++) {
        MAPI4J_SetFastShutdownPolicy(policy);
        CHECK_HR(S_OK, V(cs)->NotifyProcessShutdown(cs));
    }
    CHECK_EQ(0, V(cs)->Release(cs));
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_FAST_4_do_fast_shutdown_refused_by_policy_2_nothing_changed)
{
    init_ok();
    IMAPISession *s = logon_new();
    IMAPIClientShutdown *cs = client_shutdown(s);
    MAPI4J_SetFastShutdownPolicy(2);
    CHECK_HR(MAPI_E_NO_SUPPORT, V(cs)->DoFastShutdown(cs));
    IMAPISession *other = logon_new(); /* still initialized, handles alive */
    logoff_release(other);
    CHECK_EQ(0, V(cs)->Release(cs));
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_FAST_4_do_fast_shutdown_without_query_follows_the_policy)
{
    init_ok();
    IMAPISession *s = logon_new();
    IMAPIClientShutdown *cs = client_shutdown(s);
    CHECK_HR(S_OK, V(cs)->DoFastShutdown(cs));
    CHECK_EQ(0, V(cs)->Release(cs));
    CHECK_EQ(0, V(s)->Release(s));
}

TEST(test_FAST_5_terminated_instance)
{
    init_ok();
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *joiner = logon_ok(NULL, 0);
    IMAPISession *ind = logon_new();
    struct test_sink sj, sp;
    sink_init(&sj);
    sink_init(&sp);
    advise_ok(joiner, &sj, 0);
    advise_ok(pub, &sp, fnevExtended);
    IMAPITable *t = NULL;
    REQUIRE_HR(S_OK, V(ind)->GetMsgStoresTable(ind, 0, &t));
    IMAPIClientShutdown *cs = client_shutdown(pub);
    IMAPIClientShutdown *cs2 = client_shutdown(ind);

    CHECK_HR(S_OK, V(cs)->QueryFastShutdown(cs));
    CHECK_HR(S_OK, V(cs)->NotifyProcessShutdown(cs));
    CHECK_HR(S_OK, V(cs)->DoFastShutdown(cs));

    /* no logoff processing and no notification of any kind */
    CHECK_EQ(0, atomic_load(&sj.calls) + atomic_load(&sp.calls));
    CHECK_EQ(1, atomic_load(&sj.refs));
    CHECK_EQ(1, atomic_load(&sp.refs));
    IMAPISession *all[] = { pub, joiner, ind };
    for (int i = 0; i < 3; i++) {
        CHECK_HR(MAPI_E_INVALID_OBJECT, V(all[i])->Logoff(all[i], 0, MAPI_LOGOFF_SHARED, 0));
        ULONG cb = 7;
        LPENTRYID id = (LPENTRYID)&cb;
        CHECK_HR(MAPI_E_INVALID_OBJECT, V(all[i])->QueryIdentity(all[i], &cb, &id));
        CHECK(cb == 0 && id == NULL);
    }
    ULONG n = 7;
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(t)->GetRowCount(t, 0, &n));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(cs)->QueryFastShutdown(cs));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(cs)->DoFastShutdown(cs));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(cs2)->NotifyProcessShutdown(cs2));

    IMAPISession *s = (IMAPISession *)&s;
    CHECK_HR(MAPI_E_NOT_INITIALIZED, MAPILogonEx(0, "Default", NULL, MAPI_NEW_SESSION, &s));
    CHECK(s == NULL);
    CHECK_HR(MAPI_E_NOT_INITIALIZED, MAPIInitialize(NULL));
    MAPIUninitialize(); /* a no-op */
    MAPIUninitialize();
    CHECK_HR(MAPI_E_NOT_INITIALIZED, MAPIInitialize(NULL));

    /* Release still works everywhere */
    CHECK_EQ(0, V(t)->Release(t));
    CHECK_EQ(0, V(cs)->Release(cs));
    CHECK_EQ(0, V(cs2)->Release(cs2));
    for (int i = 0; i < 3; i++) CHECK_EQ(0, V(all[i])->Release(all[i]));

    /* only the test reset leaves TERMINATED */
    MAPI4J_ResetInstance();
    init_ok();
    logoff_release(logon_new());
    MAPIUninitialize();
}
