/*
 * Control and test exports of the mapi4j reference MAPI library (libmapi32.so).
 *
 * Real MAPI answers MAPI_LOGOFF_UI with a dialog and reads its profiles from the registry; this
 * library has neither, so these functions stand in for them, and let tests prove that nothing
 * leaks and provoke the failures real MAPI only shows by accident. The Java native provider binds
 * to exactly these names: they are a stable interface. All of them are thread-safe and may be
 * called whether or not MAPI is initialized.
 */
#ifndef MAPI4J_REFERENCE_H
#define MAPI4J_REFERENCE_H

#include "mapi4j_mapi.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Answers a Logoff that carries MAPI_LOGOFF_UI, in place of the dialog real MAPI would show.
 * Called exactly once per such Logoff, with the caller's exact ulUIParam, before anything changes,
 * on the thread that called Logoff and without any library lock held (it may call back into the
 * library). Return S_OK to let the logoff proceed, MAPI_E_USER_CANCEL to decline (Logoff returns
 * MAPI_E_USER_CANCEL, nothing changed), anything else to report a failure (Logoff returns
 * MAPI_E_CALL_FAILED, nothing changed).
 */
typedef HRESULT (*MAPI4J_LOGOFF_CONFIRM)(ULONG_PTR ulUIParam, void *context);

/* Installs the logoff confirmation hook for the whole process; fn NULL uninstalls it, after which
 * MAPI_LOGOFF_UI behaves like 0. context is passed back to fn untouched. */
MAPI4J_API void MAPI4J_SetLogoffConfirmation(MAPI4J_LOGOFF_CONFIRM fn, void *context);

/* Removes every profile (and so the default profile). Sessions already logged on keep working.
 * Returns S_OK. */
MAPI4J_API HRESULT MAPI4J_ClearProfiles(void);

/* Adds a profile (UTF-8 name, at most 64 UTF-16 code units, unique ignoring ASCII case). A
 * non-zero isDefault makes it the default profile (MAPI_USE_DEFAULT). Returns S_OK,
 * MAPI_E_INVALID_PARAMETER (NULL/empty name), MAPI_E_STRING_TOO_LONG, MAPI_E_COLLISION (exists)
 * or MAPI_E_NOT_ENOUGH_MEMORY. */
MAPI4J_API HRESULT MAPI4J_AddProfile(const char *name, int isDefault);

/* Adds a message store (a row of GetMsgStoresTable) to a profile. A non-zero isDefault makes it
 * that profile's default store. Returns S_OK, MAPI_E_INVALID_PARAMETER (NULL/empty argument),
 * MAPI_E_NOT_FOUND (no such profile) or MAPI_E_NOT_ENOUGH_MEMORY. Tables opened before are not
 * changed. */
MAPI4J_API HRESULT MAPI4J_AddMessageStore(const char *profile, const char *displayName, int isDefault);

/* Number of objects currently alive that must be freed exactly once: session handles, underlying
 * sessions, tables, client-shutdown objects, advise registrations and MAPIAllocateBuffer blocks.
 * 0 once a client has released everything it obtained. */
MAPI4J_API long MAPI4J_LiveObjectCount(void);

/*
 * Makes the next call of the named method that passes validation return hr (one shot per
 * injection; a later injection for the same name replaces an earlier one). Names: "MAPIInitialize",
 * "MAPILogonEx", "MAPIAllocateBuffer", "Logoff", "QueryIdentity", "GetMsgStoresTable", "Advise",
 * "Unadvise", "CompareEntryIDs", "GetRowCount", "QueryRows", "QueryFastShutdown",
 * "NotifyProcessShutdown", "DoFastShutdown". A failing hr makes the call fail without effect,
 * except Logoff, which still logs the handle off (LOGOFF-3); a succeeding hr (e.g. a MAPI_W_*
 * warning) lets the call do its work and return hr instead of S_OK. NULL or unknown names are
 * ignored.
 */
MAPI4J_API void MAPI4J_InjectFault(const char *method, HRESULT hr);

/* Forgets every pending injected fault. */
MAPI4J_API void MAPI4J_ClearFaults(void);

/* FastShutdownBehavior (spec A.11): 0 (default) and 1 allow fast shutdown, because every simulated
 * provider of this library supports it; 2 disables it (QueryFastShutdown and DoFastShutdown return
 * MAPI_E_NO_SUPPORT). Other values are ignored. */
MAPI4J_API void MAPI4J_SetFastShutdownPolicy(ULONG policy);

/*
 * Test support: puts the library back to its load-time state: UNINITIALIZED (also after a fast
 * shutdown), nothing published, no confirmation hook, no faults, policy 0, the built-in profiles
 * ("Default", the default, with "Personal Folders"; "Work" with "Mailbox - Work" and "Archive").
 * Handles still logged on are invalidated like a plain Logoff without notifications; objects still
 * held by callers are not freed: the callers release them as usual.
 */
MAPI4J_API void MAPI4J_ResetInstance(void);

/* Library version, e.g. "mapi4j-reference 0.1.0-SNAPSHOT"; a static string. */
MAPI4J_API const char *MAPI4J_Version(void);

#ifdef __cplusplus
}
#endif

#endif
