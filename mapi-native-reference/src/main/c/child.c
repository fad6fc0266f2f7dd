/* What tables and client-shutdown objects share: reference counting and the link to their handle. */
#include <stdlib.h>

#include "internal.h"

void child_attach(struct session *s, struct child *c)
{
    c->refs = 1;
    c->valid = true;
    c->owner = s;
    c->prev = NULL;
    c->next = s->children;
    if (c->next) c->next->prev = c;
    s->children = c;
    live_inc();
}

HRESULT child_check_locked(const struct child *c)
{
    return c->valid ? S_OK : MAPI_E_INVALID_OBJECT;
}

ULONG child_addref(struct child *c)
{
    lib_lock();
    ULONG r = ++c->refs;
    lib_unlock();
    return r;
}

ULONG child_release(struct child *c)
{
    lib_lock();
    ULONG r = --c->refs;
    if (r == 0 && c->owner) {
        if (c->prev) c->prev->next = c->next;
        else c->owner->children = c->next;
        if (c->next) c->next->prev = c->prev;
    }
    lib_unlock();
    if (r == 0) {
        if (c->kind == CHILD_TABLE) table_free_rows(c);
        free(c);
        live_dec();
    }
    return r;
}
