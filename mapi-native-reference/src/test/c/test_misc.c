/* Identity and entry ids, buffers, the stores table rows, fault injection, version, stress. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "support.h"

TEST(test_query_identity_returns_a_mapi_buffer_the_caller_frees)
{
    init_ok();
    IMAPISession *s = logon_new();
    long before = MAPI4J_LiveObjectCount();
    ULONG cb = 0;
    LPENTRYID id = NULL;
    CHECK_HR(S_OK, V(s)->QueryIdentity(s, &cb, &id));
    CHECK(cb >= 20 && id != NULL);
    CHECK_EQ(before + 1, MAPI4J_LiveObjectCount());
    CHECK_EQ(S_OK, MAPIFreeBuffer(id));
    CHECK_EQ(before, MAPI4J_LiveObjectCount());
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->QueryIdentity(s, NULL, &id));
    CHECK(id == NULL);
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->QueryIdentity(s, &cb, NULL));
    CHECK_EQ(0, cb);
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_compare_entry_ids)
{
    init_ok();
    IMAPISession *d1 = logon_ok("Default", MAPI_NEW_SESSION);
    IMAPISession *d2 = logon_ok("Default", MAPI_NEW_SESSION);
    IMAPISession *w = logon_ok("Work", MAPI_NEW_SESSION);
    ULONG c1, c2, c3, result = 7;
    LPENTRYID i1, i2, i3;
    REQUIRE_HR(S_OK, V(d1)->QueryIdentity(d1, &c1, &i1));
    REQUIRE_HR(S_OK, V(d2)->QueryIdentity(d2, &c2, &i2));
    REQUIRE_HR(S_OK, V(w)->QueryIdentity(w, &c3, &i3));
    CHECK_HR(S_OK, V(d1)->CompareEntryIDs(d1, c1, i1, c2, i2, 0, &result));
    CHECK_EQ(1, result);
    CHECK_HR(S_OK, V(d1)->CompareEntryIDs(d1, c1, i1, c3, i3, 0, &result));
    CHECK_EQ(0, result);
    CHECK_HR(S_OK, V(d1)->CompareEntryIDs(d1, c1 - 1, i1, c1, i1, 0, &result));
    CHECK_EQ(0, result);
    CHECK_HR(S_OK, V(d1)->CompareEntryIDs(d1, 0, NULL, 0, NULL, 0, &result));
    CHECK_EQ(1, result);
    result = 7;
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(d1)->CompareEntryIDs(d1, c1, i1, c2, i2, 1, &result));
    CHECK_EQ(0, result);
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(d1)->CompareEntryIDs(d1, c1, i1, c2, i2, 0, NULL));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(d1)->CompareEntryIDs(d1, 4, NULL, c2, i2, 0, &result));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(d1)->CompareEntryIDs(d1, c1, i1, 4, NULL, 0, &result));
    MAPIFreeBuffer(i1);
    MAPIFreeBuffer(i2);
    MAPIFreeBuffer(i3);
    logoff_release(d1);
    logoff_release(d2);
    logoff_release(w);
    MAPIUninitialize();
}

TEST(test_mapi_allocate_and_free_buffer)
{
    void *p = NULL;
    CHECK_HR(S_OK, MAPIAllocateBuffer(100, &p));
    REQUIRE(p != NULL);
    CHECK_EQ(0, (uintptr_t)p % _Alignof(max_align_t));
    memset(p, 0xCC, 100);
    CHECK_EQ(1, MAPI4J_LiveObjectCount());
    CHECK_EQ(S_OK, MAPIFreeBuffer(p));
    CHECK_HR(S_OK, MAPIAllocateBuffer(0, &p));
    CHECK_EQ(S_OK, MAPIFreeBuffer(p));
    CHECK_EQ(S_OK, MAPIFreeBuffer(NULL));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, MAPIAllocateBuffer(1, NULL));
    /* a pointer that did not come from MAPIAllocateBuffer is refused */
    _Alignas(max_align_t) unsigned char not_ours[128] = { 0 };
    CHECK_EQ((ULONG)MAPI_E_INVALID_PARAMETER, MAPIFreeBuffer(not_ours + 64));
    MAPI4J_InjectFault("MAPIAllocateBuffer", MAPI_E_NOT_ENOUGH_MEMORY);
    p = (void *)&p;
    CHECK_HR(MAPI_E_NOT_ENOUGH_MEMORY, MAPIAllocateBuffer(8, &p));
    CHECK(p == NULL);
}

static void utf16_equals(const WCHAR *w, const char *ascii)
{
    size_t i = 0;
    for (; ascii[i]; i++) CHECK_EQ((unsigned char)ascii[i], w[i]);
    CHECK_EQ(0, w[i]);
}

