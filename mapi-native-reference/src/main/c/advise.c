/* Session-level notifications: Advise / Unadvise and the delivery of OnNotify outside the lock. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

_Static_assert(offsetof(NOTIFICATION, info) == 8, "NOTIFICATION.info is at offset 8 (spec A.9)");
_Static_assert(sizeof(void *) != 8 || sizeof(NOTIFICATION) == 88, "NOTIFICATION stride is 88 on LP64");
_Static_assert(sizeof(void *) != 4 || sizeof(NOTIFICATION) == 64, "NOTIFICATION stride is 64 on ILP32");
_Static_assert(sizeof(void *) != 8 || offsetof(ERROR_NOTIFICATION, scode) == 16, "ERROR_NOTIFICATION layout");

#define SELF ((struct session *)This)

bool batch_reserve(struct batch *b, size_t extra)
{
    if (b->n + extra <= b->cap) return true;
    struct delivery *items = realloc(b->items, (b->n + extra) * sizeof *items);
    if (!items) return false;
    b->items = items;
    b->cap = b->n + extra;
    return true;
}

void batch_add(struct batch *b, struct advise_reg *reg, ULONG event)
{
    /* Without reserved room the notification is dropped rather than the state change failing. */
    if (b->n == b->cap) return;
    reg->pins++;
    b->items[b->n].reg = reg;
    b->items[b->n].event = event;
    b->n++;
}

static void free_later(struct batch *b, struct advise_reg *reg)
{
    reg->next = b->to_free;
    b->to_free = reg;
}

void batch_run(struct batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        NOTIFICATION n;
        memset(&n, 0, sizeof n);
        n.ulEventType = b->items[i].event;
        if (n.ulEventType == fnevCriticalError) n.info.err.scode = MAPI_E_END_OF_SESSION; /* SHARED-5, OQ-7 */
        /* fnevExtended: ulEvent 0 and no payload (LOGOFF-4, OQ-27), i.e. all zero */
        IMAPIAdviseSink *sink = b->items[i].reg->sink;
        sink->lpVtbl->OnNotify(sink, 1, &n);
    }
    if (b->n) {
        lib_lock();
        for (size_t i = 0; i < b->n; i++) {
            struct advise_reg *reg = b->items[i].reg;
            if (--reg->pins == 0 && reg->cancelled) free_later(b, reg);
        }
        lib_unlock();
    }
    while (b->to_free) {
        struct advise_reg *reg = b->to_free;
        b->to_free = reg->next;
        reg->sink->lpVtbl->Release(reg->sink);
        free(reg);
        live_dec();
    }
    free(b->items);
    memset(b, 0, sizeof *b);
}

static bool reg_matches(const struct advise_reg *reg, ULONG mask)
{
    return mask == 0 || (reg->mask & mask) != 0;
}

size_t regs_count(const struct session *s, ULONG mask)
{
    size_t n = 0;
    for (const struct advise_reg *r = s->regs; r; r = r->next) n += reg_matches(r, mask);
    return n;
}

void regs_pin_all(struct session *s, ULONG mask, ULONG event, struct batch *b)
{
    for (struct advise_reg *r = s->regs; r; r = r->next)
        if (reg_matches(r, mask)) batch_add(b, r, event);
}

/* A cancelled registration that a delivery still pins is freed by that delivery. */
static void reg_cancel(struct advise_reg *reg, struct batch *b)
{
    reg->cancelled = true;
    if (reg->pins == 0) free_later(b, reg);
}

void regs_cancel_all(struct session *s, struct batch *b)
{
    struct advise_reg *r = s->regs;
    s->regs = NULL;
    while (r) {
        struct advise_reg *next = r->next;
        reg_cancel(r, b);
        r = next;
    }
}

/* NOTIFY-3: this library's objects do not notify; anything else is not ours or not an id. */
static HRESULT object_advise_check(ULONG cb, const BYTE *id)
{
    if (cb < ENTRYID_HEADER) return MAPI_E_INVALID_ENTRYID;
    if (memcmp(id + 4, g_provider_uid.ab, 16) != 0) return MAPI_E_UNKNOWN_ENTRYID;
    return MAPI_E_NO_SUPPORT;
}

HRESULT STDMETHODCALLTYPE session_Advise(IMAPISession *This, ULONG cbEntryID, LPENTRYID lpEntryID, ULONG ulEventMask,
                       LPMAPIADVISESINK lpAdviseSink, ULONG_PTR *lpulConnection)
{
    if (lpulConnection) *lpulConnection = 0;
    HRESULT hr = S_OK;
    lib_lock();
    if (SELF->state != H_LOGGED_ON) hr = MAPI_E_INVALID_OBJECT;
    /* the event mask has no flag check: NOTIFY-1 accepts every bit */
    else if (!lpAdviseSink || !lpulConnection || (cbEntryID == 0) != (lpEntryID == NULL)) hr = MAPI_E_INVALID_PARAMETER;
    else if (lpEntryID) hr = object_advise_check(cbEntryID, (const BYTE *)lpEntryID);
    else if (fault_take("Advise", &hr) && hr < 0) { /* injected: no registration */ }
    lib_unlock();
    if (hr < 0) return hr;

    struct advise_reg *reg = calloc(1, sizeof *reg);
    if (!reg) return MAPI_E_NOT_ENOUGH_MEMORY;
    /* NOTIFY-5: the reference is taken outside the lock, as every call into a sink is */
    lpAdviseSink->lpVtbl->AddRef(lpAdviseSink);
    lib_lock();
    if (SELF->state != H_LOGGED_ON) {
        /* logged off while we were taking the reference: as if the Logoff came first */
        lib_unlock();
        lpAdviseSink->lpVtbl->Release(lpAdviseSink);
        free(reg);
        return MAPI_E_INVALID_OBJECT;
    }
    reg->conn = ++SELF->last_conn; /* NOTIFY-4: never 0, never reused on this handle */
    reg->sink = lpAdviseSink;
    reg->mask = ulEventMask;
    /* appended, so that sinks hear about an event in the order they registered */
    struct advise_reg **tail = &SELF->regs;
    while (*tail) tail = &(*tail)->next;
    *tail = reg;
    live_inc();
    *lpulConnection = reg->conn;
    lib_unlock();
    return hr;
}

HRESULT STDMETHODCALLTYPE session_Unadvise(IMAPISession *This, ULONG_PTR ulConnection)
{
    struct batch b = { 0 };
    HRESULT hr = S_OK;
    lib_lock();
    struct advise_reg **link = &SELF->regs;
    while (*link && (*link)->conn != ulConnection) link = &(*link)->next;
    if (SELF->state != H_LOGGED_ON) {
        hr = MAPI_E_INVALID_OBJECT;
    } else if (ulConnection == 0 || !*link) {
        hr = MAPI_E_NOT_FOUND; /* NOTIFY-7: 0, unknown, another handle's, or already cancelled */
    } else if (!fault_take("Unadvise", &hr) || hr >= 0) {
        struct advise_reg *reg = *link;
        *link = reg->next;
        reg_cancel(reg, &b);
    }
    lib_unlock();
    batch_run(&b);
    return hr;
}
