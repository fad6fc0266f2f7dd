/* The IMAPISession object: its 22-slot vtable (spec A.3), IUnknown, and the simple methods. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const MAPIUID g_provider_uid = { { 0x6d, 0x61, 0x70, 0x69, 0x34, 0x6a, 0x2d, 0x72,
                                   0x65, 0x66, 0x65, 0x72, 0x65, 0x6e, 0x63, 0x65 } };

#define SELF ((struct session *)This)

/* GEN-3 step 1 for the methods that need nothing else from the lock. */
static HRESULT check_state(IMAPISession *This)
{
    lib_lock();
    bool on = SELF->state == H_LOGGED_ON;
    lib_unlock();
    return on ? S_OK : MAPI_E_INVALID_OBJECT;
}

/* Unsupported methods still honour POSTLOGOFF-1 first, so a client learns it used a dead handle. */
static HRESULT unsupported(IMAPISession *This)
{
    HRESULT hr = check_state(This);
    return hr == S_OK ? MAPI_E_NO_SUPPORT : hr;
}

BYTE *entryid_make(enum entryid_kind kind, ULONG index, const char *profile, ULONG *cb, bool mapi_buffer)
{
    size_t len = strlen(profile) + 1;
    size_t total = ENTRYID_HEADER + 8 + len;
    BYTE *id = mapi_buffer ? buffer_alloc(total) : malloc(total);
    if (!id) return NULL;
    memset(id, 0, 4);
    memcpy(id + 4, g_provider_uid.ab, 16);
    ULONG k = kind;
    memcpy(id + ENTRYID_HEADER, &k, 4);
    memcpy(id + ENTRYID_HEADER + 4, &index, 4);
    memcpy(id + ENTRYID_HEADER + 8, profile, len);
    *cb = (ULONG)total;
    return id;
}

static HRESULT STDMETHODCALLTYPE s_QueryInterface(IMAPISession *This, REFIID riid, LPVOID *ppvObj)
{
    if (ppvObj) *ppvObj = NULL;
    HRESULT hr = S_OK;
    lib_lock();
    if (SELF->state != H_LOGGED_ON) {
        hr = MAPI_E_INVALID_OBJECT; /* POSTLOGOFF-4, for every IID */
    } else if (!riid || !ppvObj) {
        hr = MAPI_E_INVALID_PARAMETER;
    } else if (iid_is(riid, MAPI4J_IIDL_IUnknown) || iid_is(riid, MAPI4J_IIDL_IMAPISession)) {
        SELF->refs++;
        *ppvObj = This;
    } else if (iid_is(riid, MAPI4J_IIDL_IMAPIClientShutdown)) {
        struct child *c = shutdown_create(SELF);
        if (c) *ppvObj = c;
        else hr = MAPI_E_NOT_ENOUGH_MEMORY;
    } else {
        hr = MAPI_E_INTERFACE_NOT_SUPPORTED;
    }
    lib_unlock();
    return hr;
}

static ULONG STDMETHODCALLTYPE s_AddRef(IMAPISession *This)
{
    lib_lock();
    ULONG r = ++SELF->refs;
    lib_unlock();
    return r;
}

static ULONG STDMETHODCALLTYPE s_Release(IMAPISession *This)
{
    struct session *s = SELF;
    struct batch b = { 0 };
    lib_lock();
    ULONG r = --s->refs;
    if (r) {
        lib_unlock();
        return r;
    }
    if (s->state == H_LOGGED_ON) {
        /* REL-1: an implicit Logoff(0,0,0), so never a shared-logoff notification */
        bool room = batch_reserve(&b, regs_count(s, fnevExtended));
        session_leave(s, H_LOGGED_OFF, room, &b);
    }
    for (struct child *c = s->children; c; c = c->next) c->owner = NULL;
    if (s->prev) s->prev->next = s->next;
    else g_mapi.sessions = s->next;
    if (s->next) s->next->prev = s->prev;
    lib_unlock();
    batch_run(&b);
    free(s);
    live_dec();
    return 0;
}

