/* LOGOFF-FLAGS-*, LOGOFF-RESERVED-*, LOGOFF-1..5, the B.11 reference cases, LOGOFF-UI-* and the
 * confirmation hook. */
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "support.h"

static bool logged_on(IMAPISession *s)
{
    ULONG cb = 0;
    LPENTRYID id = NULL;
    HRESULT hr = V(s)->QueryIdentity(s, &cb, &id);
    MAPIFreeBuffer(id);
    return hr == S_OK;
}

/* A handle with a sink and an open table, to see that a rejected Logoff touched neither. */
struct fixture {
    IMAPISession *s;
    IMAPITable *t;
    struct test_sink sink;
    ULONG_PTR conn;
};

static void fixture_open(struct fixture *f)
{
    f->s = logon_new();
    sink_init(&f->sink);
    f->conn = advise_ok(f->s, &f->sink, fnevExtended);
    REQUIRE_HR(S_OK, V(f->s)->GetMsgStoresTable(f->s, 0, &f->t));
}

static void fixture_expect_unchanged(struct fixture *f)
{
    CHECK(logged_on(f->s));
    CHECK_EQ(2, atomic_load(&f->sink.refs));
    CHECK_EQ(0, atomic_load(&f->sink.calls));
    ULONG n = 0;
    CHECK_HR(S_OK, V(f->t)->GetRowCount(f->t, 0, &n));
    CHECK_EQ(1, n);
}

static void fixture_close(struct fixture *f)
{
    CHECK_HR(S_OK, V(f->s)->Logoff(f->s, 0, 0, 0));
    CHECK_EQ(1, atomic_load(&f->sink.refs));
    CHECK_EQ(0, V(f->t)->Release(f->t));
    CHECK_EQ(0, V(f->s)->Release(f->s));
}

TEST(test_LOGOFF_FLAGS_1_valid_flags_accepted)
{
    init_ok();
    for (ULONG f = 0; f <= 3; f++) {
        IMAPISession *s = logon_new();
        CHECK_HR(S_OK, V(s)->Logoff(s, 0, f, 0));
        CHECK(!logged_on(s));
        CHECK_EQ(0, V(s)->Release(s));
    }
    MAPIUninitialize();
}

TEST(test_LOGOFF_FLAGS_2_unknown_bits_rejected_state_unchanged)
{
    init_ok();
    struct fixture f;
    fixture_open(&f);
    for (int bit = 2; bit < 32; bit++) {
        CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(f.s)->Logoff(f.s, 0, 1u << bit, 0));
        CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(f.s)->Logoff(f.s, 0, (1u << bit) | MAPI_LOGOFF_SHARED, 0));
        CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(f.s)->Logoff(f.s, 0, (1u << bit) | 3u, 0));
    }
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(f.s)->Logoff(f.s, 0, MAPI_UNICODE, 0));
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(f.s)->Logoff(f.s, 0, 0xFFFFFFFFu, 0));
    fixture_expect_unchanged(&f);
    fixture_close(&f);
    MAPIUninitialize();
}

TEST(test_LOGOFF_RESERVED_1_nonzero_rejected_state_unchanged)
{
    init_ok();
    struct fixture f;
    fixture_open(&f);
    const ULONG reserved[] = { 1, (ULONG)-1, (ULONG)INT_MIN, 2, 0x7FFFFFFF };
    for (size_t i = 0; i < 5; i++)
        for (ULONG fl = 0; fl <= 3; fl++)
            CHECK_HR(MAPI_E_INVALID_PARAMETER, V(f.s)->Logoff(f.s, 0, fl, reserved[i]));
    fixture_expect_unchanged(&f);
    fixture_close(&f);
    MAPIUninitialize();
}

TEST(test_LOGOFF_RESERVED_2_bad_flags_win_over_bad_reserved)
{
    init_ok();
    struct fixture f;
    fixture_open(&f);
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(f.s)->Logoff(f.s, 0, 0x4, 1));
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(f.s)->Logoff(f.s, 0, 0x80000000u, 7));
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(f.s)->Logoff(f.s, 0, 0x80000000u, (ULONG)INT_MIN));
    fixture_expect_unchanged(&f);
    fixture_close(&f);
    MAPIUninitialize();
}

