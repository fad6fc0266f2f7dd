/* MAPIAllocateBuffer / MAPIFreeBuffer misuse: a double free, a pointer into a buffer and a pointer
 * MAPI never allocated are each refused with MAPI_E_INVALID_PARAMETER, without reading memory the
 * caller does not own (the sanitizer runs of these tests prove the "without"). */
#include <stdlib.h>
#include <string.h>

#include "support.h"

TEST(test_MEMORY_double_free_is_refused_without_touching_the_freed_block)
{
    void *p = NULL;
    REQUIRE_HR(S_OK, MAPIAllocateBuffer(24, &p));
    CHECK_EQ(S_OK, MAPIFreeBuffer(p));
    CHECK_EQ((ULONG)MAPI_E_INVALID_PARAMETER, MAPIFreeBuffer(p));
    CHECK_EQ(0, MAPI4J_LiveObjectCount());
}

TEST(test_MEMORY_a_stale_pointer_never_frees_another_owners_buffer)
{
    void *p = NULL, *q = NULL;
    REQUIRE_HR(S_OK, MAPIAllocateBuffer(24, &p));
    CHECK_EQ(S_OK, MAPIFreeBuffer(p));
    REQUIRE_HR(S_OK, MAPIAllocateBuffer(64, &q)); /* another owner's, maybe where p's block was */
    memset(q, 0x5A, 64);
    if (q != p) CHECK_EQ((ULONG)MAPI_E_INVALID_PARAMETER, MAPIFreeBuffer(p));
    CHECK_EQ(1, MAPI4J_LiveObjectCount());
    CHECK_EQ(S_OK, MAPIFreeBuffer(q));
}

TEST(test_MEMORY_a_pointer_inside_a_buffer_is_refused_and_the_buffer_kept)
{
    unsigned char *p = NULL;
    REQUIRE_HR(S_OK, MAPIAllocateBuffer(256, (LPVOID *)&p));
    /* whatever the block holds, a pointer into it is not a buffer of its own */
    for (size_t i = 0; i + 4 <= 256; i += 4) memcpy(p + i, "IPAM", 4);
    for (size_t off = 8; off < 256; off += 8) CHECK_EQ((ULONG)MAPI_E_INVALID_PARAMETER, MAPIFreeBuffer(p + off));
    CHECK_EQ(1, MAPI4J_LiveObjectCount());
    CHECK_EQ(S_OK, MAPIFreeBuffer(p));
}

TEST(test_MEMORY_a_pointer_mapi_never_allocated_is_refused)
{
    /* a heap block of another allocator, smaller than any header MAPI could look for before it */
    unsigned char *foreign = malloc(8);
    REQUIRE(foreign != NULL);
    CHECK_EQ((ULONG)MAPI_E_INVALID_PARAMETER, MAPIFreeBuffer(foreign));
    free(foreign);
    static unsigned char in_data[4];
    CHECK_EQ((ULONG)MAPI_E_INVALID_PARAMETER, MAPIFreeBuffer(in_data));
    CHECK_EQ(0, MAPI4J_LiveObjectCount());
}

TEST(test_MEMORY_many_buffers_are_each_freed_exactly_once)
{
    enum { N = 1000 };
    void **blocks = calloc(N, sizeof *blocks);
    REQUIRE(blocks != NULL);
    for (int i = 0; i < N; i++) REQUIRE_HR(S_OK, MAPIAllocateBuffer((ULONG)i, &blocks[i]));
    CHECK_EQ(N, MAPI4J_LiveObjectCount());
    for (int i = 0; i < N; i += 2) CHECK_EQ(S_OK, MAPIFreeBuffer(blocks[i]));
    for (int i = 0; i < N; i += 2) CHECK_EQ((ULONG)MAPI_E_INVALID_PARAMETER, MAPIFreeBuffer(blocks[i]));
    for (int i = 1; i < N; i += 2) CHECK_EQ(S_OK, MAPIFreeBuffer(blocks[i]));
    CHECK_EQ(0, MAPI4J_LiveObjectCount());
    free(blocks);
}
