/* The message-stores table (IMAPITable): a snapshot of the profile's stores taken at
 * GetMsgStoresTable, with GetRowCount, QueryRows and SeekRow; every other slot is unsupported. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define SELF ((struct child *)This)

#define TBL_NOADVANCE 0x00000001u
#define BOOKMARK_BEGINNING ((BOOKMARK)0)
#define BOOKMARK_CURRENT ((BOOKMARK)1)
#define BOOKMARK_END ((BOOKMARK)2)

static HRESULT check(IMAPITable *This)
{
    lib_lock();
    HRESULT hr = child_check_locked(SELF);
    lib_unlock();
    return hr;
}

/* CHILD-1 comes before "not supported", as for the session's own slots. */
static HRESULT unsupported(IMAPITable *This)
{
    HRESULT hr = check(This);
    return hr == S_OK ? MAPI_E_NO_SUPPORT : hr;
}

static HRESULT STDMETHODCALLTYPE t_QueryInterface(IMAPITable *This, REFIID riid, LPVOID *ppvObj)
{
    if (ppvObj) *ppvObj = NULL;
    if (!riid || !ppvObj) return MAPI_E_INVALID_PARAMETER;
    if (!iid_is(riid, MAPI4J_IIDL_IUnknown) && !iid_is(riid, MAPI4J_IIDL_IMAPITable))
        return MAPI_E_INTERFACE_NOT_SUPPORTED;
    child_addref(SELF);
    *ppvObj = This;
    return S_OK;
}

static ULONG STDMETHODCALLTYPE t_AddRef(IMAPITable *This)
{
    return child_addref(SELF);
}

static ULONG STDMETHODCALLTYPE t_Release(IMAPITable *This)
{
    return child_release(SELF);
}

