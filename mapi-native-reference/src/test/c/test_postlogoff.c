/* POSTLOGOFF-1..4 on every slot, CHILD-1, REL-1, and MAPI_E_NO_SUPPORT for unimplemented slots. */
#include <string.h>

#include "support.h"

#define GARBAGE ((void *)0x5A5A5A5A)

/* Calls every non-IUnknown slot (3..21) with out-parameters preset to garbage; each must return
 * `expected` and clear its out-parameters. Logoff and Advise/Unadvise get valid arguments, so
 * only the handle state can explain a failure. */
static void every_session_slot(IMAPISession *s, HRESULT expected)
{
    const IMAPISessionVtbl *v = V(s);
    IID iface = iid(MAPI4J_IIDL_IUnknown);
    ENTRYID eid = { { 0 }, { 0 } };
    LPMAPIERROR err = GARBAGE;
    CHECK_HR(expected, v->GetLastError(s, MAPI_E_CALL_FAILED, 0, &err));
    CHECK(err == NULL);
    LPMAPITABLE table = GARBAGE;
    if (expected != MAPI_E_NO_SUPPORT) { /* GetMsgStoresTable is implemented */
        CHECK_HR(expected, v->GetMsgStoresTable(s, 0, &table));
        CHECK(table == NULL);
    }
    LPMDB mdb = GARBAGE;
    /* OpenMsgStore is implemented for its answers: an id no store of the session has (decision 8). */
    CHECK_HR(expected == MAPI_E_NO_SUPPORT ? MAPI_E_UNKNOWN_ENTRYID : expected,
             v->OpenMsgStore(s, 0, sizeof eid, &eid, &iface, 0, &mdb));
    CHECK(mdb == NULL);
    LPADRBOOK ab = GARBAGE;
    CHECK_HR(expected, v->OpenAddressBook(s, 0, NULL, 0, &ab));
    CHECK(ab == NULL);
    LPPROFSECT ps = GARBAGE;
    MAPIUID uid = { { 0 } };
    CHECK_HR(expected, v->OpenProfileSection(s, &uid, NULL, 0, &ps));
    CHECK(ps == NULL);
    table = GARBAGE;
    CHECK_HR(expected, v->GetStatusTable(s, 0, &table));
    CHECK(table == NULL);
    ULONG objType = 77;
    LPUNKNOWN unk = GARBAGE;
    CHECK_HR(expected, v->OpenEntry(s, sizeof eid, &eid, NULL, 0, &objType, &unk));
    CHECK(objType == 0 && unk == NULL);
    CHECK_HR(expected, v->MessageOptions(s, 0, 0, "SMTP", NULL));
    ULONG count = 77;
    LPSPropValue opts = GARBAGE;
    CHECK_HR(expected, v->QueryDefaultMessageOpt(s, "SMTP", 0, &count, &opts));
    CHECK(count == 0 && opts == NULL);
    LPTSTR *types = GARBAGE;
    count = 77;
    CHECK_HR(expected, v->EnumAdrTypes(s, 0, &count, &types));
    CHECK(count == 0 && types == NULL);
    CHECK_HR(expected, v->SetDefaultStore(s, 0, sizeof eid, &eid));
    LPSERVICEADMIN admin = GARBAGE;
    CHECK_HR(expected, v->AdminServices(s, 0, &admin));
    CHECK(admin == NULL);
    CHECK_HR(expected, v->ShowForm(s, 0, NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0, "IPM.Note"));
    ULONG_PTR token = 77;
    CHECK_HR(expected, v->PrepareForm(s, NULL, NULL, &token));
    CHECK(token == 0);
    if (expected == MAPI_E_NO_SUPPORT) return;
    ULONG result = 77;
    CHECK_HR(expected, v->CompareEntryIDs(s, sizeof eid, &eid, sizeof eid, &eid, 0, &result));
    CHECK(result == 0);
    struct test_sink sink;
    sink_init(&sink);
    ULONG_PTR conn = 77;
    CHECK_HR(expected, v->Advise(s, 0, NULL, 0, &sink.base, &conn));
    CHECK(conn == 0);
    CHECK_EQ(1, atomic_load(&sink.refs));
    CHECK_HR(expected, v->Unadvise(s, 1));
    ULONG cb = 77;
    LPENTRYID id = GARBAGE;
    CHECK_HR(expected, v->QueryIdentity(s, &cb, &id));
    CHECK(cb == 0 && id == NULL);
    CHECK_HR(expected, v->Logoff(s, 0, 0, 0));
    /* state comes before flags and reserved (GEN-3) */
    CHECK_HR(expected, v->Logoff(s, 0, 0xFFFFFFFFu, 1));
}