TEST(test_B11_reference_cases)
{
    init_ok();
    IMAPISession *s = logon_new();
    CHECK_HR((HRESULT)0x80040106, V(s)->Logoff(s, 0, 0x4, 0));
    CHECK_HR(0, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(0, V(s)->Release(s));

    s = logon_new();
    CHECK_HR((HRESULT)0x80070057, V(s)->Logoff(s, 0, 0, 1));
    CHECK_HR(0, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(0, V(s)->Release(s));

    s = logon_new();
    CHECK_HR((HRESULT)0x80040106, V(s)->Logoff(s, 0, 0x80000000u, 7));
    CHECK_HR(0, V(s)->Logoff(s, 0, 0, 0));
    CHECK_HR((HRESULT)0x80040108, V(s)->Logoff(s, 0, 0, 0));
    IMAPITable *t = (IMAPITable *)&t;
    CHECK_HR((HRESULT)0x80040108, V(s)->GetMsgStoresTable(s, 0, &t));
    CHECK(t == NULL);
    CHECK_EQ(0, V(s)->Release(s));

    MAPIUninitialize();
    MAPIUninitialize(); /* unbalanced: nothing happens */
    IMAPISession *none = NULL;
    CHECK_HR((HRESULT)0x80040605, MAPILogonEx(0, "Default", NULL, MAPI_NEW_SESSION, &none));
}

TEST(test_LOGOFF_1_success_cancels_registrations_and_invalidates_children)
{
    init_ok();
    IMAPISession *s = logon_new();
    struct test_sink a, b;
    sink_init(&a);
    sink_init(&b);
    ULONG_PTR ca = advise_ok(s, &a, 0);
    advise_ok(s, &b, fnevExtended | fnevNewMail);
    IMAPITable *t = NULL;
    IMAPIClientShutdown *cs = NULL;
    IID iid_cs = iid(MAPI4J_IIDL_IMAPIClientShutdown);
    REQUIRE_HR(S_OK, V(s)->GetMsgStoresTable(s, 0, &t));
    REQUIRE_HR(S_OK, V(s)->QueryInterface(s, &iid_cs, (void **)&cs));
    CHECK_EQ(2, atomic_load(&a.refs));
    CHECK_EQ(2, atomic_load(&b.refs));

    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));

    CHECK_EQ(1, atomic_load(&a.refs));
    CHECK_EQ(1, atomic_load(&b.refs));
    CHECK_EQ(0, atomic_load(&a.calls));
    CHECK_EQ(1, atomic_load(&b.extended)); /* LOGOFF-4 (optional): only sinks that asked */
    ULONG n = 9;
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(t)->GetRowCount(t, 0, &n));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(cs)->QueryFastShutdown(cs));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(s)->Unadvise(s, ca));
    CHECK_EQ(0, V(t)->Release(t));
    CHECK_EQ(0, V(cs)->Release(cs));
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_LOGOFF_2_individual_session_ends)
{
    init_ok();
    long before = MAPI4J_LiveObjectCount();
    IMAPISession *s = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    CHECK_EQ(before + 2, MAPI4J_LiveObjectCount()); /* the handle and its session */
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(before + 1, MAPI4J_LiveObjectCount()); /* only the handle, until released */
    IMAPISession *j = NULL;
    CHECK_HR(MAPI_E_LOGON_FAILED, MAPILogonEx(0, "NoSuchProfile", NULL, 0, &j)); /* unpublished */
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_LOGOFF_3_failure_after_validation_still_logs_off)
{
    init_ok();
    IMAPISession *s = logon_new();
    MAPI4J_InjectFault("Logoff", MAPI_E_CALL_FAILED);
    /* a call rejected by validation does not consume the fault */
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(s)->Logoff(s, 0, 4, 0));
    CHECK(logged_on(s));
    CHECK_HR(MAPI_E_CALL_FAILED, V(s)->Logoff(s, 0, 0, 0));
    CHECK(!logged_on(s));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(0, V(s)->Release(s));

    s = logon_new();
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0)); /* one shot */
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

/* ---- LOGOFF-5: concurrency ---------------------------------------------------------------- */

#define RACERS 8

struct race {
    IMAPISession *s;
    pthread_barrier_t start;
    ULONG flags[RACERS];
    HRESULT results[RACERS];
    int index;
    pthread_mutex_t lock;
};

