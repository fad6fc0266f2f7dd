/* IMAPISession::Logoff and the state change every way out of LOGGED_ON shares
 * (LOGOFF-*, SHARED-3..5, INIT-8, REL-1, FAST-5). */
#include <stdlib.h>

#include "internal.h"

#define SELF ((struct session *)This)

void session_leave(struct session *s, handle_state to, bool extended, struct batch *b)
{
    if (extended) regs_pin_all(s, fnevExtended, fnevExtended, b); /* LOGOFF-4, before LOGOFF-1(a) */
    regs_cancel_all(s, b);                                           /* LOGOFF-1(a) */
    for (struct child *c = s->children; c; c = c->next) c->valid = false; /* LOGOFF-1(b), CHILD-1 */
    struct core *core = s->core;
    s->core = NULL;
    s->state = to; /* LOGOFF-1(c) */
    if (--core->handles_on == 0) {
        /* LOGOFF-2, SHARED-3: the last handle out ends the session and takes it off the slot */
        if (g_mapi.published == core) g_mapi.published = NULL;
        free(core->profile);
        free(core);
        live_dec();
    }
}

void sessions_leave_all(handle_state to, bool extended, struct batch *b)
{
    for (struct session *s = g_mapi.sessions; s; s = s->next)
        if (s->state == H_LOGGED_ON) session_leave(s, to, extended, b);
    g_mapi.published = NULL;
}

HRESULT STDMETHODCALLTYPE session_Logoff(IMAPISession *This, ULONG_PTR ulUIParam, ULONG ulFlags, ULONG ulReserved)
{
    struct session *s = SELF;
    struct batch b = { 0 };
    bool held = false;
    HRESULT hr = S_OK;
    lib_lock();
    for (;;) {
        /* GEN-3: state, then flags, then reserved; a rejected call changes nothing (GEN-4) */
        if (s->state != H_LOGGED_ON) { hr = MAPI_E_INVALID_OBJECT; goto out; }
        if (ulFlags & ~LOGOFF_VALID_FLAGS) { hr = MAPI_E_UNKNOWN_FLAGS; goto out; }
        if (ulReserved) { hr = MAPI_E_INVALID_PARAMETER; goto out; }
        /* LOGOFF-5: while another Logoff asks the hook, its answer decides whether this one can
         * still win, so wait for it. A Logoff from inside the hook itself must not wait on itself. */
        if (!s->confirming || pthread_equal(s->confirmer, pthread_self())) break;
        pthread_cond_wait(&g_mapi.confirm_done, &g_mapi.lock);
    }
    if ((ulFlags & MAPI_LOGOFF_UI) && g_mapi.hook && !s->confirming) {
        MAPI4J_LOGOFF_CONFIRM hook = g_mapi.hook;
        void *context = g_mapi.hook_context;
        s->confirming = true;
        s->confirmer = pthread_self();
        s->refs++; /* keeps the handle alive if its owner releases it while the hook runs */
        held = true;
        lib_unlock();
        HRESULT answer = hook(ulUIParam, context);
        lib_lock();
        s->confirming = false;
        pthread_cond_broadcast(&g_mapi.confirm_done);
        if (answer != S_OK) {
            hr = answer == MAPI_E_USER_CANCEL ? MAPI_E_USER_CANCEL /* LOGOFF-UI-2 */
                                              : MAPI_E_CALL_FAILED; /* LOGOFF-UI-3 */
            goto out;
        }
        if (s->state != H_LOGGED_ON) { /* another way out won meanwhile (uninitialize, nested Logoff) */
            hr = MAPI_E_INVALID_OBJECT;
            goto out;
        }
    }

    bool shared = (ulFlags & MAPI_LOGOFF_SHARED) && s->core->shared; /* SHARED-4: else ignored */
    size_t need = regs_count(s, fnevExtended);
    if (shared)
        for (struct session *h = g_mapi.sessions; h; h = h->next)
            if (h != s && h->core == s->core) need += regs_count(h, 0);
    if (!batch_reserve(&b, need)) {
        hr = MAPI_E_NOT_ENOUGH_MEMORY; /* before any change, so nothing changed */
        goto out;
    }
    HRESULT fault;
    bool faulted = fault_take("Logoff", &fault);
    if (shared) {
        /* SHARED-5 with decision 11: one shared logoff per end of a session. A later
         * MAPI_LOGOFF_SHARED on another participant (say, from inside its notification) logs that
         * handle off and tells nobody again: each participant is notified at most once. */
        s->core->shared = false;
        if (g_mapi.published == s->core) g_mapi.published = NULL; /* SHARED-5(a) */
        for (struct session *h = g_mapi.sessions; h; h = h->next)  /* SHARED-5(b) */
            if (h != s && h->core == s->core) regs_pin_all(h, 0, fnevCriticalError, &b);
    }
    session_leave(s, H_LOGGED_OFF, true, &b); /* SHARED-5(c), LOGOFF-1 */
    hr = faulted ? fault : S_OK;             /* LOGOFF-3: logged off even when failing */
out:
    lib_unlock();
    batch_run(&b); /* synchronous: every sink has been called before Logoff returns */
    if (held) This->lpVtbl->Release(This);
    return hr;
}