TEST(test_POSTLOGOFF_1_every_slot_invalid_object_out_params_cleared)
{
    init_ok();
    IMAPISession *s = logon_new();
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    every_session_slot(s, MAPI_E_INVALID_OBJECT);
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_POSTLOGOFF_1_INIT_8_invalidated_handle_behaves_like_logged_off)
{
    init_ok();
    IMAPISession *s = logon_new();
    MAPIUninitialize();
    every_session_slot(s, MAPI_E_INVALID_OBJECT);
    CHECK_EQ(0, V(s)->Release(s));
}

TEST(test_unimplemented_slots_return_no_support_while_logged_on)
{
    init_ok();
    IMAPISession *s = logon_new();
    every_session_slot(s, MAPI_E_NO_SUPPORT);
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_POSTLOGOFF_2_release_works_and_returns_the_count)
{
    init_ok();
    IMAPISession *s = logon_new();
    CHECK_EQ(2, V(s)->AddRef(s));
    CHECK_EQ(3, V(s)->AddRef(s));
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(2, V(s)->Release(s));
    CHECK_EQ(1, V(s)->Release(s));
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_POSTLOGOFF_3_addref_works_after_logoff)
{
    init_ok();
    IMAPISession *s = logon_new();
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(2, V(s)->AddRef(s));
    CHECK_EQ(1, V(s)->Release(s));
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_POSTLOGOFF_4_query_interface_invalid_object_for_every_iid)
{
    init_ok();
    IMAPISession *s = logon_new();
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    const uint32_t ids[] = { MAPI4J_IIDL_IUnknown, MAPI4J_IIDL_IMAPISession, MAPI4J_IIDL_IMAPIClientShutdown,
                             MAPI4J_IIDL_IMAPITable, 0x12345678u };
    for (size_t i = 0; i < 5; i++) {
        IID id = iid(ids[i]);
        void *p = GARBAGE;
        CHECK_HR(MAPI_E_INVALID_OBJECT, V(s)->QueryInterface(s, &id, &p));
        CHECK(p == NULL);
    }
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_query_interface_while_logged_on)
{
    init_ok();
    IMAPISession *s = logon_new();
    IID unk = iid(MAPI4J_IIDL_IUnknown), ses = iid(MAPI4J_IIDL_IMAPISession), tab = iid(MAPI4J_IIDL_IMAPITable);
    IID prov = iid(MAPI4J_IIDL_IMAPIProviderShutdown);
    void *p = NULL;
    CHECK_HR(S_OK, V(s)->QueryInterface(s, &unk, &p));
    CHECK(p == s);
    CHECK_HR(S_OK, V(s)->QueryInterface(s, &ses, &p));
    CHECK(p == s);
    CHECK_EQ(2, V(s)->Release(s));
    CHECK_EQ(1, V(s)->Release(s));
    p = GARBAGE;
    CHECK_HR(MAPI_E_INTERFACE_NOT_SUPPORTED, V(s)->QueryInterface(s, &tab, &p));
    CHECK(p == NULL);
    p = GARBAGE;
    CHECK_HR(MAPI_E_INTERFACE_NOT_SUPPORTED, V(s)->QueryInterface(s, &prov, &p));
    CHECK(p == NULL);
    /* not an OLE GUID, though its Data1 is IMAPISession's */
    IID odd = ses;
    odd.Data4[7] = 0x47;
    CHECK_HR(MAPI_E_INTERFACE_NOT_SUPPORTED, V(s)->QueryInterface(s, &odd, &p));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->QueryInterface(s, NULL, &p));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->QueryInterface(s, &unk, NULL));
    logoff_release(s);
    MAPIUninitialize();
}

