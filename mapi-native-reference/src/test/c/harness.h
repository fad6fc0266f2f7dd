/* A small assert harness: tests register themselves, run one after another on a reset library,
 * and each must leave MAPI4J_LiveObjectCount() at 0. */
#ifndef HARNESS_H
#define HARNESS_H

#include <setjmp.h>
#include <stdio.h>

#include "mapi4j_reference.h"

void th_register(const char *name, void (*fn)(void));
void th_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
extern jmp_buf th_abort;

#define TEST(name)                                                                                     \
    static void name(void);                                                                            \
    __attribute__((constructor)) static void th_reg_##name(void) { th_register(#name, name); }         \
    static void name(void)

/* CHECK records a failure and carries on; REQUIRE ends the test (main thread only). */
#define CHECK(cond)                                                                                    \
    do {                                                                                               \
        if (!(cond)) th_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);                                  \
    } while (0)
#define REQUIRE(cond)                                                                                  \
    do {                                                                                               \
        if (!(cond)) {                                                                                 \
            th_fail(__FILE__, __LINE__, "REQUIRE(%s)", #cond);                                         \
            longjmp(th_abort, 1);                                                                      \
        }                                                                                              \
    } while (0)
#define CHECK_HR(expected, expr)                                                                       \
    do {                                                                                               \
        HRESULT th_e = (expected), th_a = (expr);                                                      \
        if (th_e != th_a)                                                                              \
            th_fail(__FILE__, __LINE__, "%s: expected 0x%08X, got 0x%08X", #expr, (unsigned)th_e,     \
                    (unsigned)th_a);                                                                   \
    } while (0)
#define REQUIRE_HR(expected, expr)                                                                     \
    do {                                                                                               \
        HRESULT th_e = (expected), th_a = (expr);                                                      \
        if (th_e != th_a) {                                                                            \
            th_fail(__FILE__, __LINE__, "%s: expected 0x%08X, got 0x%08X", #expr, (unsigned)th_e,     \
                    (unsigned)th_a);                                                                   \
            longjmp(th_abort, 1);                                                                      \
        }                                                                                              \
    } while (0)
#define CHECK_EQ(expected, actual)                                                                     \
    do {                                                                                               \
        long long th_e = (long long)(expected), th_a = (long long)(actual);                            \
        if (th_e != th_a)                                                                              \
            th_fail(__FILE__, __LINE__, "%s: expected %lld, got %lld", #actual, th_e, th_a);          \
    } while (0)

#endif
