/* MAPIAllocateBuffer / MAPIFreeBuffer / FreeProws. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * Every live MAPI buffer is in a registry: a set of addresses (open addressing, linear probing,
 * tombstones), guarded by its own lock because buffers are allocated under the library lock and
 * freed outside it. MAPIFreeBuffer frees an address only when the registry holds it, so a double
 * free, a pointer into a buffer and a pointer MAPI never allocated are refused by looking at the
 * registry alone, never at the memory the pointer points to (which may be freed, another
 * allocator's, or too small to hold a header). Addresses are kept at most half the table.
 */
#define TOMBSTONE ((void *)&g_buffers)

static struct {
    pthread_mutex_t lock;
    void **slots; /* NULL (never used), TOMBSTONE (removed) or a live buffer */
    size_t cap;   /* a power of two, or 0 */
    size_t live, used; /* used = live + tombstones */
} g_buffers = { .lock = PTHREAD_MUTEX_INITIALIZER };

static size_t slot_of(const void *p, size_t cap)
{
    uintptr_t h = (uintptr_t)p;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    return (size_t)h & (cap - 1);
}

/* Caller holds g_buffers.lock; the table has room. */
static void put(void **slots, size_t cap, void *p)
{
    size_t i = slot_of(p, cap);
    while (slots[i] && slots[i] != TOMBSTONE) i = (i + 1) & (cap - 1);
    slots[i] = p;
}

/* Caller holds g_buffers.lock. Makes room for one more address; false when out of memory. */
static bool reserve_one(void)
{
    if ((g_buffers.used + 1) * 2 <= g_buffers.cap) return true;
    size_t cap = g_buffers.cap ? g_buffers.cap : 64;
    while ((g_buffers.live + 1) * 4 > cap) cap *= 2; /* rehashing drops the tombstones */
    void **slots = calloc(cap, sizeof *slots);
    if (!slots) return false;
    for (size_t i = 0; i < g_buffers.cap; i++)
        if (g_buffers.slots[i] && g_buffers.slots[i] != TOMBSTONE) put(slots, cap, g_buffers.slots[i]);
    free(g_buffers.slots);
    g_buffers.slots = slots;
    g_buffers.cap = cap;
    g_buffers.used = g_buffers.live;
    return true;
}

/* Caller holds g_buffers.lock. Removes p; false when p is not a live buffer. */
static bool take(const void *p)
{
    if (!g_buffers.cap) return false;
    for (size_t i = slot_of(p, g_buffers.cap);; i = (i + 1) & (g_buffers.cap - 1)) {
        if (!g_buffers.slots[i]) return false;
        if (g_buffers.slots[i] == p) {
            g_buffers.slots[i] = TOMBSTONE;
            g_buffers.live--;
            return true;
        }
    }
}

void *buffer_alloc(size_t cb)
{
    /* malloc's alignment is max_align_t's, which the caller's pointer needs */
    void *p = malloc(cb ? cb : 1);
    if (!p) return NULL;
    pthread_mutex_lock(&g_buffers.lock);
    bool ok = reserve_one();
    if (ok) {
        put(g_buffers.slots, g_buffers.cap, p);
        g_buffers.live++;
        g_buffers.used++;
    }
    pthread_mutex_unlock(&g_buffers.lock);
    if (!ok) {
        free(p);
        return NULL;
    }
    live_inc();
    return p;
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
    pthread_mutex_lock(&g_buffers.lock);
    bool ours = take(lpBuffer);
    pthread_mutex_unlock(&g_buffers.lock);
    if (!ours) return (ULONG)MAPI_E_INVALID_PARAMETER;
    free(lpBuffer);
    live_dec();
    return (ULONG)S_OK;
}

MAPI4J_API void FreeProws(LPSRowSet lpRows)
{
    if (!lpRows) return;
    for (ULONG i = 0; i < lpRows->cRows; i++) MAPIFreeBuffer(lpRows->aRow[i].lpProps);
    MAPIFreeBuffer(lpRows);
}

/* Leaves nothing behind for leak checkers when the library is unloaded (buffers still live are
 * their owners' to free; only the table is the library's). */
__attribute__((destructor)) static void buffers_unload(void)
{
    /* never wait at exit: a thread that still holds the lock would hang the process */
    if (pthread_mutex_trylock(&g_buffers.lock) != 0) return;
    if (g_buffers.live == 0) {
        free(g_buffers.slots);
        g_buffers.slots = NULL;
        g_buffers.cap = g_buffers.used = 0;
    }
    pthread_mutex_unlock(&g_buffers.lock);
}