static void *racer(void *arg)
{
    struct race *r = arg;
    pthread_mutex_lock(&r->lock);
    int me = r->index++;
    pthread_mutex_unlock(&r->lock);
    pthread_barrier_wait(&r->start);
    r->results[me] = V(r->s)->Logoff(r->s, 0, r->flags[me], 0);
    return NULL;
}

static void race_logoffs(IMAPISession *s, const ULONG *flags, HRESULT *results)
{
    struct race r;
    memset(&r, 0, sizeof r);
    r.s = s;
    memcpy(r.flags, flags, sizeof r.flags);
    pthread_mutex_init(&r.lock, NULL);
    pthread_barrier_init(&r.start, NULL, RACERS);
    pthread_t threads[RACERS];
    for (int i = 0; i < RACERS; i++) REQUIRE(pthread_create(&threads[i], NULL, racer, &r) == 0);
    for (int i = 0; i < RACERS; i++) pthread_join(threads[i], NULL);
    pthread_barrier_destroy(&r.start);
    pthread_mutex_destroy(&r.lock);
    memcpy(results, r.results, sizeof r.results);
}

static void expect_exactly_one_winner(const HRESULT *results)
{
    int ok = 0, invalid = 0;
    for (int i = 0; i < RACERS; i++) {
        ok += results[i] == S_OK;
        invalid += results[i] == MAPI_E_INVALID_OBJECT;
    }
    CHECK_EQ(1, ok);
    CHECK_EQ(RACERS - 1, invalid);
}

TEST(test_LOGOFF_5_eight_threads_one_handle_exactly_one_s_ok)
{
    init_ok();
    const ULONG flags[RACERS] = { 0, 0, 1, 1, 2, 2, 3, 3 };
    for (int round = 0; round < 300; round++) {
        IMAPISession *s = logon_ok("Default", MAPI_NEW_SESSION | (round % 2 ? MAPI_ALLOW_OTHERS : 0));
        struct test_sink sink;
        sink_init(&sink);
        advise_ok(s, &sink, fnevExtended);
        HRESULT results[RACERS];
        race_logoffs(s, flags, results);
        expect_exactly_one_winner(results);
        CHECK_EQ(1, atomic_load(&sink.refs));
        CHECK_EQ(1, atomic_load(&sink.extended));
        CHECK_EQ(0, V(s)->Release(s));
    }
    MAPIUninitialize();
}

/* ---- the confirmation hook (LOGOFF-UI-*) -------------------------------------------------- */

struct hook_state {
    atomic_int calls;
    ULONG_PTR last_ui;
    void *last_context;
    HRESULT answer;
    long sleep_ms;
    atomic_int entered;
    /* optional: runs inside the hook */
    IMAPISession *nested;
    HRESULT nested_result;
    ULONG nested_flags;
};

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

static HRESULT hook(ULONG_PTR ui, void *context)
{
    struct hook_state *h = context;
    atomic_fetch_add(&h->calls, 1);
    h->last_ui = ui;
    h->last_context = context;
    atomic_store(&h->entered, 1);
    if (h->nested) h->nested_result = V(h->nested)->Logoff(h->nested, 0, h->nested_flags, 0);
    if (h->sleep_ms) sleep_ms(h->sleep_ms);
    return h->answer;
}

static void hook_install(struct hook_state *h, HRESULT answer)
{
    memset(h, 0, sizeof *h);
    h->answer = answer;
    MAPI4J_SetLogoffConfirmation(hook, h);
}

