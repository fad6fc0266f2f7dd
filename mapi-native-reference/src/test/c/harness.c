#include <pthread.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define MAX_TESTS 512
#define TEST_TIMEOUT_SECONDS 120

static struct {
    const char *name;
    void (*fn)(void);
} g_tests[MAX_TESTS];
static int g_count;
static int g_current_failed;
static const char *g_current;
static pthread_mutex_t g_out = PTHREAD_MUTEX_INITIALIZER;
jmp_buf th_abort;

void th_register(const char *name, void (*fn)(void))
{
    if (g_count == MAX_TESTS) {
        fprintf(stderr, "too many tests\n");
        exit(2);
    }
    g_tests[g_count].name = name;
    g_tests[g_count].fn = fn;
    g_count++;
}

void th_fail(const char *file, int line, const char *fmt, ...)
{
    pthread_mutex_lock(&g_out);
    fprintf(stderr, "  %s:%d: %s: ", file, line, g_current ? g_current : "?");
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    g_current_failed = 1;
    pthread_mutex_unlock(&g_out);
}

/* A deadlock (say, a sink called under the library lock) must fail the build, not hang it. A
 * watchdog thread rather than a signal: the same harness runs on Windows, which has no SIGALRM.
 * g_dog guards the watchdog's view: which test runs (g_dog_test) and a sequence number per start. */
static pthread_mutex_t g_dog = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_dog_changed = PTHREAD_COND_INITIALIZER;
static const char *g_dog_test;
static unsigned long g_dog_seq;

static void timed_out(const char *name)
{
    static const char msg[] = "test timed out (deadlock?): ";
    if (write(2, msg, sizeof msg - 1) < 0) _exit(3);
    if (name && write(2, name, strlen(name)) < 0) _exit(3);
    if (write(2, "\n", 1) < 0) _exit(3);
    _exit(3);
}

static void *watchdog(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&g_dog);
    for (;;) {
        while (!g_dog_test) pthread_cond_wait(&g_dog_changed, &g_dog);
        unsigned long seq = g_dog_seq;
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_sec += TEST_TIMEOUT_SECONDS;
        while (g_dog_test && g_dog_seq == seq) {
            if (pthread_cond_timedwait(&g_dog_changed, &g_dog, &deadline) == ETIMEDOUT && g_dog_test &&
                g_dog_seq == seq)
                timed_out(g_dog_test);
        }
    }
    return NULL;
}

static void watch(const char *test)
{
    pthread_mutex_lock(&g_dog);
    g_dog_test = test;
    g_dog_seq++;
    pthread_cond_signal(&g_dog_changed);
    pthread_mutex_unlock(&g_dog);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv)
{
    /* argv[1], if given, runs only the tests whose name contains it */
    const char *filter = argc > 1 ? argv[1] : NULL;
    pthread_t dog;
    if (pthread_create(&dog, NULL, watchdog, NULL) != 0) {
        fprintf(stderr, "cannot start the watchdog thread\n");
        return 2;
    }
    pthread_detach(dog);
    qsort(g_tests, (size_t)g_count, sizeof g_tests[0], by_name);
    int run = 0, failed = 0;
    for (int i = 0; i < g_count; i++) {
        if (filter && !strstr(g_tests[i].name, filter)) continue;
        g_current = g_tests[i].name;
        g_current_failed = 0;
        MAPI4J_ResetInstance();
        /* 0 unless an earlier test failed with a leak; compared against so failures do not cascade */
        long baseline = MAPI4J_LiveObjectCount();
        watch(g_tests[i].name);
        if (setjmp(th_abort) == 0) g_tests[i].fn();
        watch(NULL);
        long live = MAPI4J_LiveObjectCount();
        if (live != baseline)
            th_fail(__FILE__, __LINE__, "%ld live objects left at the end of the test", live - baseline);
        run++;
        if (g_current_failed) {
            failed++;
            fprintf(stderr, "FAIL %s\n", g_tests[i].name);
        }
        /* a failed test may have leaked on purpose of the failure; keep the next one clean */
        MAPI4J_ResetInstance();
    }
    g_current = NULL;
    printf("%s: %d tests, %d failed\n", MAPI4J_Version(), run, failed);
    return failed ? 1 : 0;
}
