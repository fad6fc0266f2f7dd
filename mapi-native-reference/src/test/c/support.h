/* Helpers shared by the tests: logons, a counting advise sink, vtable shorthands. */
#ifndef SUPPORT_H
#define SUPPORT_H

#include <stdatomic.h>
#include <stdbool.h>

#include "harness.h"

#define V(obj) ((obj)->lpVtbl)

/* MAPIInitialize(NULL), required to succeed */
void init_ok(void);
/* MAPILogonEx(0, profile, NULL, flags, &s), required to succeed */
IMAPISession *logon_ok(const char *profile, ULONG flags);
/* MAPILogonEx with the library's default profile and a fresh individual session */
IMAPISession *logon_new(void);
/* Logoff(0,0,0) then the final Release, both required to succeed */
void logoff_release(IMAPISession *s);

/* A C advise sink that counts what it receives. It lives on the test's stack with refs = 1 (the
 * test's own reference), so refs shows how many references the library holds. */
struct test_sink {
    IMAPIAdviseSink base;
    atomic_int refs;
    atomic_int critical, extended, other, calls;
    ULONG last_cnotif;
    NOTIFICATION last;
    /* optional: runs inside OnNotify (to call back into the library) */
    void (*on_notify)(struct test_sink *self, const NOTIFICATION *n);
    void *context;
};
void sink_init(struct test_sink *sink);

ULONG_PTR advise_ok(IMAPISession *s, struct test_sink *sink, ULONG mask);

IID iid(uint32_t l);

#endif