static HRESULT STDMETHODCALLTYPE s_GetLastError(IMAPISession *This, HRESULT hResult, ULONG ulFlags, LPMAPIERROR *lppMAPIError)
{
    (void)hResult;
    (void)ulFlags;
    if (lppMAPIError) *lppMAPIError = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_GetMsgStoresTable(IMAPISession *This, ULONG ulFlags, LPMAPITABLE *lppTable)
{
    if (lppTable) *lppTable = NULL;
    HRESULT hr = S_OK;
    lib_lock();
    if (SELF->state != H_LOGGED_ON) {
        hr = MAPI_E_INVALID_OBJECT;
    } else if (ulFlags & ~MAPI_UNICODE) {
        hr = MAPI_E_UNKNOWN_FLAGS;
    } else if (!lppTable) {
        hr = MAPI_E_INVALID_PARAMETER;
    } else if (!fault_take("GetMsgStoresTable", &hr) || hr >= 0) {
        struct child *t = table_create_stores(SELF);
        if (t) *lppTable = (IMAPITable *)t;
        else hr = MAPI_E_NOT_ENOUGH_MEMORY;
    }
    lib_unlock();
    return hr;
}

/* Whether an entry id is the id of one of the session's message stores (as its stores table gives
 * them). Called with the lock held. */
static bool is_store_of_session(IMAPISession *This, ULONG cb, const BYTE *id)
{
    const struct profile *p = profile_find(SELF->core->profile);
    ULONG i = 0;
    for (const struct profile_store *st = p ? p->stores : NULL; st; st = st->next, i++) {
        ULONG cbStore;
        BYTE *store = entryid_make(EID_STORE, i, p->name, &cbStore, false);
        bool same = store && cbStore == cb && memcmp(store, id, cb) == 0;
        free(store);
        if (same) return true;
    }
    return false;
}

/* The reference library has no message store objects to hand out: a store of the session answers
 * MAPI_E_NO_SUPPORT; any other identifier is one no store of the session has (decision 8). */
static HRESULT STDMETHODCALLTYPE s_OpenMsgStore(IMAPISession *This, ULONG_PTR ulUIParam, ULONG cbEntryID, LPENTRYID lpEntryID,
                              LPCIID lpInterface, ULONG ulFlags, LPMDB *lppMDB)
{
    (void)ulUIParam, (void)lpInterface, (void)ulFlags;
    if (lppMDB) *lppMDB = NULL;
    HRESULT hr = S_OK;
    lib_lock();
    if (SELF->state != H_LOGGED_ON) hr = MAPI_E_INVALID_OBJECT;
    else if (!lppMDB || !cbEntryID || !lpEntryID) hr = MAPI_E_INVALID_PARAMETER;
    else hr = is_store_of_session(This, cbEntryID, (const BYTE *)lpEntryID) ? MAPI_E_NO_SUPPORT : MAPI_E_UNKNOWN_ENTRYID;
    lib_unlock();
    return hr;
}

static HRESULT STDMETHODCALLTYPE s_OpenAddressBook(IMAPISession *This, ULONG_PTR ulUIParam, LPCIID lpInterface, ULONG ulFlags,
                                 LPADRBOOK *lppAdrBook)
{
    (void)ulUIParam, (void)lpInterface, (void)ulFlags;
    if (lppAdrBook) *lppAdrBook = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_OpenProfileSection(IMAPISession *This, LPMAPIUID lpUID, LPCIID lpInterface, ULONG ulFlags,
                                    LPPROFSECT *lppProfSect)
{
    (void)lpUID, (void)lpInterface, (void)ulFlags;
    if (lppProfSect) *lppProfSect = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_GetStatusTable(IMAPISession *This, ULONG ulFlags, LPMAPITABLE *lppTable)
{
    (void)ulFlags;
    if (lppTable) *lppTable = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_OpenEntry(IMAPISession *This, ULONG cbEntryID, LPENTRYID lpEntryID, LPCIID lpInterface,
                           ULONG ulFlags, ULONG *lpulObjType, LPUNKNOWN *lppUnk)
{
    (void)cbEntryID, (void)lpEntryID, (void)lpInterface, (void)ulFlags;
    if (lpulObjType) *lpulObjType = 0;
    if (lppUnk) *lppUnk = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_CompareEntryIDs(IMAPISession *This, ULONG cbEntryID1, LPENTRYID lpEntryID1, ULONG cbEntryID2,
                                 LPENTRYID lpEntryID2, ULONG ulFlags, ULONG *lpulResult)
{
    if (lpulResult) *lpulResult = 0;
    HRESULT hr = S_OK;
    lib_lock();
    if (SELF->state != H_LOGGED_ON) hr = MAPI_E_INVALID_OBJECT;
    else if (ulFlags) hr = MAPI_E_UNKNOWN_FLAGS; /* no flag is defined for this method */
    else if (!lpulResult || (cbEntryID1 && !lpEntryID1) || (cbEntryID2 && !lpEntryID2)) hr = MAPI_E_INVALID_PARAMETER;
    else if (fault_take("CompareEntryIDs", &hr) && hr < 0) { /* injected */ }
    lib_unlock();
    if (hr < 0) return hr;
    /* the ids are the caller's memory: compared outside the lock */
    *lpulResult = cbEntryID1 == cbEntryID2 && (cbEntryID1 == 0 || memcmp(lpEntryID1, lpEntryID2, cbEntryID1) == 0);
    return hr;
}

static HRESULT STDMETHODCALLTYPE s_MessageOptions(IMAPISession *This, ULONG_PTR ulUIParam, ULONG ulFlags, LPTSTR lpszAdrType,
                                LPMESSAGE lpMessage)
{
    (void)ulUIParam, (void)ulFlags, (void)lpszAdrType, (void)lpMessage;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_QueryDefaultMessageOpt(IMAPISession *This, LPTSTR lpszAdrType, ULONG ulFlags, ULONG *lpcValues,
                                        LPSPropValue *lppOptions)
{
    (void)lpszAdrType, (void)ulFlags;
    if (lpcValues) *lpcValues = 0;
    if (lppOptions) *lppOptions = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_EnumAdrTypes(IMAPISession *This, ULONG ulFlags, ULONG *lpcAdrTypes, LPTSTR **lpppszAdrTypes)
{
    (void)ulFlags;
    if (lpcAdrTypes) *lpcAdrTypes = 0;
    if (lpppszAdrTypes) *lpppszAdrTypes = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_QueryIdentity(IMAPISession *This, ULONG *lpcbEntryID, LPENTRYID *lppEntryID)
{
    if (lpcbEntryID) *lpcbEntryID = 0;
    if (lppEntryID) *lppEntryID = NULL;
    HRESULT hr = S_OK;
    lib_lock();
    if (SELF->state != H_LOGGED_ON) {
        hr = MAPI_E_INVALID_OBJECT;
    } else if (!lpcbEntryID || !lppEntryID) {
        hr = MAPI_E_INVALID_PARAMETER;
    } else if (!fault_take("QueryIdentity", &hr) || hr >= 0) {
        /* The identity is the profile's user, so every handle on one profile reports the same id. */
        ULONG cb;
        BYTE *id = entryid_make(EID_IDENTITY, 0, SELF->core->profile, &cb, true);
        if (id) {
            *lpcbEntryID = cb;
            *lppEntryID = (LPENTRYID)id;
        } else {
            hr = MAPI_E_NOT_ENOUGH_MEMORY;
        }
    }
    lib_unlock();
    return hr;
}

static HRESULT STDMETHODCALLTYPE s_SetDefaultStore(IMAPISession *This, ULONG ulFlags, ULONG cbEntryID, LPENTRYID lpEntryID)
{
    (void)ulFlags, (void)cbEntryID, (void)lpEntryID;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_AdminServices(IMAPISession *This, ULONG ulFlags, LPSERVICEADMIN *lppServiceAdmin)
{
    (void)ulFlags;
    if (lppServiceAdmin) *lppServiceAdmin = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_ShowForm(IMAPISession *This, ULONG_PTR ulUIParam, LPMDB lpMsgStore, LPMAPIFOLDER lpParentFolder,
                          LPCIID lpInterface, ULONG_PTR ulMessageToken, LPMESSAGE lpMessageSent, ULONG ulFlags,
                          ULONG ulMessageStatus, ULONG ulMessageFlags, ULONG ulAccess, LPSTR lpszMessageClass)
{
    (void)ulUIParam, (void)lpMsgStore, (void)lpParentFolder, (void)lpInterface, (void)ulMessageToken;
    (void)lpMessageSent, (void)ulFlags, (void)ulMessageStatus, (void)ulMessageFlags, (void)ulAccess;
    (void)lpszMessageClass;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE s_PrepareForm(IMAPISession *This, LPCIID lpInterface, LPMESSAGE lpMessage,
                             ULONG_PTR *lpulMessageToken)
{
    (void)lpInterface, (void)lpMessage;
    if (lpulMessageToken) *lpulMessageToken = 0;
    return unsupported(This);
}

static const IMAPISessionVtbl session_vtbl = {
    s_QueryInterface,   s_AddRef,          s_Release,          s_GetLastError,     s_GetMsgStoresTable,
    s_OpenMsgStore,     s_OpenAddressBook, s_OpenProfileSection, s_GetStatusTable, s_OpenEntry,
    s_CompareEntryIDs,  session_Advise,    session_Unadvise,   s_MessageOptions,   s_QueryDefaultMessageOpt,
    s_EnumAdrTypes,     s_QueryIdentity,   session_Logoff,     s_SetDefaultStore,  s_AdminServices,
    s_ShowForm,         s_PrepareForm,
};

struct session *session_create(struct core *core, ULONG logon_flags)
{
    struct session *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->lpVtbl = &session_vtbl;
    s->refs = 1;
    s->state = H_LOGGED_ON;
    s->core = core;
    s->logon_flags = logon_flags;
    core->handles_on++;
    s->next = g_mapi.sessions;
    if (s->next) s->next->prev = s;
    g_mapi.sessions = s;
    live_inc();
    return s;
}

_Static_assert(sizeof(IMAPISessionVtbl) == 22 * sizeof(void *), "IMAPISession has 22 slots (spec A.3)");
_Static_assert(offsetof(IMAPISessionVtbl, Logoff) == 17 * sizeof(void *), "Logoff is slot 17");