TEST(test_LOGOFF_UI_confirmed_hook_called_once_with_exact_ui_param)
{
    init_ok();
    struct hook_state h;
    hook_install(&h, S_OK);
    const ULONG_PTR ui = (ULONG_PTR)UINT64_C(0xDEADBEEFCAFEF00D);
    IMAPISession *s = logon_new();
    CHECK_HR(S_OK, V(s)->Logoff(s, ui, MAPI_LOGOFF_UI, 0));
    CHECK_EQ(1, atomic_load(&h.calls));
    CHECK(h.last_ui == ui);
    CHECK(h.last_context == &h);
    CHECK(!logged_on(s));
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_LOGOFF_UI_2_declined_changes_nothing)
{
    init_ok();
    struct hook_state h;
    hook_install(&h, MAPI_E_USER_CANCEL);
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *joiner = logon_ok(NULL, 0);
    struct test_sink own, other;
    sink_init(&own);
    sink_init(&other);
    advise_ok(pub, &own, fnevExtended);
    advise_ok(joiner, &other, 0);

    CHECK_HR(MAPI_E_USER_CANCEL, V(pub)->Logoff(pub, 42, MAPI_LOGOFF_UI | MAPI_LOGOFF_SHARED, 0));
    CHECK_EQ(1, atomic_load(&h.calls));
    CHECK(h.last_ui == 42);
    CHECK(logged_on(pub));
    CHECK_EQ(0, atomic_load(&own.calls) + atomic_load(&other.calls));
    CHECK_EQ(2, atomic_load(&own.refs));
    IMAPISession *probe = logon_ok("NoSuchProfile", 0); /* still published */
    logoff_release(probe);

    MAPI4J_SetLogoffConfirmation(NULL, NULL);
    CHECK_HR(S_OK, V(pub)->Logoff(pub, 42, MAPI_LOGOFF_UI | MAPI_LOGOFF_SHARED, 0));
    CHECK_EQ(1, atomic_load(&h.calls));
    CHECK_EQ(1, atomic_load(&other.critical));
    CHECK_EQ(0, V(pub)->Release(pub));
    logoff_release(joiner);
    MAPIUninitialize();
}

TEST(test_LOGOFF_UI_3_hook_failure_is_call_failed_nothing_changed)
{
    init_ok();
    const HRESULT failures[] = { MAPI_E_NO_ACCESS, MAPI_E_CALL_FAILED, S_FALSE, MAPI_E_NOT_FOUND };
    IMAPISession *s = logon_new();
    struct test_sink sink;
    sink_init(&sink);
    advise_ok(s, &sink, fnevExtended);
    for (size_t i = 0; i < 4; i++) {
        struct hook_state h;
        hook_install(&h, failures[i]);
        CHECK_HR(MAPI_E_CALL_FAILED, V(s)->Logoff(s, 7, MAPI_LOGOFF_UI, 0));
        CHECK_EQ(1, atomic_load(&h.calls));
        CHECK(logged_on(s));
        CHECK_EQ(2, atomic_load(&sink.refs));
        CHECK_EQ(0, atomic_load(&sink.calls));
    }
    MAPI4J_SetLogoffConfirmation(NULL, NULL);
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_LOGOFF_UIPARAM_1_hook_not_called_without_ui_flag)
{
    init_ok();
    struct hook_state h;
    hook_install(&h, MAPI_E_USER_CANCEL);
    IMAPISession *s = logon_new();
    CHECK_HR(S_OK, V(s)->Logoff(s, 1234, MAPI_LOGOFF_SHARED, 0));
    CHECK_EQ(0, atomic_load(&h.calls));
    CHECK_EQ(0, V(s)->Release(s));
    MAPI4J_SetLogoffConfirmation(NULL, NULL);
    MAPIUninitialize();
}

TEST(test_LOGOFF_UI_hook_not_called_when_validation_fails)
{
    init_ok();
    struct hook_state h;
    hook_install(&h, S_OK);
    IMAPISession *s = logon_new();
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, V(s)->Logoff(s, 1, MAPI_LOGOFF_UI | 0x10, 0));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, V(s)->Logoff(s, 1, MAPI_LOGOFF_UI, 1));
    CHECK_EQ(0, atomic_load(&h.calls));
    CHECK_HR(S_OK, V(s)->Logoff(s, 1, MAPI_LOGOFF_UI, 0));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(s)->Logoff(s, 1, MAPI_LOGOFF_UI, 0));
    CHECK_EQ(1, atomic_load(&h.calls));
    CHECK_EQ(0, V(s)->Release(s));
    MAPI4J_SetLogoffConfirmation(NULL, NULL);
    MAPIUninitialize();
}

TEST(test_LOGOFF_UI_1_without_hook_behaves_as_zero)
{
    init_ok();
    IMAPISession *s = logon_new();
    CHECK_HR(S_OK, V(s)->Logoff(s, 99, MAPI_LOGOFF_UI, 0));
    CHECK_EQ(0, V(s)->Release(s));
    MAPIUninitialize();
}

