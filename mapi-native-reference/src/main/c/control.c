/* Test and control exports that have no state of their own elsewhere: the logoff confirmation
 * hook, fault injection, the fast-shutdown policy, the version. */
#include <string.h>

#include "internal.h"

#ifndef MAPI4J_REF_VERSION
#define MAPI4J_REF_VERSION "dev"
#endif

static const char *const fault_names[] = {
    "MAPIInitialize", "MAPILogonEx",  "MAPIAllocateBuffer", "Logoff",          "QueryIdentity",
    "GetMsgStoresTable", "Advise",    "Unadvise",           "CompareEntryIDs", "GetRowCount",
    "QueryRows",      "QueryFastShutdown", "NotifyProcessShutdown", "DoFastShutdown",
};
#define FAULT_COUNT (sizeof fault_names / sizeof fault_names[0])

/* One pending fault per method, so an injection can never pile up unnoticed. */
static struct {
    bool armed;
    HRESULT hr;
} g_faults[FAULT_COUNT];

static int fault_index(const char *method)
{
    if (!method) return -1;
    for (size_t i = 0; i < FAULT_COUNT; i++)
        if (strcmp(fault_names[i], method) == 0) return (int)i;
    return -1;
}

bool fault_take(const char *method, HRESULT *hr)
{
    int i = fault_index(method);
    if (i < 0 || !g_faults[i].armed) return false;
    g_faults[i].armed = false;
    *hr = g_faults[i].hr;
    return true;
}

void faults_clear_locked(void)
{
    memset(g_faults, 0, sizeof g_faults);
}

MAPI4J_API void MAPI4J_InjectFault(const char *method, HRESULT hr)
{
    int i = fault_index(method);
    if (i < 0) return;
    lib_lock();
    g_faults[i].armed = true;
    g_faults[i].hr = hr;
    lib_unlock();
}

MAPI4J_API void MAPI4J_ClearFaults(void)
{
    lib_lock();
    faults_clear_locked();
    lib_unlock();
}

MAPI4J_API void MAPI4J_SetLogoffConfirmation(MAPI4J_LOGOFF_CONFIRM fn, void *context)
{
    lib_lock();
    g_mapi.hook = fn;
    g_mapi.hook_context = fn ? context : NULL;
    lib_unlock();
}

MAPI4J_API void MAPI4J_SetFastShutdownPolicy(ULONG policy)
{
    if (policy > 2) return;
    lib_lock();
    g_mapi.fast_policy = policy;
    lib_unlock();
}

MAPI4J_API const char *MAPI4J_Version(void)
{
    return "mapi4j-reference " MAPI4J_REF_VERSION;
}
