/* MAPILogonEx: argument rules, profile choice and shared-session publishing (LOGON-*, SHARED-1/2). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Reads the caller's profile name (NULL stays NULL) into a UTF-8 copy. */
static HRESULT read_profile_name(const void *raw, ULONG flags, char **out)
{
    *out = NULL;
    if (!raw) return S_OK;
    bool too_long = false;
    char *name;
    if (flags & MAPI_UNICODE) {
        name = utf16_to_utf8(raw, PROFILE_NAME_MAX, &too_long);
    } else {
        too_long = utf8_utf16_units(raw) > PROFILE_NAME_MAX;
        name = too_long ? NULL : strdup(raw);
    }
    if (too_long) return MAPI_E_LOGON_FAILED; /* LOGON-2b */
    if (!name) return MAPI_E_NOT_ENOUGH_MEMORY;
    *out = name;
    return S_OK;
}

MAPI4J_API HRESULT MAPILogonEx(ULONG_PTR ulUIParam, LPTSTR lpszProfileName, LPTSTR lpszPassword, FLAGS flFlags,
                               LPMAPISESSION *lppSession)
{
    (void)ulUIParam; /* LOGON-10: only a dialog would use it, and this library shows none */
    if (lppSession) *lppSession = NULL;

    lib_lock();
    bool initialized = g_mapi.state == INST_INITIALIZED;
    lib_unlock();
    if (!initialized) return MAPI_E_NOT_INITIALIZED; /* INIT-10, FAST-5 */
    if (flFlags & ~LOGON_VALID_FLAGS) return MAPI_E_UNKNOWN_FLAGS; /* LOGON-1 */
    if (!lppSession) return MAPI_E_INVALID_PARAMETER;
    /* LOGON-2, checked before joining too: GEN-3 puts parameter checks before the operation. */
    if ((flFlags & MAPI_LOGON_UI) && (flFlags & MAPI_PASSWORD_UI)) return MAPI_E_LOGON_FAILED;
    if (lpszPassword) return MAPI_E_LOGON_FAILED;
    char *name;
    HRESULT hr = read_profile_name(lpszProfileName, flFlags, &name);
    if (hr != S_OK) return hr;

    /* Allocated up front so that nothing can fail once the instance has been looked at. */
    struct core *core = calloc(1, sizeof *core);
    struct session *s = NULL;
    lib_lock();
    if (g_mapi.state != INST_INITIALIZED) {
        hr = MAPI_E_NOT_INITIALIZED; /* uninitialized while we were reading arguments */
    } else if (!core) {
        hr = MAPI_E_NOT_ENOUGH_MEMORY;
    } else if (fault_take("MAPILogonEx", &hr) && hr < 0) {
        /* injected failure: nothing created */
    } else if (!(flFlags & MAPI_NEW_SESSION) && g_mapi.published) {
        /* LOGON-3: join; the name is ignored, ALLOW_OTHERS has no effect */
        s = session_create(g_mapi.published, flFlags);
        if (!s) hr = MAPI_E_NOT_ENOUGH_MEMORY;
    } else {
        /* LOGON-4 */
        const struct profile *p = NULL;
        if (name && *name) p = profile_find(name);
        else if (flFlags & MAPI_USE_DEFAULT) p = profile_default();
        /* else: MAPI_LOGON_UI would need a dialog; headless, like no flag at all */
        if (!p) {
            hr = MAPI_E_LOGON_FAILED;
        } else if (!(core->profile = strdup(p->name))) {
            hr = MAPI_E_NOT_ENOUGH_MEMORY;
        } else {
            /* LOGON-5: the first publisher keeps the slot */
            core->shared = (flFlags & MAPI_ALLOW_OTHERS) && !g_mapi.published;
            s = session_create(core, flFlags);
            if (!s) {
                hr = MAPI_E_NOT_ENOUGH_MEMORY;
            } else {
                live_inc();
                if (core->shared) g_mapi.published = core;
                core = NULL; /* owned by the session now */
            }
        }
    }
    lib_unlock();
    if (core) {
        free(core->profile);
        free(core);
    }
    free(name);
    if (s) *lppSession = (IMAPISession *)s;
    return hr;
}