/* ---- CHILD-1 ------------------------------------------------------------------------------ */

static void every_table_slot(IMAPITable *t, HRESULT expected)
{
    const IMAPITableVtbl *v = V(t);
    LPMAPIERROR err = GARBAGE;
    CHECK_HR(expected, v->GetLastError(t, 0, 0, &err));
    CHECK(err == NULL);
    struct test_sink sink;
    sink_init(&sink);
    ULONG_PTR conn = 77;
    CHECK_HR(expected, v->Advise(t, fnevTableModified, &sink.base, &conn));
    CHECK(conn == 0);
    CHECK_EQ(1, atomic_load(&sink.refs));
    CHECK_HR(expected, v->Unadvise(t, 1));
    ULONG a = 7, b = 7, c = 7;
    CHECK_HR(expected, v->GetStatus(t, &a, &b));
    CHECK(a == 0 && b == 0);
    CHECK_HR(expected, v->SetColumns(t, NULL, 0));
    void *cols = GARBAGE;
    CHECK_HR(expected, v->QueryColumns(t, 0, &cols));
    CHECK(cols == NULL);
    if (expected != MAPI_E_NO_SUPPORT) {
        a = 7;
        CHECK_HR(expected, v->GetRowCount(t, 0, &a));
        CHECK(a == 0);
        LONG sought = 7;
        CHECK_HR(expected, v->SeekRow(t, 0, 0, &sought));
        CHECK(sought == 0);
        LPSRowSet rows = GARBAGE;
        CHECK_HR(expected, v->QueryRows(t, 1, 0, &rows));
        CHECK(rows == NULL);
    }
    CHECK_HR(expected, v->SeekRowApprox(t, 0, 1));
    a = b = c = 7;
    CHECK_HR(expected, v->QueryPosition(t, &a, &b, &c));
    CHECK(a == 0 && b == 0 && c == 0);
    CHECK_HR(expected, v->FindRow(t, NULL, 0, 0));
    CHECK_HR(expected, v->Restrict(t, NULL, 0));
    BOOKMARK bk = 7;
    CHECK_HR(expected, v->CreateBookmark(t, &bk));
    CHECK(bk == 0);
    CHECK_HR(expected, v->FreeBookmark(t, 3));
    CHECK_HR(expected, v->SortTable(t, NULL, 0));
    void *sort = GARBAGE;
    CHECK_HR(expected, v->QuerySortOrder(t, &sort));
    CHECK(sort == NULL);
    CHECK_HR(expected, v->Abort(t));
    LPSRowSet rows = GARBAGE;
    a = 7;
    CHECK_HR(expected, v->ExpandRow(t, 0, NULL, 1, 0, &rows, &a));
    CHECK(rows == NULL && a == 0);
    a = 7;
    CHECK_HR(expected, v->CollapseRow(t, 0, NULL, 0, &a));
    CHECK(a == 0);
    a = 7;
    CHECK_HR(expected, v->WaitForCompletion(t, 0, 0, &a));
    CHECK(a == 0);
    BYTE *state = GARBAGE;
    a = 7;
    CHECK_HR(expected, v->GetCollapseState(t, 0, 0, NULL, &a, &state));
    CHECK(a == 0 && state == NULL);
    bk = 7;
    CHECK_HR(expected, v->SetCollapseState(t, 0, 0, NULL, &bk));
    CHECK(bk == 0);
}