static HRESULT STDMETHODCALLTYPE t_GetLastError(IMAPITable *This, HRESULT hResult, ULONG ulFlags, LPMAPIERROR *lppMAPIError)
{
    (void)hResult, (void)ulFlags;
    if (lppMAPIError) *lppMAPIError = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_Advise(IMAPITable *This, ULONG ulEventMask, LPMAPIADVISESINK lpAdviseSink,
                        ULONG_PTR *lpulConnection)
{
    (void)ulEventMask, (void)lpAdviseSink;
    if (lpulConnection) *lpulConnection = 0;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_Unadvise(IMAPITable *This, ULONG_PTR ulConnection)
{
    (void)ulConnection;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_GetStatus(IMAPITable *This, ULONG *lpulTableStatus, ULONG *lpulTableType)
{
    if (lpulTableStatus) *lpulTableStatus = 0;
    if (lpulTableType) *lpulTableType = 0;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_SetColumns(IMAPITable *This, void *lpPropTagArray, ULONG ulFlags)
{
    (void)lpPropTagArray, (void)ulFlags;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_QueryColumns(IMAPITable *This, ULONG ulFlags, void **lpPropTagArray)
{
    (void)ulFlags;
    if (lpPropTagArray) *lpPropTagArray = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_GetRowCount(IMAPITable *This, ULONG ulFlags, ULONG *lpulCount)
{
    if (lpulCount) *lpulCount = 0;
    lib_lock();
    HRESULT hr = child_check_locked(SELF);
    if (hr == S_OK) {
        if (ulFlags) hr = MAPI_E_UNKNOWN_FLAGS; /* reserved, must be zero */
        else if (!lpulCount) hr = MAPI_E_INVALID_PARAMETER;
        else if (!fault_take("GetRowCount", &hr) || hr >= 0) *lpulCount = SELF->nrows;
    }
    lib_unlock();
    return hr;
}

static HRESULT STDMETHODCALLTYPE t_SeekRow(IMAPITable *This, BOOKMARK bkOrigin, LONG lRowCount, LONG *lplRowsSought)
{
    if (lplRowsSought) *lplRowsSought = 0;
    lib_lock();
    HRESULT hr = child_check_locked(SELF);
    if (hr == S_OK) {
        int64_t from;
        if (bkOrigin == BOOKMARK_BEGINNING) from = 0;
        else if (bkOrigin == BOOKMARK_CURRENT) from = SELF->cursor;
        else if (bkOrigin == BOOKMARK_END) from = SELF->nrows;
        else from = -1;
        if (from < 0) {
            hr = MAPI_E_INVALID_PARAMETER; /* no bookmarks are ever handed out */
        } else {
            int64_t to = from + lRowCount;
            if (to < 0) to = 0;
            if (to > (int64_t)SELF->nrows) to = SELF->nrows;
            SELF->cursor = (ULONG)to;
            if (lplRowsSought) *lplRowsSought = (LONG)(to - from);
        }
    }
    lib_unlock();
    return hr;
}

static HRESULT STDMETHODCALLTYPE t_SeekRowApprox(IMAPITable *This, ULONG ulNumerator, ULONG ulDenominator)
{
    (void)ulNumerator, (void)ulDenominator;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_QueryPosition(IMAPITable *This, ULONG *lpulRow, ULONG *lpulNumerator, ULONG *lpulDenominator)
{
    if (lpulRow) *lpulRow = 0;
    if (lpulNumerator) *lpulNumerator = 0;
    if (lpulDenominator) *lpulDenominator = 0;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_FindRow(IMAPITable *This, void *lpRestriction, BOOKMARK bkOrigin, ULONG ulFlags)
{
    (void)lpRestriction, (void)bkOrigin, (void)ulFlags;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_Restrict(IMAPITable *This, void *lpRestriction, ULONG ulFlags)
{
    (void)lpRestriction, (void)ulFlags;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_CreateBookmark(IMAPITable *This, BOOKMARK *lpbkPosition)
{
    if (lpbkPosition) *lpbkPosition = 0;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_FreeBookmark(IMAPITable *This, BOOKMARK bkPosition)
{
    (void)bkPosition;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_SortTable(IMAPITable *This, void *lpSortCriteria, ULONG ulFlags)
{
    (void)lpSortCriteria, (void)ulFlags;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_QuerySortOrder(IMAPITable *This, void **lppSortCriteria)
{
    if (lppSortCriteria) *lppSortCriteria = NULL;
    return unsupported(This);
}

/* One row's properties in one MAPIAllocateBuffer block, so FreeProws frees a row with one call:
 * the three SPropValues, then the UTF-16 name (2-aligned after them), then the entry id bytes. */
static LPSPropValue row_props(const struct table_row *row)
{
    size_t name_bytes = (row->name_units + 1) * sizeof(WCHAR);
    LPSPropValue props = buffer_alloc(3 * sizeof(SPropValue) + name_bytes + row->cbeid);
    if (!props) return NULL;
    memset(props, 0, 3 * sizeof(SPropValue));
    BYTE *name = (BYTE *)(props + 3);
    BYTE *eid = name + name_bytes;
    memcpy(name, row->name, name_bytes);
    memcpy(eid, row->eid, row->cbeid);
    props[0].ulPropTag = PR_ENTRYID;
    props[0].Value.bin.cb = row->cbeid;
    props[0].Value.bin.lpb = eid;
    props[1].ulPropTag = PR_DISPLAY_NAME_W;
    props[1].Value.lpszW = (WCHAR *)name;
    props[2].ulPropTag = PR_DEFAULT_STORE;
    props[2].Value.b = row->is_default;
    return props;
}

static HRESULT STDMETHODCALLTYPE t_QueryRows(IMAPITable *This, LONG lRowCount, ULONG ulFlags, LPSRowSet *lppRows)
{
    if (lppRows) *lppRows = NULL;
    lib_lock();
    HRESULT hr = child_check_locked(SELF);
    if (hr == S_OK) {
        if (ulFlags & ~TBL_NOADVANCE) hr = MAPI_E_UNKNOWN_FLAGS;
        else if (!lppRows || lRowCount <= 0) hr = MAPI_E_INVALID_PARAMETER; /* backwards reads unsupported */
        else if (fault_take("QueryRows", &hr) && hr < 0) { /* injected */ }
    }
    if (hr >= 0) {
        ULONG left = SELF->nrows - SELF->cursor;
        ULONG n = (ULONG)lRowCount < left ? (ULONG)lRowCount : left;
        LPSRowSet set = buffer_alloc(offsetof(SRowSet, aRow) + (n ? n : 1) * sizeof(SRow));
        if (!set) hr = MAPI_E_NOT_ENOUGH_MEMORY;
        if (set) set->cRows = 0;
        for (ULONG i = 0; set && i < n; i++) {
            LPSPropValue props = row_props(&SELF->rows[SELF->cursor + i]);
            if (!props) {
                FreeProws(set);
                set = NULL;
                hr = MAPI_E_NOT_ENOUGH_MEMORY;
                break;
            }
            set->aRow[i].ulAdrEntryPad = 0;
            set->aRow[i].cValues = 3;
            set->aRow[i].lpProps = props;
            set->cRows = i + 1;
        }
        if (set) {
            if (!(ulFlags & TBL_NOADVANCE)) SELF->cursor += n;
            *lppRows = set;
        }
    }
    lib_unlock();
    return hr;
}

static HRESULT STDMETHODCALLTYPE t_Abort(IMAPITable *This)
{
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_ExpandRow(IMAPITable *This, ULONG cbInstanceKey, BYTE *pbInstanceKey, ULONG ulRowCount,
                           ULONG ulFlags, LPSRowSet *lppRows, ULONG *lpulMoreRows)
{
    (void)cbInstanceKey, (void)pbInstanceKey, (void)ulRowCount, (void)ulFlags;
    if (lppRows) *lppRows = NULL;
    if (lpulMoreRows) *lpulMoreRows = 0;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_CollapseRow(IMAPITable *This, ULONG cbInstanceKey, BYTE *pbInstanceKey, ULONG ulFlags,
                             ULONG *lpulRowCount)
{
    (void)cbInstanceKey, (void)pbInstanceKey, (void)ulFlags;
    if (lpulRowCount) *lpulRowCount = 0;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_WaitForCompletion(IMAPITable *This, ULONG ulFlags, ULONG ulTimeout, ULONG *lpulTableStatus)
{
    (void)ulFlags, (void)ulTimeout;
    if (lpulTableStatus) *lpulTableStatus = 0;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_GetCollapseState(IMAPITable *This, ULONG ulFlags, ULONG cbInstanceKey, BYTE *lpbInstanceKey,
                                  ULONG *lpcbCollapseState, BYTE **lppbCollapseState)
{
    (void)ulFlags, (void)cbInstanceKey, (void)lpbInstanceKey;
    if (lpcbCollapseState) *lpcbCollapseState = 0;
    if (lppbCollapseState) *lppbCollapseState = NULL;
    return unsupported(This);
}

static HRESULT STDMETHODCALLTYPE t_SetCollapseState(IMAPITable *This, ULONG ulFlags, ULONG cbCollapseState, BYTE *pbCollapseState,
                                  BOOKMARK *lpbkLocation)
{
    (void)ulFlags, (void)cbCollapseState, (void)pbCollapseState;
    if (lpbkLocation) *lpbkLocation = 0;
    return unsupported(This);
}

static const IMAPITableVtbl table_vtbl = {
    t_QueryInterface, t_AddRef,          t_Release,       t_GetLastError,    t_Advise,          t_Unadvise,
    t_GetStatus,      t_SetColumns,      t_QueryColumns,  t_GetRowCount,     t_SeekRow,         t_SeekRowApprox,
    t_QueryPosition,  t_FindRow,         t_Restrict,      t_CreateBookmark,  t_FreeBookmark,    t_SortTable,
    t_QuerySortOrder, t_QueryRows,       t_Abort,         t_ExpandRow,       t_CollapseRow,     t_WaitForCompletion,
    t_GetCollapseState, t_SetCollapseState,
};
_Static_assert(sizeof(IMAPITableVtbl) == 26 * sizeof(void *), "IMAPITable has 26 slots");
_Static_assert(offsetof(IMAPITableVtbl, GetRowCount) == 9 * sizeof(void *), "GetRowCount is slot 9");

void table_free_rows(struct child *c)
{
    for (ULONG i = 0; i < c->nrows; i++) {
        free(c->rows[i].name);
        free(c->rows[i].eid);
    }
    free(c->rows);
    c->rows = NULL;
    c->nrows = 0;
}

struct child *table_create_stores(struct session *s)
{
    struct child *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->lpVtbl = &table_vtbl;
    c->kind = CHILD_TABLE;
    /* a profile deleted since logon simply has no stores left */
    const struct profile *p = profile_find(s->core->profile);
    ULONG n = 0;
    for (const struct profile_store *st = p ? p->stores : NULL; st; st = st->next) n++;
    if (n && !(c->rows = calloc(n, sizeof *c->rows))) {
        free(c);
        return NULL;
    }
    const struct profile_store *st = p ? p->stores : NULL;
    for (ULONG i = 0; i < n; i++, st = st->next) {
        struct table_row *row = &c->rows[i];
        c->nrows = i + 1; /* counted first, so a failure below frees what was filled */
        row->is_default = st->is_default;
        row->name_units = utf8_utf16_units(st->name);
        row->name = malloc((row->name_units + 1) * sizeof(WCHAR));
        row->eid = entryid_make(EID_STORE, i, p->name, &row->cbeid, false);
        if (!row->name || !row->eid) {
            table_free_rows(c);
            free(c);
            return NULL;
        }
        utf8_to_utf16(st->name, row->name);
    }
    child_attach(s, c);
    return c;
}
