/* Shared state and helpers of the reference library; nothing here is exported. */
#ifndef MAPI4J_INTERNAL_H
#define MAPI4J_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "mapi4j_reference.h"

#define LOGOFF_VALID_FLAGS 0x00000003u
#define LOGON_VALID_FLAGS 0x8033B07Fu
#define INIT_VALID_FLAGS 0x00010009u
#define PROFILE_NAME_MAX 64u

typedef enum { INST_UNINITIALIZED, INST_INITIALIZED, INST_TERMINATED } inst_state;
typedef enum { H_LOGGED_ON, H_LOGGED_OFF, H_INVALIDATED } handle_state;

/* The underlying session: several handles share one when MAPI_ALLOW_OTHERS published it.
 * Lives exactly as long as at least one of its handles is LOGGED_ON. */
struct core {
    char *profile;
    bool shared; /* published with MAPI_ALLOW_OTHERS and no shared logoff made yet */
    ULONG handles_on;
};

/* One Advise. pins counts deliveries in flight outside the lock: a cancelled registration is
 * freed (and its sink released) by whoever drops the last pin, which is what defers Unadvise's
 * Release until a running OnNotify returns (NOTIFY-5). */
struct advise_reg {
    ULONG_PTR conn;
    IMAPIAdviseSink *sink;
    ULONG mask;
    unsigned pins;
    bool cancelled;
    struct advise_reg *next;
};

/* Objects obtained through a handle (tables, client-shutdown objects). They hold no reference on
 * the handle, so releasing the handle still logs it off (REL-1) and invalidates them (CHILD-1). */
enum child_kind { CHILD_TABLE, CHILD_SHUTDOWN };
struct session;
struct child {
    const void *lpVtbl;
    ULONG refs;
    enum child_kind kind;
    bool valid;
    struct session *owner;
    struct child *prev, *next;
    /* tables only: a snapshot taken when the table was opened, and the QueryRows cursor */
    struct table_row {
        WCHAR *name;
        size_t name_units;
        bool is_default;
        BYTE *eid;
        ULONG cbeid;
    } *rows;
    ULONG nrows, cursor;
};

struct session {
    const IMAPISessionVtbl *lpVtbl;
    ULONG refs;
    handle_state state;
    struct core *core;
    ULONG logon_flags;
    ULONG_PTR last_conn;
    struct advise_reg *regs;
    struct child *children;
    struct session *prev, *next;
    /* a Logoff is waiting for the confirmation hook; other Logoffs wait for its answer */
    bool confirming;
    pthread_t confirmer;
};

struct profile_store {
    char *name;
    bool is_default;
    struct profile_store *next;
};
struct profile {
    char *name;
    bool is_default;
    struct profile_store *stores;
    struct profile *next;
};

struct instance {
    pthread_mutex_t lock;
    pthread_cond_t confirm_done;
    inst_state state;
    ULONG init_count;
    ULONG init_flags;
    struct core *published;
    struct session *sessions;
    MAPI4J_LOGOFF_CONFIRM hook;
    void *hook_context;
    ULONG fast_policy;
    struct profile *profiles;
};

extern struct instance g_mapi;

void lib_lock(void);
void lib_unlock(void);

/* counter.c */
void live_inc(void);
void live_dec(void);

/* memory.c: MAPIAllocateBuffer without the fault hook, for the library's own out-parameters */
void *buffer_alloc(size_t cb);

/* control.c; caller holds the lock */
bool fault_take(const char *method, HRESULT *hr);
void faults_clear_locked(void);

/* profiles.c; caller holds the lock */
const struct profile *profile_find(const char *name);
const struct profile *profile_default(void);
void profiles_reset_locked(void);

/* Work collected under the lock and finished after it is released: notifications to deliver and
 * registrations to free. Sinks are only ever called through a batch, never under the lock. */
struct delivery {
    struct advise_reg *reg;
    ULONG event;
};
struct batch {
    struct delivery *items;
    size_t n, cap;
    struct advise_reg *to_free;
};
bool batch_reserve(struct batch *b, size_t extra);
void batch_add(struct batch *b, struct advise_reg *reg, ULONG event);
void batch_run(struct batch *b);

/* advise.c; caller holds the lock */
size_t regs_count(const struct session *s, ULONG mask);
void regs_pin_all(struct session *s, ULONG mask, ULONG event, struct batch *b);
void regs_cancel_all(struct session *s, struct batch *b);

/* logoff.c; caller holds the lock. Moves a LOGGED_ON handle to `to`: cancels its registrations,
 * invalidates its children, detaches it from its underlying session. With `extended`, its sinks
 * registered for fnevExtended get the LOGOFF-4 notification (if b has room reserved for it). */
void session_leave(struct session *s, handle_state to, bool extended, struct batch *b);
/* Every LOGGED_ON handle leaves (INIT-8, fast shutdown, reset); the published slot is cleared. */
void sessions_leave_all(handle_state to, bool extended, struct batch *b);

/* session.c */
struct session *session_create(struct core *core, ULONG logon_flags);

/* IMAPISession slots implemented outside session.c */
HRESULT STDMETHODCALLTYPE session_Advise(IMAPISession *This, ULONG cbEntryID, LPENTRYID lpEntryID, ULONG ulEventMask,
                       LPMAPIADVISESINK lpAdviseSink, ULONG_PTR *lpulConnection);
HRESULT STDMETHODCALLTYPE session_Unadvise(IMAPISession *This, ULONG_PTR ulConnection);
HRESULT STDMETHODCALLTYPE session_Logoff(IMAPISession *This, ULONG_PTR ulUIParam, ULONG ulFlags, ULONG ulReserved);

/* entry ids this library makes: abFlags, g_provider_uid, kind, then kind-specific bytes */
#define ENTRYID_HEADER (4 + 16)
enum entryid_kind { EID_IDENTITY = 1, EID_STORE = 2 };
BYTE *entryid_make(enum entryid_kind kind, ULONG index, const char *profile, ULONG *cb, bool mapi_buffer);

/* table.c / shutdown.c: create children of a LOGGED_ON handle; caller holds the lock */
struct child *table_create_stores(struct session *s);
struct child *shutdown_create(struct session *s);
void child_attach(struct session *s, struct child *c);
ULONG child_addref(struct child *c);
ULONG child_release(struct child *c);
void table_free_rows(struct child *c);
/* S_OK while the child's handle is LOGGED_ON, else MAPI_E_INVALID_OBJECT (CHILD-1); caller holds the lock */
HRESULT child_check_locked(const struct child *c);

/* text.c */
size_t utf8_utf16_units(const char *s);
/* UTF-16 copy of a UTF-8 string into out (room for utf8_utf16_units(s) + 1 units) */
void utf8_to_utf16(const char *s, WCHAR *out);
/* UTF-8 copy of a NUL-terminated UTF-16 string of at most `max` units; longer sets *too_long and
 * returns NULL, so is out of memory (with *too_long false) */
char *utf16_to_utf8(const WCHAR *w, size_t max, bool *too_long);

static inline bool iid_is(REFIID riid, uint32_t l)
{
    static const uint8_t tail[8] = { 0xC0, 0, 0, 0, 0, 0, 0, 0x46 };
    if (riid->Data1 != l || riid->Data2 != 0 || riid->Data3 != 0) return false;
    for (int i = 0; i < 8; i++)
        if (riid->Data4[i] != tail[i]) return false;
    return true;
}

/* The UID this library stamps into every entry id it makes (QueryIdentity, store rows). */
extern const MAPIUID g_provider_uid;

#endif
