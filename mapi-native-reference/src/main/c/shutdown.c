/* IMAPIClientShutdown (FAST-1..5): a separate object obtained by QueryInterface on a session. */
#include <stdlib.h>

#include "internal.h"

#define SELF ((struct child *)This)

static HRESULT STDMETHODCALLTYPE cs_QueryInterface(IMAPIClientShutdown *This, REFIID riid, LPVOID *ppvObj)
{
    if (ppvObj) *ppvObj = NULL;
    if (!riid || !ppvObj) return MAPI_E_INVALID_PARAMETER;
    if (!iid_is(riid, MAPI4J_IIDL_IUnknown) && !iid_is(riid, MAPI4J_IIDL_IMAPIClientShutdown))
        return MAPI_E_INTERFACE_NOT_SUPPORTED;
    child_addref(SELF);
    *ppvObj = This;
    return S_OK;
}

static ULONG STDMETHODCALLTYPE cs_AddRef(IMAPIClientShutdown *This)
{
    return child_addref(SELF);
}

static ULONG STDMETHODCALLTYPE cs_Release(IMAPIClientShutdown *This)
{
    return child_release(SELF);
}

/* Policies 0 and 1 both allow it: every simulated provider of this library supports fast
 * shutdown and none opts out (spec A.11); policy 2 disables it. */
static bool allowed_locked(void)
{
    return g_mapi.fast_policy != 2;
}

static HRESULT STDMETHODCALLTYPE cs_QueryFastShutdown(IMAPIClientShutdown *This)
{
    lib_lock();
    HRESULT hr = child_check_locked(SELF);
    if (hr == S_OK) {
        if (!allowed_locked()) hr = MAPI_E_NO_SUPPORT;
        else fault_take("QueryFastShutdown", &hr);
    }
    lib_unlock();
    return hr;
}

static HRESULT STDMETHODCALLTYPE cs_NotifyProcessShutdown(IMAPIClientShutdown *This)
{
    lib_lock();
    HRESULT hr = child_check_locked(SELF);
    if (hr == S_OK) fault_take("NotifyProcessShutdown", &hr);
    lib_unlock();
    return hr;
}

static HRESULT STDMETHODCALLTYPE cs_DoFastShutdown(IMAPIClientShutdown *This)
{
    struct batch b = { 0 };
    lib_lock();
    HRESULT hr = child_check_locked(SELF);
    if (hr == S_OK && !allowed_locked()) hr = MAPI_E_NO_SUPPORT;
    if (hr == S_OK && (!fault_take("DoFastShutdown", &hr) || hr >= 0)) {
        /* FAST-5: no logoff processing and no notification; every handle (this one included)
         * simply stops answering, and its sinks are let go because the client is exiting. */
        sessions_leave_all(H_INVALIDATED, false, &b);
        g_mapi.state = INST_TERMINATED;
        g_mapi.init_count = 0;
    }
    lib_unlock();
    batch_run(&b);
    return hr;
}

static const IMAPIClientShutdownVtbl shutdown_vtbl = {
    cs_QueryInterface, cs_AddRef, cs_Release, cs_QueryFastShutdown, cs_NotifyProcessShutdown, cs_DoFastShutdown,
};

struct child *shutdown_create(struct session *s)
{
    struct child *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->lpVtbl = &shutdown_vtbl;
    c->kind = CHILD_SHUTDOWN;
    child_attach(s, c);
    return c;
}