TEST(test_CHILD_1_stores_table_invalid_after_logoff)
{
    init_ok();
    IMAPISession *s = logon_new();
    IMAPITable *t = NULL;
    REQUIRE_HR(S_OK, V(s)->GetMsgStoresTable(s, 0, &t));
    every_table_slot(t, MAPI_E_NO_SUPPORT);
    ULONG n = 0;
    CHECK_HR(S_OK, V(t)->GetRowCount(t, 0, &n));
    CHECK_EQ(1, n);
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    every_table_slot(t, MAPI_E_INVALID_OBJECT);
    /* IUnknown still works */
    IID tab = iid(MAPI4J_IIDL_IMAPITable);
    void *p = NULL;
    CHECK_HR(S_OK, V(t)->QueryInterface(t, &tab, &p));
    CHECK(p == t);
    CHECK_EQ(1, V(t)->Release(t));
    CHECK_EQ(2, V(t)->AddRef(t));
    CHECK_EQ(1, V(t)->Release(t));
    CHECK_EQ(0, V(t)->Release(t));
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_CHILD_1_table_outlives_its_released_handle)
{
    init_ok();
    IMAPISession *s = logon_new();
    IMAPITable *t1 = NULL, *t2 = NULL;
    REQUIRE_HR(S_OK, V(s)->GetMsgStoresTable(s, 0, &t1));
    REQUIRE_HR(S_OK, V(s)->GetMsgStoresTable(s, MAPI_UNICODE, &t2));
    CHECK_EQ(0, V(t1)->Release(t1)); /* a child released before its handle */
    CHECK_EQ(0, V(s)->Release(s));   /* REL-1 */
    ULONG n = 7;
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(t2)->GetRowCount(t2, 0, &n));
    CHECK_EQ(0, V(t2)->Release(t2));
    MAPIUninitialize();
}

TEST(test_CHILD_1_client_shutdown_object_invalid_after_logoff)
{
    init_ok();
    IMAPISession *s = logon_new();
    IID id = iid(MAPI4J_IIDL_IMAPIClientShutdown);
    IMAPIClientShutdown *cs = NULL;
    REQUIRE_HR(S_OK, V(s)->QueryInterface(s, &id, (void **)&cs));
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(cs)->QueryFastShutdown(cs));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(cs)->NotifyProcessShutdown(cs));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(cs)->DoFastShutdown(cs));
    CHECK_EQ(0, V(cs)->Release(cs));
    CHECK_EQ(0, V(s)->Release(s));
    /* DoFastShutdown on a dead child must not have terminated the instance */
    logoff_release(logon_new());
    MAPIUninitialize();
}

/* ---- REL-1 -------------------------------------------------------------------------------- */

TEST(test_REL_1_final_release_logs_off_without_shared_notification)
{
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *joiner = logon_ok(NULL, 0);
    struct test_sink own, other;
    sink_init(&own);
    sink_init(&other);
    advise_ok(pub, &own, fnevExtended);
    advise_ok(joiner, &other, fnevExtended);
    IMAPITable *t = NULL;
    REQUIRE_HR(S_OK, V(pub)->GetMsgStoresTable(pub, 0, &t));

    CHECK_EQ(0, V(pub)->Release(pub));

    CHECK_EQ(1, atomic_load(&own.refs));
    CHECK_EQ(1, atomic_load(&own.extended)); /* as Logoff(0,0,0), LOGOFF-4 */
    CHECK_EQ(0, atomic_load(&other.calls));  /* never a shared-logoff notification */
    ULONG n = 7;
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(t)->GetRowCount(t, 0, &n));
    /* the session stays published while the joiner is on (SHARED-3) */
    IMAPISession *probe = logon_ok("NoSuchProfile", 0);
    logoff_release(probe);
    CHECK_EQ(0, V(joiner)->Release(joiner)); /* the last handle: session ends, unpublished */
    IMAPISession *none = NULL;
    CHECK_HR(MAPI_E_LOGON_FAILED, MAPILogonEx(0, "NoSuchProfile", NULL, 0, &none));
    CHECK_EQ(0, V(t)->Release(t));
    CHECK_EQ(1, atomic_load(&other.refs));
    MAPIUninitialize();
}

TEST(test_REL_1_release_after_addref_does_not_log_off)
{
    init_ok();
    IMAPISession *s = logon_new();
    V(s)->AddRef(s);
    CHECK_EQ(1, V(s)->Release(s));
    ULONG cb;
    LPENTRYID id;
    CHECK_HR(S_OK, V(s)->QueryIdentity(s, &cb, &id));
    MAPIFreeBuffer(id);
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}
