/* The per-process MAPI instance: MAPIInitialize / MAPIUninitialize and its reference count. */
#include "internal.h"

struct instance g_mapi = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .confirm_done = PTHREAD_COND_INITIALIZER,
    .state = INST_UNINITIALIZED,
};

/* The built-in profiles are made by the first lib_lock, under the lock (a static initializer
 * cannot allocate; the lock itself is statically initialized). Read and written under the lock. */
static bool g_profiles_made;

void lib_lock(void)
{
    pthread_mutex_lock(&g_mapi.lock);
    if (!g_profiles_made) {
        g_profiles_made = true;
        profiles_reset_locked();
    }
}

void lib_unlock(void)
{
    pthread_mutex_unlock(&g_mapi.lock);
}

MAPI4J_API HRESULT MAPIInitialize(LPVOID lpMapiInit)
{
    const MAPIINIT_0 *init = lpMapiInit;
    HRESULT hr = S_OK;
    lib_lock();
    if (g_mapi.state == INST_TERMINATED) {
        hr = MAPI_E_NOT_INITIALIZED; /* FAST-5: no MAPI call may revive a fast-shut-down process */
    } else if (init && (init->ulFlags & ~INIT_VALID_FLAGS)) {
        hr = MAPI_E_UNKNOWN_FLAGS; /* GEN-3: flags before the structure version */
    } else if (init && init->ulVersion != MAPI_INIT_VERSION) {
        hr = MAPI_E_INVALID_PARAMETER;
    } else {
        bool faulted = fault_take("MAPIInitialize", &hr);
        if (!faulted || hr >= 0) {
            if (g_mapi.init_count++ == 0) {
                /* INIT-5: only the first call's flags count; later ones were validated above. */
                g_mapi.init_flags = init ? init->ulFlags : 0;
                g_mapi.state = INST_INITIALIZED;
            }
        }
    }
    lib_unlock();
    return hr;
}

MAPI4J_API void MAPIUninitialize(void)
{
    struct batch b = { 0 };
    lib_lock();
    if (g_mapi.state != INST_INITIALIZED || g_mapi.init_count == 0) { /* INIT-9, FAST-5 */
        lib_unlock();
        return;
    }
    if (--g_mapi.init_count == 0) {
        /* INIT-8: as Logoff(0,0,0) on every survivor. Without room for LOGOFF-4's optional
         * notifications the logoffs still happen: the uninitialize cannot fail. */
        size_t ext = 0;
        for (struct session *s = g_mapi.sessions; s; s = s->next)
            if (s->state == H_LOGGED_ON) ext += regs_count(s, fnevExtended);
        bool room = batch_reserve(&b, ext);
        sessions_leave_all(H_INVALIDATED, room, &b);
        g_mapi.state = INST_UNINITIALIZED;
        g_mapi.init_flags = 0;
    }
    lib_unlock();
    batch_run(&b);
}

MAPI4J_API void MAPI4J_ResetInstance(void)
{
    struct batch b = { 0 };
    lib_lock();
    sessions_leave_all(H_INVALIDATED, false, &b);
    g_mapi.state = INST_UNINITIALIZED;
    g_mapi.init_count = 0;
    g_mapi.init_flags = 0;
    g_mapi.hook = NULL;
    g_mapi.hook_context = NULL;
    g_mapi.fast_policy = 0;
    faults_clear_locked();
    profiles_reset_locked();
    lib_unlock();
    batch_run(&b);
}
