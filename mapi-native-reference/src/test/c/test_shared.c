/* SHARED-1..5 with LOGON-3/5: publishing, joining, plain and shared logoff of participants. */
#include <string.h>

#include "support.h"

/* A logon that succeeds only by joining: no profile is named "NoSuchProfile". */
static bool published(void)
{
    IMAPISession *s = NULL;
    HRESULT hr = MAPILogonEx(0, "NoSuchProfile", NULL, 0, &s);
    if (s) logoff_release(s);
    return hr == S_OK;
}

static ULONG store_count(IMAPISession *s)
{
    IMAPITable *t = NULL;
    ULONG n = 0;
    REQUIRE_HR(S_OK, V(s)->GetMsgStoresTable(s, 0, &t));
    CHECK_HR(S_OK, V(t)->GetRowCount(t, 0, &n));
    V(t)->Release(t);
    return n;
}

static bool same_identity(IMAPISession *a, IMAPISession *b)
{
    ULONG ca, cb, result = 0;
    LPENTRYID ia, ib;
    REQUIRE_HR(S_OK, V(a)->QueryIdentity(a, &ca, &ia));
    REQUIRE_HR(S_OK, V(b)->QueryIdentity(b, &cb, &ib));
    CHECK_HR(S_OK, V(a)->CompareEntryIDs(a, ca, ia, cb, ib, 0, &result));
    MAPIFreeBuffer(ia);
    MAPIFreeBuffer(ib);
    return result == 1;
}

