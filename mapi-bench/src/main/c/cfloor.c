/*
 * The physical floor of the native benchmarks: the same calls as NativeBenchmarks, made from C
 * straight through the reference library's IMAPISession vtable, with nothing in between. Prints
 * one parseable line per benchmark:
 *
 *     CFLOOR <name> <nanoseconds per operation>
 *
 * Usage: mapi4j-cfloor /path/to/libmapi32.so [rounds] [iterations per round]
 * The library is opened with dlopen so that building this needs only the headers. The reported
 * value is the best round: the floor, not the average.
 *
 * Each benchmark is measured twice: first while the process has one thread (the floor the targets
 * are stated against), then again, as <name>MultiThreaded, once a second thread exists. glibc takes
 * cheaper paths in malloc, free and its locks while a process has a single thread; a JVM never
 * has one, and neither has a MAPI client with multithreaded notifications, so the second figure is
 * what the same calls cost in a process like theirs.
 */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "mapi4j_mapi.h"

typedef HRESULT (*InitializeFn)(LPVOID);
typedef void (*UninitializeFn)(void);
typedef HRESULT (*LogonExFn)(ULONG_PTR, LPTSTR, LPTSTR, FLAGS, LPMAPISESSION *);
typedef ULONG (*FreeBufferFn)(LPVOID);

/* As NativeBenchmarks: a new session with the default profile. */
#define NEW_SESSION (MAPI_EXTENDED | MAPI_NEW_SESSION | MAPI_USE_DEFAULT | MAPI_NO_MAIL)

static LogonExFn logonEx;
/* Written so the compiler cannot drop the loops. */
static volatile long sink;

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static void *need(void *lib, const char *name)
{
    void *fn = dlsym(lib, name);
    if (fn == NULL) {
        fprintf(stderr, "mapi4j-cfloor: %s not exported: %s\n", name, dlerror());
        exit(2);
    }
    return fn;
}

static void check(HRESULT hr, const char *what)
{
    if (hr != S_OK) {
        fprintf(stderr, "mapi4j-cfloor: %s returned 0x%08x\n", what, (unsigned)hr);
        exit(3);
    }
}

/* MAPILogonEx + Logoff + Release, as NativeBenchmarks.providerCycle / rawJnaCycle. */
static double cycle(long iterations)
{
    double start = now_ns();
    for (long i = 0; i < iterations; i++) {
        LPMAPISESSION session = NULL;
        HRESULT hr = logonEx(0, NULL, NULL, NEW_SESSION, &session);
        hr |= session->lpVtbl->Logoff(session, 0, 0, 0);
        sink += hr + (long)session->lpVtbl->Release(session);
    }
    return (now_ns() - start) / (double)iterations;
}

/* CompareEntryIDs of the user's identity with itself, as NativeBenchmarks.*CompareEntryIDs. */
static double compare(LPMAPISESSION session, ULONG cb, LPENTRYID id, long iterations)
{
    double start = now_ns();
    for (long i = 0; i < iterations; i++) {
        ULONG result = 0;
        HRESULT hr = session->lpVtbl->CompareEntryIDs(session, cb, id, cb, id, 0, &result);
        sink += hr + (long)result;
    }
    return (now_ns() - start) / (double)iterations;
}

/* The second thread: exists, and does nothing. */
static void *idle(void *unused)
{
    (void)unused;
    for (;;) pause();
    return NULL;
}

/* The best of rounds of both benchmarks, printed with the given suffix. */
static void measure(LPMAPISESSION session, ULONG cb, LPENTRYID id, int rounds, long iterations, const char *suffix)
{
    double bestCycle = 1e300;
    double bestCompare = 1e300;
    cycle(iterations / 10); /* warm-up: caches, branch predictors, the allocator's free lists */
    compare(session, cb, id, iterations / 10);
    for (int r = 0; r < rounds; r++) {
        double c = cycle(iterations);
        double e = compare(session, cb, id, iterations * 10);
        bestCycle = c < bestCycle ? c : bestCycle;
        bestCompare = e < bestCompare ? e : bestCompare;
    }
    printf("CFLOOR Cycle%s %.2f\n", suffix, bestCycle);
    printf("CFLOOR CompareEntryIDs%s %.2f\n", suffix, bestCompare);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s /path/to/libmapi32.so [rounds] [iterations]\n", argv[0]);
        return 1;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    long iterations = argc > 3 ? atol(argv[3]) : 200000;
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "mapi4j-cfloor: cannot load %s: %s\n", argv[1], dlerror());
        return 2;
    }
    InitializeFn initialize = (InitializeFn)need(lib, "MAPIInitialize");
    UninitializeFn uninitialize = (UninitializeFn)need(lib, "MAPIUninitialize");
    FreeBufferFn freeBuffer = (FreeBufferFn)need(lib, "MAPIFreeBuffer");
    logonEx = (LogonExFn)need(lib, "MAPILogonEx");

    check(initialize(NULL), "MAPIInitialize");
    LPMAPISESSION session = NULL;
    check(logonEx(0, NULL, NULL, NEW_SESSION, &session), "MAPILogonEx");
    ULONG cb = 0;
    LPENTRYID id = NULL;
    check(session->lpVtbl->QueryIdentity(session, &cb, &id), "QueryIdentity");

    measure(session, cb, id, rounds, iterations, "");
    pthread_t second;
    if (pthread_create(&second, NULL, idle, NULL) != 0) {
        fprintf(stderr, "mapi4j-cfloor: cannot start a second thread\n");
        return 4;
    }
    measure(session, cb, id, rounds, iterations, "MultiThreaded");

    freeBuffer(id);
    check(session->lpVtbl->Logoff(session, 0, 0, 0), "Logoff");
    session->lpVtbl->Release(session);
    uninitialize();
    return 0;
}
