/* The profile store: what the registry holds for real MAPI. Guarded by the library lock. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static bool name_equals(const char *a, const char *b)
{
    /* Windows profile names ignore case; ASCII folding is enough for a test fixture. */
    for (;; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
        if (x != y) return false;
        if (!x) return true;
    }
}

const struct profile *profile_find(const char *name)
{
    for (struct profile *p = g_mapi.profiles; p; p = p->next)
        if (name_equals(p->name, name)) return p;
    return NULL;
}

const struct profile *profile_default(void)
{
    for (struct profile *p = g_mapi.profiles; p; p = p->next)
        if (p->is_default) return p;
    return NULL;
}

static void profiles_free_locked(void)
{
    struct profile *p = g_mapi.profiles;
    while (p) {
        struct profile *pn = p->next;
        struct profile_store *st = p->stores;
        while (st) {
            struct profile_store *sn = st->next;
            free(st->name);
            free(st);
            st = sn;
        }
        free(p->name);
        free(p);
        p = pn;
    }
    g_mapi.profiles = NULL;
}

static HRESULT add_profile_locked(const char *name, int is_default)
{
    if (!name || !*name) return MAPI_E_INVALID_PARAMETER;
    if (utf8_utf16_units(name) > PROFILE_NAME_MAX) return MAPI_E_STRING_TOO_LONG;
    if (profile_find(name)) return MAPI_E_COLLISION;
    struct profile *p = calloc(1, sizeof *p);
    if (!p || !(p->name = strdup(name))) {
        free(p);
        return MAPI_E_NOT_ENOUGH_MEMORY;
    }
    if (is_default)
        for (struct profile *q = g_mapi.profiles; q; q = q->next) q->is_default = false;
    p->is_default = is_default != 0;
    /* appended, so that tables list profiles' stores in the order they were configured */
    struct profile **tail = &g_mapi.profiles;
    while (*tail) tail = &(*tail)->next;
    *tail = p;
    return S_OK;
}

static HRESULT add_store_locked(const char *profile, const char *display_name, int is_default)
{
    if (!profile || !*profile || !display_name || !*display_name) return MAPI_E_INVALID_PARAMETER;
    struct profile *p = (struct profile *)profile_find(profile);
    if (!p) return MAPI_E_NOT_FOUND;
    struct profile_store *st = calloc(1, sizeof *st);
    if (!st || !(st->name = strdup(display_name))) {
        free(st);
        return MAPI_E_NOT_ENOUGH_MEMORY;
    }
    if (is_default)
        for (struct profile_store *q = p->stores; q; q = q->next) q->is_default = false;
    st->is_default = is_default != 0;
    struct profile_store **tail = &p->stores;
    while (*tail) tail = &(*tail)->next;
    *tail = st;
    return S_OK;
}

void profiles_reset_locked(void)
{
    profiles_free_locked();
    /* Built in so that the library works out of the box, like a machine with Outlook set up. */
    add_profile_locked("Default", 1);
    add_store_locked("Default", "Personal Folders", 1);
    add_profile_locked("Work", 0);
    add_store_locked("Work", "Mailbox - Work", 1);
    add_store_locked("Work", "Archive", 0);
}

MAPI4J_API HRESULT MAPI4J_ClearProfiles(void)
{
    lib_lock();
    profiles_free_locked();
    lib_unlock();
    return S_OK;
}

MAPI4J_API HRESULT MAPI4J_AddProfile(const char *name, int isDefault)
{
    lib_lock();
    HRESULT hr = add_profile_locked(name, isDefault);
    lib_unlock();
    return hr;
}

MAPI4J_API HRESULT MAPI4J_AddMessageStore(const char *profile, const char *displayName, int isDefault)
{
    lib_lock();
    HRESULT hr = add_store_locked(profile, displayName, isDefault);
    lib_unlock();
    return hr;
}

/* Leaves nothing behind for leak checkers when the library is unloaded. */
__attribute__((destructor)) static void profiles_unload(void)
{
    /* never wait at exit: a thread that still holds the lock would hang the process */
    if (pthread_mutex_trylock(&g_mapi.lock) != 0) return;
    profiles_free_locked();
    pthread_mutex_unlock(&g_mapi.lock);
}
