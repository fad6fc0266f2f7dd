/* The live-object counter: lets tests prove that every object is freed exactly once. */
#include "internal.h"

static atomic_long g_live;

void live_inc(void)
{
    atomic_fetch_add_explicit(&g_live, 1, memory_order_relaxed);
}

void live_dec(void)
{
    atomic_fetch_sub_explicit(&g_live, 1, memory_order_relaxed);
}

MAPI4J_API long MAPI4J_LiveObjectCount(void)
{
    return atomic_load(&g_live);
}