TEST(test_stores_table_rows)
{
    init_ok();
    IMAPISession *s = logon_ok("Work", MAPI_NEW_SESSION);
    IMAPITable *t = NULL;
    REQUIRE_HR(S_OK, V(s)->GetMsgStoresTable(s, 0, &t));
    ULONG n = 0;
    CHECK_HR(S_OK, V(t)->GetRowCount(t, 0, &n));
    CHECK_EQ(2, n);
    LPSRowSet rows = NULL;
    CHECK_HR(S_OK, V(t)->QueryRows(t, 10, 1 /* TBL_NOADVANCE */, &rows));
    REQUIRE(rows != NULL);
    CHECK_EQ(2, rows->cRows);
    CHECK_EQ(3, rows->aRow[0].cValues);
    LPSPropValue p = rows->aRow[0].lpProps;
    CHECK_EQ(PR_ENTRYID, p[0].ulPropTag);
    CHECK(p[0].Value.bin.cb > 20);
    CHECK_EQ(PR_DISPLAY_NAME_W, p[1].ulPropTag);
    utf16_equals(p[1].Value.lpszW, "Mailbox - Work");
    CHECK_EQ(PR_DEFAULT_STORE, p[2].ulPropTag);
    CHECK_EQ(1, p[2].Value.b);
    utf16_equals(rows->aRow[1].lpProps[1].Value.lpszW, "Archive");
    CHECK_EQ(0, rows->aRow[1].lpProps[2].Value.b);
    /* store entry ids are distinct */
    ULONG same = 7;
    CHECK_HR(S_OK, V(s)->CompareEntryIDs(s, p[0].Value.bin.cb, (LPENTRYID)p[0].Value.bin.lpb,
                                         rows->aRow[1].lpProps[0].Value.bin.cb,
                                         (LPENTRYID)rows->aRow[1].lpProps[0].Value.bin.lpb, 0, &same));
    CHECK_EQ(0, same);
    FreeProws(rows);

    /* reading advances; at the end an empty set */
    CHECK_HR(S_OK, V(t)->QueryRows(t, 1, 0, &rows));
    CHECK_EQ(1, rows->cRows);
    FreeProws(rows);
    CHECK_HR(S_OK, V(t)->QueryRows(t, 5, 0, &rows));
    CHECK_EQ(1, rows->cRows);
    utf16_equals(rows->aRow[0].lpProps[1].Value.lpszW, "Archive");
    FreeProws(rows);
    CHECK_HR(S_OK, V(t)->QueryRows(t, 5, 0, &rows));
    CHECK_EQ(0, rows->cRows);
    FreeProws(rows);
    LONG sought = 0;
    CHECK_HR(S_OK, V(t)->SeekRow(t, 0 /* BOOKMARK_BEGINNING */, 0, &sought));
    CHECK_HR(S_OK, V(t)->SeekRow(t, 1 /* BOOKMARK_CURRENT */, 5, &sought));
    CHECK_EQ(2, sought);
    CHECK_HR(S_OK, V(t)->SeekRow(t, 2 /* BOOKMARK_END */, -1, &sought));
    CHECK_EQ(-1, sought);
    CHECK_HR(S_OK, V(t)->QueryRows(t, 5, 0, &rows));
    CHECK_EQ(1, rows->cRows);
    FreeProws(rows);
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(t)->SeekRow(t, 99, 0, &sought));

    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(t)->QueryRows(t, 1, 2, &rows));
    CHECK(rows == NULL);
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(t)->QueryRows(t, 0, 0, &rows));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(t)->QueryRows(t, 1, 0, NULL));
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(t)->GetRowCount(t, 1, &n));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(t)->GetRowCount(t, 0, NULL));
    CHECK_EQ(0, V(t)->Release(t));

    IMAPITable *bad = (IMAPITable *)&bad;
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(s)->GetMsgStoresTable(s, 1, &bad));
    CHECK(bad == NULL);
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->GetMsgStoresTable(s, 0, NULL));
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_stores_table_is_a_snapshot)
{
    init_ok();
    IMAPISession *s = logon_ok("Default", MAPI_NEW_SESSION);
    IMAPITable *before = NULL, *after = NULL;
    REQUIRE_HR(S_OK, V(s)->GetMsgStoresTable(s, 0, &before));
    REQUIRE_HR(S_OK, MAPI4J_AddMessageStore("Default", "Extra", 0));
    REQUIRE_HR(S_OK, V(s)->GetMsgStoresTable(s, 0, &after));
    ULONG n1 = 0, n2 = 0;
    CHECK_HR(S_OK, V(before)->GetRowCount(before, 0, &n1));
    CHECK_HR(S_OK, V(after)->GetRowCount(after, 0, &n2));
    CHECK_EQ(1, n1);
    CHECK_EQ(2, n2);
    V(before)->Release(before);
    V(after)->Release(after);
    /* profiles removed under a logged-on session: an empty table, not a crash */
    MAPI4J_ClearProfiles();
    REQUIRE_HR(S_OK, V(s)->GetMsgStoresTable(s, 0, &after));
    CHECK_HR(S_OK, V(after)->GetRowCount(after, 0, &n2));
    CHECK_EQ(0, n2);
    V(after)->Release(after);
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_fault_injection)
{
    init_ok();
    IMAPISession *s = NULL;
    MAPI4J_InjectFault("MAPILogonEx", MAPI_E_LOGON_FAILED);
    CHECK_HR(MAPI_E_LOGON_FAILED, MAPILogonEx(0, "Default", NULL, MAPI_NEW_SESSION, &s));
    CHECK(s == NULL);
    s = logon_new(); /* one shot */

    MAPI4J_InjectFault("QueryIdentity", MAPI_E_NOT_ENOUGH_MEMORY);
    ULONG cb = 7;
    LPENTRYID id = (LPENTRYID)&cb;
    CHECK_HR(MAPI_E_NOT_ENOUGH_MEMORY, V(s)->QueryIdentity(s, &cb, &id));
    CHECK(cb == 0 && id == NULL);

    struct test_sink sink;
    sink_init(&sink);
    MAPI4J_InjectFault("Advise", MAPI_E_NO_SUPPORT);
    ULONG_PTR conn = 7;
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->Advise(s, 0, NULL, 0, NULL, &conn)); /* validation first */
    CHECK_HR(MAPI_E_NO_SUPPORT, V(s)->Advise(s, 0, NULL, 0, &sink.base, &conn));
    CHECK(conn == 0);
    CHECK_EQ(1, atomic_load(&sink.refs));
    conn = advise_ok(s, &sink, 0);
    MAPI4J_InjectFault("Unadvise", MAPI_E_CALL_FAILED);
    CHECK_HR(MAPI_E_CALL_FAILED, V(s)->Unadvise(s, conn));
    CHECK_HR(S_OK, V(s)->Unadvise(s, conn)); /* the failed one had no effect */

    MAPI4J_InjectFault("GetMsgStoresTable", MAPI_E_CALL_FAILED);
    IMAPITable *t = (IMAPITable *)&t;
    CHECK_HR(MAPI_E_CALL_FAILED, V(s)->GetMsgStoresTable(s, 0, &t));
    CHECK(t == NULL);

    /* a succeeding value is a warning: the work is done and the value returned */
    const HRESULT warning = (HRESULT)0x00040380; /* MAPI_W_ERRORS_RETURNED */
    MAPI4J_InjectFault("QueryIdentity", warning);
    CHECK_HR(warning, V(s)->QueryIdentity(s, &cb, &id));
    CHECK(id != NULL);
    MAPIFreeBuffer(id);
    MAPI4J_InjectFault("Logoff", warning);
    CHECK_HR(warning, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(0, V(s)->Release(s));

    /* ClearFaults forgets, unknown names are ignored */
    MAPI4J_InjectFault("MAPILogonEx", MAPI_E_CALL_FAILED);
    MAPI4J_InjectFault("NoSuchMethod", MAPI_E_CALL_FAILED);
    MAPI4J_InjectFault(NULL, MAPI_E_CALL_FAILED);
    MAPI4J_ClearFaults();
    logoff_release(logon_new());

    MAPI4J_InjectFault("DoFastShutdown", MAPI_E_CALL_FAILED);
    s = logon_new();
    IID iid_cs = iid(MAPI4J_IIDL_IMAPIClientShutdown);
    IMAPIClientShutdown *cs = NULL;
    REQUIRE_HR(S_OK, V(s)->QueryInterface(s, &iid_cs, (void **)&cs));
    CHECK_HR(MAPI_E_CALL_FAILED, V(cs)->DoFastShutdown(cs));
    CHECK_EQ(0, V(cs)->Release(cs));
    logoff_release(s); /* not terminated */
    MAPIUninitialize();
}