TEST(test_LOGOFF_UI_hook_may_call_back_into_the_library)
{
    init_ok();
    struct hook_state h;
    hook_install(&h, S_OK);
    IMAPISession *s = logon_new();
    h.nested = s; /* the hook logs the same handle off itself, with the UI flag too */
    h.nested_flags = MAPI_LOGOFF_UI;
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(s)->Logoff(s, 0, MAPI_LOGOFF_UI, 0));
    CHECK_HR(S_OK, h.nested_result); /* exactly one S_OK: the nested one came first */
    CHECK_EQ(1, atomic_load(&h.calls));
    CHECK_EQ(0, V(s)->Release(s));
    MAPI4J_SetLogoffConfirmation(NULL, NULL);
    MAPIUninitialize();
}

TEST(test_LOGOFF_5_concurrent_logoffs_while_hook_confirms)
{
    init_ok();
    struct hook_state h;
    for (int round = 0; round < 20; round++) {
        hook_install(&h, S_OK);
        h.sleep_ms = 2;
        IMAPISession *s = logon_new();
        const ULONG flags[RACERS] = { 2, 2, 2, 3, 0, 1, 2, 0 };
        HRESULT results[RACERS];
        race_logoffs(s, flags, results);
        expect_exactly_one_winner(results);
        CHECK(atomic_load(&h.calls) <= 1);
        CHECK_EQ(0, V(s)->Release(s));
    }
    MAPI4J_SetLogoffConfirmation(NULL, NULL);
    MAPIUninitialize();
}

TEST(test_LOGOFF_5_concurrent_logoffs_while_hook_declines)
{
    init_ok();
    struct hook_state h;
    for (int round = 0; round < 20; round++) {
        hook_install(&h, MAPI_E_USER_CANCEL);
        h.sleep_ms = 2;
        IMAPISession *s = logon_new();
        const ULONG flags[RACERS] = { 2, 2, 2, 3, 0, 1, 2, 2 };
        HRESULT results[RACERS];
        race_logoffs(s, flags, results);
        int ok = 0, cancel = 0, invalid = 0;
        for (int i = 0; i < RACERS; i++) {
            ok += results[i] == S_OK;
            cancel += results[i] == MAPI_E_USER_CANCEL;
            invalid += results[i] == MAPI_E_INVALID_OBJECT;
        }
        /* the two non-UI Logoffs cannot be declined: one wins, whatever the hook said */
        CHECK_EQ(1, ok);
        CHECK_EQ(RACERS, ok + cancel + invalid);
        CHECK_EQ(cancel, atomic_load(&h.calls));
        CHECK(!logged_on(s));
        CHECK_EQ(0, V(s)->Release(s));
    }
    MAPI4J_SetLogoffConfirmation(NULL, NULL);
    MAPIUninitialize();
}

struct plain_logoff {
    IMAPISession *s;
    struct hook_state *h;
    HRESULT result;
};

static void *plain_logoff_after_hook_entered(void *arg)
{
    struct plain_logoff *p = arg;
    while (!atomic_load(&p->h->entered)) sleep_ms(1);
    p->result = V(p->s)->Logoff(p->s, 0, 0, 0);
    return NULL;
}

TEST(test_LOGOFF_5_declined_hook_leaves_the_handle_to_a_waiting_logoff)
{
    init_ok();
    struct hook_state h;
    hook_install(&h, MAPI_E_USER_CANCEL);
    h.sleep_ms = 50;
    IMAPISession *s = logon_new();
    struct plain_logoff p = { s, &h, -1 };
    pthread_t t;
    REQUIRE(pthread_create(&t, NULL, plain_logoff_after_hook_entered, &p) == 0);
    CHECK_HR(MAPI_E_USER_CANCEL, V(s)->Logoff(s, 5, MAPI_LOGOFF_UI, 0));
    pthread_join(t, NULL);
    CHECK_HR(S_OK, p.result);
    CHECK(!logged_on(s));
    CHECK_EQ(0, V(s)->Release(s));
    MAPI4J_SetLogoffConfirmation(NULL, NULL);
    MAPIUninitialize();
}
