#include <pthread.h>
#include <string.h>

#include "support.h"

void init_ok(void)
{
    REQUIRE_HR(S_OK, MAPIInitialize(NULL));
}

IMAPISession *logon_ok(const char *profile, ULONG flags)
{
    IMAPISession *s = NULL;
    REQUIRE_HR(S_OK, MAPILogonEx(0, (LPTSTR)profile, NULL, flags, &s));
    REQUIRE(s != NULL);
    return s;
}

IMAPISession *logon_new(void)
{
    return logon_ok(NULL, MAPI_USE_DEFAULT | MAPI_NEW_SESSION | MAPI_EXTENDED);
}

void logoff_release(IMAPISession *s)
{
    CHECK_HR(S_OK, V(s)->Logoff(s, 0, 0, 0));
    CHECK_EQ(0, V(s)->Release(s));
}

static HRESULT STDMETHODCALLTYPE sink_qi(IMAPIAdviseSink *This, REFIID riid, LPVOID *ppv)
{
    (void)This, (void)riid;
    *ppv = NULL;
    return MAPI_E_INTERFACE_NOT_SUPPORTED;
}

static ULONG STDMETHODCALLTYPE sink_addref(IMAPIAdviseSink *This)
{
    return (ULONG)atomic_fetch_add(&((struct test_sink *)This)->refs, 1) + 1;
}

static ULONG STDMETHODCALLTYPE sink_release(IMAPIAdviseSink *This)
{
    return (ULONG)atomic_fetch_sub(&((struct test_sink *)This)->refs, 1) - 1;
}

/* OnNotify may run on several threads at once (NOTIFY-8); `last` is copied under this lock. */
static pthread_mutex_t g_last_lock = PTHREAD_MUTEX_INITIALIZER;

static ULONG STDMETHODCALLTYPE sink_on_notify(IMAPIAdviseSink *This, ULONG cNotif, LPNOTIFICATION lpNotifications)
{
    struct test_sink *sink = (struct test_sink *)This;
    atomic_fetch_add(&sink->calls, 1);
    pthread_mutex_lock(&g_last_lock);
    sink->last_cnotif = cNotif;
    if (cNotif) sink->last = lpNotifications[cNotif - 1];
    pthread_mutex_unlock(&g_last_lock);
    for (ULONG i = 0; i < cNotif; i++) {
        const NOTIFICATION *n = &lpNotifications[i];
        if (n->ulEventType == fnevCriticalError) atomic_fetch_add(&sink->critical, 1);
        else if (n->ulEventType == fnevExtended) atomic_fetch_add(&sink->extended, 1);
        else atomic_fetch_add(&sink->other, 1);
        if (sink->on_notify) sink->on_notify(sink, n);
    }
    return 0;
}

static const IMAPIAdviseSinkVtbl sink_vtbl = { sink_qi, sink_addref, sink_release, sink_on_notify };

void sink_init(struct test_sink *sink)
{
    memset(sink, 0, sizeof *sink);
    sink->base.lpVtbl = &sink_vtbl;
    atomic_init(&sink->refs, 1);
}

ULONG_PTR advise_ok(IMAPISession *s, struct test_sink *sink, ULONG mask)
{
    ULONG_PTR conn = 0;
    REQUIRE_HR(S_OK, V(s)->Advise(s, 0, NULL, mask, &sink->base, &conn));
    REQUIRE(conn != 0);
    return conn;
}

IID iid(uint32_t l)
{
    return mapi4j_ole_guid(l);
}