TEST(test_version_string)
{
    const char *v = MAPI4J_Version();
    REQUIRE(v != NULL);
    CHECK(strncmp(v, "mapi4j-reference ", 17) == 0);
    CHECK(strlen(v) > 17);
}

TEST(test_abi_layouts)
{
    CHECK_EQ(22 * sizeof(void *), sizeof(IMAPISessionVtbl));
    CHECK_EQ(17 * sizeof(void *), offsetof(IMAPISessionVtbl, Logoff));
    CHECK_EQ(11 * sizeof(void *), offsetof(IMAPISessionVtbl, Advise));
    CHECK_EQ(21 * sizeof(void *), offsetof(IMAPISessionVtbl, PrepareForm));
    CHECK_EQ(9 * sizeof(void *), offsetof(IMAPITableVtbl, GetRowCount));
    CHECK_EQ(3 * sizeof(void *), offsetof(IMAPIAdviseSinkVtbl, OnNotify));
    CHECK_EQ(8, offsetof(NOTIFICATION, info));
    CHECK_EQ(sizeof(void *) == 8 ? 88 : 64, sizeof(NOTIFICATION));
    CHECK_EQ(sizeof(void *) == 8 ? 16 : 8, offsetof(ERROR_NOTIFICATION, scode));
    CHECK_EQ(sizeof(void *) == 8 ? 24 : 16, offsetof(ERROR_NOTIFICATION, lpMAPIError));
    CHECK_EQ(8, sizeof(MAPIINIT_0));
    CHECK_EQ(sizeof(void *), sizeof(ULONG_PTR));
    CHECK_EQ(4, sizeof(ULONG));
}

