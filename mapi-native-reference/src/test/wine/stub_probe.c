/* Run under Wine with Wine's own (builtin) mapi32.dll: the MAPI stub of a Windows without a MAPI
 * client. The native provider recognises that case by these answers (NoMapiClient): MAPIInitialize
 * returns MAPI_E_NOT_INITIALIZED and MAPILogonEx MAPI_E_CALL_FAILED. Exits 0 when the stub answers
 * so, 1 when it answers otherwise, 2 when it cannot be called. */
#include <stdio.h>
#include <windows.h>

#define MAPI_E_NOT_INITIALIZED ((LONG)0x80040605)
#define MAPI_E_CALL_FAILED ((LONG)0x80004005)
#define MAPI_EXTENDED 0x00000020u
#define MAPI_NEW_SESSION 0x00000002u

typedef LONG(WINAPI *init_fn)(void *);
typedef LONG(WINAPI *logon_fn)(ULONG_PTR, char *, char *, ULONG, void **);

int main(void)
{
    HMODULE m = LoadLibraryA("mapi32.dll");
    if (!m) {
        printf("mapi32.dll cannot be loaded\n");
        return 2;
    }
    init_fn init = (init_fn)(void *)GetProcAddress(m, "MAPIInitialize");
    logon_fn logon = (logon_fn)(void *)GetProcAddress(m, "MAPILogonEx");
    if (!init || !logon) {
        printf("mapi32.dll lacks MAPIInitialize or MAPILogonEx\n");
        return 2;
    }
    void *session = NULL;
    LONG hi = init(NULL);
    LONG hl = logon(0, NULL, NULL, MAPI_EXTENDED | MAPI_NEW_SESSION, &session);
    printf("Wine's mapi32.dll without a MAPI client: MAPIInitialize 0x%08lX, MAPILogonEx 0x%08lX\n",
           (unsigned long)hi, (unsigned long)hl);
    return hi == MAPI_E_NOT_INITIALIZED && hl == MAPI_E_CALL_FAILED && !session ? 0 : 1;
}