TEST(test_SHARED_1_LOGON_5_allow_others_publishes)
{
    init_ok();
    CHECK(!published());
    IMAPISession *ind = logon_ok("Default", MAPI_NEW_SESSION);
    CHECK(!published());
    IMAPISession *pub = logon_ok("Work", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    CHECK(published());
    logoff_release(pub);
    CHECK(!published());
    logoff_release(ind);
    MAPIUninitialize();
}

TEST(test_LOGON_5_first_publisher_keeps_the_slot)
{
    init_ok();
    IMAPISession *first = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *second = logon_ok("Work", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *joiner = logon_ok(NULL, 0);
    CHECK_EQ(1, store_count(joiner)); /* joined "Default", the first publisher */
    /* the newcomer is individual: logging it off leaves the slot alone */
    logoff_release(second);
    CHECK(published());
    logoff_release(joiner);
    logoff_release(first);
    MAPIUninitialize();
}

TEST(test_LOGON_3_join_returns_a_new_handle_on_the_same_session)
{
    init_ok();
    IMAPISession *pub = logon_ok("Work", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *j1 = logon_ok("Default", MAPI_USE_DEFAULT); /* the name is ignored */
    IMAPISession *j2 = logon_ok(NULL, MAPI_ALLOW_OTHERS | MAPI_NO_MAIL);
    CHECK(j1 != pub && j2 != pub && j1 != j2);
    CHECK_EQ(2, store_count(j1));
    CHECK_EQ(2, store_count(j2));
    CHECK(same_identity(pub, j1));
    CHECK_EQ(2, V(j1)->AddRef(j1)); /* a handle of its own, refcount 1 */
    CHECK_EQ(1, V(j1)->Release(j1));
    logoff_release(j1);
    logoff_release(j2);
    logoff_release(pub);
    MAPIUninitialize();
}

TEST(test_LOGON_3_new_session_flag_never_joins)
{
    init_ok();
    IMAPISession *pub = logon_ok("Work", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *s = NULL;
    CHECK_HR(MAPI_E_LOGON_FAILED, MAPILogonEx(0, "NoSuchProfile", NULL, MAPI_NEW_SESSION, &s));
    s = logon_ok("Default", MAPI_NEW_SESSION);
    CHECK_EQ(1, store_count(s));
    CHECK(!same_identity(pub, s));
    logoff_release(s);
    logoff_release(pub);
    MAPIUninitialize();
}

TEST(test_SHARED_2_nothing_published_behaves_as_new_session)
{
    init_ok();
    IMAPISession *s = NULL;
    CHECK_HR(MAPI_E_LOGON_FAILED, MAPILogonEx(0, "NoSuchProfile", NULL, 0, &s));
    CHECK_HR(MAPI_E_LOGON_FAILED, MAPILogonEx(0, NULL, NULL, 0, &s));
    s = logon_ok(NULL, MAPI_USE_DEFAULT | MAPI_ALLOW_OTHERS); /* and it publishes */
    CHECK(published());
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_SHARED_3_plain_logoff_of_a_participant_affects_only_that_handle)
{
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *joiner = logon_ok(NULL, 0);
    struct test_sink sp, sj;
    sink_init(&sp);
    sink_init(&sj);
    advise_ok(pub, &sp, 0);
    advise_ok(joiner, &sj, 0);

    CHECK_HR(S_OK, V(joiner)->Logoff(joiner, 0, 0, 0));
    CHECK_EQ(0, atomic_load(&sp.calls));
    CHECK_EQ(1, atomic_load(&sj.refs));
    CHECK_EQ(2, atomic_load(&sp.refs));
    CHECK(published());
    CHECK_EQ(1, store_count(pub));
    CHECK_EQ(0, V(joiner)->Release(joiner));

    /* the publisher leaving first keeps the session up for the others, too */
    IMAPISession *j2 = logon_ok(NULL, 0);
    CHECK_HR(S_OK, V(pub)->Logoff(pub, 0, 0, 0));
    CHECK(published());
    CHECK_EQ(0, atomic_load(&sp.critical));
    logoff_release(j2); /* the last handle: ENDED and unpublished */
    CHECK(!published());
    CHECK_EQ(0, V(pub)->Release(pub));
    MAPIUninitialize();
}

TEST(test_SHARED_4_shared_flag_on_an_individual_session_is_ignored)
{
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *joiner = logon_ok(NULL, 0);
    IMAPISession *ind = logon_ok("Work", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS); /* slot taken: individual */
    IMAPISession *ind2 = logon_ok("Work", MAPI_NEW_SESSION);
    struct test_sink a, b, c;
    sink_init(&a);
    sink_init(&b);
    sink_init(&c);
    advise_ok(pub, &a, 0);
    advise_ok(joiner, &b, 0);
    advise_ok(ind2, &c, 0);
    CHECK_HR(S_OK, V(ind)->Logoff(ind, 0, MAPI_LOGOFF_SHARED, 0));
    CHECK_EQ(0, atomic_load(&a.calls) + atomic_load(&b.calls) + atomic_load(&c.calls));
    CHECK(published());
    CHECK_EQ(0, V(ind)->Release(ind));
    logoff_release(ind2);
    logoff_release(joiner);
    logoff_release(pub);
    MAPIUninitialize();
}

static void expect_end_of_session(const struct test_sink *s)
{
    CHECK_EQ(1, s->last_cnotif);
    CHECK_EQ(fnevCriticalError, s->last.ulEventType);
    CHECK_EQ(0, s->last.info.err.cbEntryID);
    CHECK(s->last.info.err.lpEntryID == NULL);
    CHECK_HR(MAPI_E_END_OF_SESSION, s->last.info.err.scode);
    CHECK_EQ(0, s->last.info.err.ulFlags);
    CHECK(s->last.info.err.lpMAPIError == NULL);
    /* A.9: the same bytes read the way a binding that knows only offsets would */
    const unsigned char *raw = (const unsigned char *)&s->last;
    int32_t scode;
    memcpy(&scode, raw + 8 + (sizeof(void *) == 8 ? 16 : 8), 4);
    CHECK_HR(MAPI_E_END_OF_SESSION, scode);
}

TEST(test_SHARED_5_each_other_sink_notified_exactly_once_before_logoff_returns)
{
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *b = logon_ok(NULL, 0);
    IMAPISession *c = logon_ok(NULL, 0);
    IMAPISession *outsider = logon_ok("Default", MAPI_NEW_SESSION);
    struct test_sink own, b1, b2, c1, out;
    sink_init(&own);
    sink_init(&b1);
    sink_init(&b2);
    sink_init(&c1);
    sink_init(&out);
    advise_ok(pub, &own, 0);
    advise_ok(b, &b1, 0);
    advise_ok(b, &b2, fnevNewMail); /* critical errors are covered whatever the mask */
    advise_ok(c, &c1, fnevCriticalError | fnevExtended);
    advise_ok(outsider, &out, 0);

    CHECK_HR(S_OK, V(pub)->Logoff(pub, 0, MAPI_LOGOFF_SHARED, 0));

    CHECK_EQ(1, atomic_load(&b1.critical));
    CHECK_EQ(1, atomic_load(&b2.critical));
    CHECK_EQ(1, atomic_load(&c1.critical));
    CHECK_EQ(1, atomic_load(&b1.calls));
    CHECK_EQ(1, atomic_load(&b2.calls));
    CHECK_EQ(0, atomic_load(&c1.extended)); /* LOGOFF-4 is for the caller's own sinks */
    CHECK_EQ(0, atomic_load(&own.calls));
    CHECK_EQ(0, atomic_load(&out.calls));
    expect_end_of_session(&b1);
    expect_end_of_session(&c1);
    CHECK_EQ(1, atomic_load(&own.refs));
    CHECK_EQ(2, atomic_load(&b1.refs)); /* the others keep their registrations */
    /* unpublished at once, the others stay LOGGED_ON and usable */
    CHECK(!published());
    CHECK_EQ(1, store_count(b));
    CHECK_EQ(1, store_count(c));
    logoff_release(b);
    logoff_release(c);
    logoff_release(outsider);
    CHECK_EQ(0, V(pub)->Release(pub));
    CHECK_EQ(1, atomic_load(&b1.refs));
    CHECK_EQ(1, atomic_load(&b2.refs));
    CHECK_EQ(1, atomic_load(&c1.refs));
    MAPIUninitialize();
}

TEST(test_SHARED_5_any_participant_may_end_the_shared_session)
{
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *joiner = logon_ok(NULL, 0);
    struct test_sink sp;
    sink_init(&sp);
    advise_ok(pub, &sp, 0);
    CHECK_HR(S_OK, V(joiner)->Logoff(joiner, 0, MAPI_LOGOFF_SHARED | MAPI_LOGOFF_UI, 0));
    CHECK_EQ(1, atomic_load(&sp.critical));
    expect_end_of_session(&sp);
    CHECK(!published());
    /* a new shared session can be published afterwards; the old one does not come back */
    IMAPISession *next = logon_ok("Work", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *j = logon_ok(NULL, 0);
    CHECK_EQ(2, store_count(j));
    logoff_release(j);
    logoff_release(next);
    logoff_release(pub);
    CHECK_EQ(0, V(joiner)->Release(joiner));
    CHECK_EQ(1, atomic_load(&sp.critical));
    MAPIUninitialize();
}

/* Sinks are called without the library lock: this one calls back into the library from
 * OnNotify. Under the lock it would deadlock (and the harness would time out). */
static void call_back_in(struct test_sink *self, const NOTIFICATION *n)
{
    (void)n;
    IMAPISession *s = self->context;
    ULONG cb;
    LPENTRYID id;
    CHECK_HR(S_OK, V(s)->QueryIdentity(s, &cb, &id));
    MAPIFreeBuffer(id);
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0)); /* what the notification asks the client to do */
    IMAPISession *other = NULL;
    CHECK_HR(S_OK, MAPILogonEx(0, "Work", NULL, MAPI_NEW_SESSION, &other));
    if (other) logoff_release(other);
}

TEST(test_SHARED_5_sinks_are_called_without_the_library_lock)
{
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *joiner = logon_ok(NULL, 0);
    struct test_sink sj;
    sink_init(&sj);
    sj.on_notify = call_back_in;
    sj.context = joiner;
    advise_ok(joiner, &sj, 0);
    CHECK_HR(S_OK, V(pub)->Logoff(pub, 0, MAPI_LOGOFF_SHARED, 0));
    CHECK_EQ(1, atomic_load(&sj.critical));
    CHECK_EQ(1, atomic_load(&sj.refs)); /* the joiner logged itself off inside OnNotify */
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(joiner)->Logoff(joiner, 0, 0, 0));
    CHECK_EQ(0, V(joiner)->Release(joiner));
    CHECK_EQ(0, V(pub)->Release(pub));
    MAPIUninitialize();
}

/* Decision 11: a participant that logs its own handle off with MAPI_LOGOFF_SHARED from inside the
 * notification of a shared logoff already under way is logged off, and nobody is told again. */
static void shared_logoff_own_handle(struct test_sink *self, const NOTIFICATION *n)
{
    if (n->ulEventType != fnevCriticalError) return;
    IMAPISession *own = self->context;
    CHECK_HR(S_OK, V(own)->Logoff(own, 0, MAPI_LOGOFF_SHARED, 0));
}

TEST(test_SHARED_5_second_shared_logoff_from_a_notification_notifies_nobody_again)
{
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    IMAPISession *b = logon_ok(NULL, 0);
    IMAPISession *c = logon_ok(NULL, 0);
    struct test_sink own, sb, sc;
    sink_init(&own);
    sink_init(&sb);
    sink_init(&sc);
    sb.on_notify = shared_logoff_own_handle;
    sb.context = b;
    advise_ok(pub, &own, 0);
    advise_ok(b, &sb, 0);
    advise_ok(c, &sc, 0);

    CHECK_HR(S_OK, V(pub)->Logoff(pub, 0, MAPI_LOGOFF_SHARED, 0));

    CHECK_EQ(1, atomic_load(&sb.critical));
    CHECK_EQ(1, atomic_load(&sc.critical)); /* at most once per end of the session */
    CHECK_EQ(0, atomic_load(&own.critical));
    CHECK_HR(MAPI_E_INVALID_OBJECT, V(b)->Logoff(b, 0, 0, 0)); /* its own shared logoff logged it off */
    CHECK_EQ(1, store_count(c));                                /* the others stay logged on */
    /* and a later shared logoff of the last participant tells nobody either */
    CHECK_HR(S_OK, V(c)->Logoff(c, 0, MAPI_LOGOFF_SHARED, 0));
    CHECK_EQ(1, atomic_load(&sb.critical));
    CHECK_EQ(1, atomic_load(&sc.critical));
    CHECK_EQ(0, V(c)->Release(c));
    CHECK_EQ(0, V(b)->Release(b));
    CHECK_EQ(0, V(pub)->Release(pub));
    MAPIUninitialize();
}