/* ---- leaks and races at volume ------------------------------------------------------------ */

TEST(test_LIVE_100000_logon_logoff_release_cycles_leave_nothing)
{
    init_ok();
    struct test_sink sink;
    sink_init(&sink);
    for (int i = 0; i < 100000; i++) {
        IMAPISession *s = NULL;
        ULONG flags = MAPI_USE_DEFAULT | (i % 3 ? MAPI_NEW_SESSION : MAPI_ALLOW_OTHERS);
        if (MAPILogonEx(0, NULL, NULL, flags, &s) != S_OK) {
            CHECK(!"logon failed");
            break;
        }
        switch (i % 4) {
        case 0:
            CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
            break;
        case 1: {
            ULONG_PTR c = 0;
            V(s)->Advise(s, 0, NULL, fnevExtended, &sink.base, &c);
            CHECK_HR(S_OK, V(s)->Logoff(s, 0, MAPI_LOGOFF_SHARED, 0));
            break;
        }
        case 2: {
            IMAPITable *t = NULL;
            V(s)->GetMsgStoresTable(s, 0, &t);
            if (t) V(t)->Release(t);
            break; /* REL-1 */
        }
        default: {
            ULONG cb;
            LPENTRYID id = NULL;
            V(s)->QueryIdentity(s, &cb, &id);
            MAPIFreeBuffer(id);
            CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
        }
        }
        CHECK_EQ(0, V(s)->Release(s));
        if (i % 10000 == 0) CHECK_EQ(0, MAPI4J_LiveObjectCount());
    }
    CHECK_EQ(1, atomic_load(&sink.refs));
    MAPIUninitialize();
    CHECK_EQ(0, MAPI4J_LiveObjectCount());
}

#define WORKERS 8

static void *worker(void *arg)
{
    struct test_sink *sink = arg;
    for (int i = 0; i < 2000; i++) {
        IMAPISession *s = NULL;
        /* most logons join the shared session, some publish, some end it for everybody */
        if (MAPILogonEx(0, NULL, NULL, MAPI_USE_DEFAULT | MAPI_ALLOW_OTHERS, &s) != S_OK) {
            CHECK(!"logon failed");
            return NULL;
        }
        ULONG_PTR c = 0;
        V(s)->Advise(s, 0, NULL, fnevExtended, &sink->base, &c);
        IMAPITable *t = NULL;
        V(s)->GetMsgStoresTable(s, 0, &t);
        if (i % 5 == 0) V(s)->Unadvise(s, c);
        HRESULT hr = V(s)->Logoff(s, 0, i % 7 == 0 ? MAPI_LOGOFF_SHARED : 0, 0);
        CHECK(hr == S_OK);
        if (t) V(t)->Release(t);
        V(s)->Release(s);
    }
    return NULL;
}

TEST(test_LIVE_threads_sharing_sessions_leave_nothing)
{
    init_ok();
    struct test_sink sinks[WORKERS];
    pthread_t threads[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        sink_init(&sinks[i]);
        REQUIRE(pthread_create(&threads[i], NULL, worker, &sinks[i]) == 0);
    }
    for (int i = 0; i < WORKERS; i++) pthread_join(threads[i], NULL);
    for (int i = 0; i < WORKERS; i++) CHECK_EQ(1, atomic_load(&sinks[i].refs));
    MAPIUninitialize();
}
