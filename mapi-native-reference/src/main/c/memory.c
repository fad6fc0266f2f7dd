/* MAPIAllocateBuffer / MAPIFreeBuffer / FreeProws. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define BUFFER_MAGIC 0x4D415049u /* "MAPI" */

/* The header keeps the caller's pointer maximally aligned, as malloc's would be, and lets
 * MAPIFreeBuffer refuse pointers that did not come from MAPIAllocateBuffer (cleared on free, so
 * the common double free is refused too). */
typedef union {
    max_align_t align;
    struct {
        uint32_t magic;
        size_t size;
    } h;
} buffer_header;

void *buffer_alloc(size_t cb)
{
    buffer_header *hdr = malloc(sizeof *hdr + (cb ? cb : 1));
    if (!hdr) return NULL;
    hdr->h.magic = BUFFER_MAGIC;
    hdr->h.size = cb;
    live_inc();
    return hdr + 1;
}

MAPI4J_API SCODE MAPIAllocateBuffer(ULONG cbSize, LPVOID *lppBuffer)
{
    if (!lppBuffer) return MAPI_E_INVALID_PARAMETER;
    *lppBuffer = NULL;
    HRESULT fault = S_OK;
    lib_lock();
    bool faulted = fault_take("MAPIAllocateBuffer", &fault);
    lib_unlock();
    if (faulted && fault < 0) return fault;
    void *p = buffer_alloc(cbSize);
    if (!p) return MAPI_E_NOT_ENOUGH_MEMORY;
    *lppBuffer = p;
    return faulted ? fault : S_OK;
}

MAPI4J_API ULONG MAPIFreeBuffer(LPVOID lpBuffer)
{
    if (!lpBuffer) return (ULONG)S_OK;
    buffer_header *hdr = (buffer_header *)lpBuffer - 1;
    if (hdr->h.magic != BUFFER_MAGIC) return (ULONG)MAPI_E_INVALID_PARAMETER;
    hdr->h.magic = 0;
    free(hdr);
    live_dec();
    return (ULONG)S_OK;
}

MAPI4J_API void FreeProws(LPSRowSet lpRows)
{
    if (!lpRows) return;
    for (ULONG i = 0; i < lpRows->cRows; i++) MAPIFreeBuffer(lpRows->aRow[i].lpProps);
    MAPIFreeBuffer(lpRows);
}
