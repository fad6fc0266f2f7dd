/*
 * The slice of the Microsoft MAPI C ABI that the mapi4j reference library implements, written for
 * Linux (LP64 and ILP32 alike). Names follow the Outlook 2010 MAPI headers so that code written
 * against MAPI reads the same here; values and layouts are those of the mapi4j specification
 * (MAPI-SESSION.md, Part A). The exported functions and every vtable method use MAPI's calling
 * convention, STDMETHODCALLTYPE: stdcall on 32-bit Windows, the one convention everywhere else
 * (Linux, Windows x64).
 */
#ifndef MAPI4J_MAPI_H
#define MAPI4J_MAPI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && !defined(_WIN64)
#define STDMETHODCALLTYPE __attribute__((stdcall))
#else
#define STDMETHODCALLTYPE
#endif

/* An exported function. On Windows the export list is the module definition file's (the 32-bit
 * library exports plain and decorated names, as the system's MAPI stub does); elsewhere the
 * library is built with hidden visibility and exports exactly what carries this attribute. */
#ifdef _WIN32
#define MAPI4J_API STDMETHODCALLTYPE
#else
#define MAPI4J_API __attribute__((visibility("default")))
#endif

/* ---- A.2 types ---------------------------------------------------------------------------- */
typedef uint32_t ULONG;
typedef int32_t LONG;
typedef int32_t HRESULT;
typedef int32_t SCODE;
typedef uintptr_t ULONG_PTR;
typedef ULONG FLAGS;
typedef uint8_t BYTE;
typedef uint16_t WCHAR;
typedef void *LPVOID;
typedef char *LPSTR;
/* MAPILogonEx strings: char* by default, UTF-16LE WCHAR* when MAPI_UNICODE is set. */
typedef char *LPTSTR;
typedef ULONG_PTR BOOKMARK;

typedef struct { uint32_t Data1; uint16_t Data2; uint16_t Data3; uint8_t Data4[8]; } GUID, IID;
typedef const IID *REFIID;
typedef const IID *LPCIID;

typedef struct { BYTE ab[16]; } MAPIUID, *LPMAPIUID;
typedef struct { BYTE abFlags[4]; BYTE ab[1]; } ENTRYID, *LPENTRYID;

typedef struct {
    ULONG ulVersion;
    ULONG ulFlags;
} MAPIINIT_0, *LPMAPIINIT_0;

typedef struct {
    ULONG ulVersion;
    LPSTR lpszError;
    LPSTR lpszComponent;
    ULONG ulLowLevelError;
    ULONG ulContext;
} MAPIERROR, *LPMAPIERROR;

/* ---- property values (for the message-stores table rows) ---------------------------------- */
typedef struct { ULONG cb; BYTE *lpb; } SBinary;
typedef struct {
    ULONG ulPropTag;
    ULONG dwAlignPad;
    union {
        int16_t i;
        LONG l;
        ULONG ul;
        double dbl;
        uint16_t b;
        int64_t li;
        LPSTR lpszA;
        WCHAR *lpszW;
        SBinary bin;
        SCODE err;
    } Value;
} SPropValue, *LPSPropValue;
typedef struct { ULONG ulAdrEntryPad; ULONG cValues; LPSPropValue lpProps; } SRow, *LPSRow;
typedef struct { ULONG cRows; SRow aRow[1]; } SRowSet, *LPSRowSet;

#define PT_BOOLEAN 0x000Bu
#define PT_UNICODE 0x001Fu
#define PT_BINARY 0x0102u
#define PR_ENTRYID 0x0FFF0102u
#define PR_DISPLAY_NAME_W 0x3001001Fu
#define PR_DEFAULT_STORE 0x3400000Bu

/* ---- A.9 notifications -------------------------------------------------------------------- */
typedef struct {
    ULONG cbEntryID;
    LPENTRYID lpEntryID;
    SCODE scode;
    ULONG ulFlags;
    LPMAPIERROR lpMAPIError;
} ERROR_NOTIFICATION;

typedef struct {
    ULONG ulEvent;
    ULONG cb;
    BYTE *pbEventParameters;
} EXTENDED_NOTIFICATION;

/* Only here so that the union, and with it the array stride, has the size of the real header's
 * (TABLE_NOTIFICATION is the largest member): 88 bytes on LP64, 64 on ILP32. */
typedef struct {
    ULONG ulTableEvent;
    HRESULT hResult;
    SPropValue propIndex;
    SPropValue propPrior;
    SRow row;
    ULONG ulPad;
} TABLE_NOTIFICATION;

typedef struct {
    ULONG ulEventType;
    ULONG ulAlignPad;
    union {
        ERROR_NOTIFICATION err;
        EXTENDED_NOTIFICATION ext;
        TABLE_NOTIFICATION tab;
    } info;
} NOTIFICATION, *LPNOTIFICATION;

/* ---- COM interfaces (A.3, A.4): first field of every object is its vtable pointer ---------- */
typedef struct IUnknown IUnknown, *LPUNKNOWN;
typedef struct IMAPISession IMAPISession, *LPMAPISESSION;
typedef struct IMAPITable IMAPITable, *LPMAPITABLE;
typedef struct IMAPIAdviseSink IMAPIAdviseSink, *LPMAPIADVISESINK;
typedef struct IMAPIClientShutdown IMAPIClientShutdown, *LPMAPICLIENTSHUTDOWN;
/* Interfaces this library never hands out or accepts beyond passing them through. */
typedef void *LPMDB, *LPADRBOOK, *LPPROFSECT, *LPMESSAGE, *LPMAPIFOLDER, *LPSERVICEADMIN;

typedef struct {
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(IUnknown *This, REFIID riid, LPVOID *ppvObj);
    ULONG (STDMETHODCALLTYPE *AddRef)(IUnknown *This);
    ULONG (STDMETHODCALLTYPE *Release)(IUnknown *This);
} IUnknownVtbl;
struct IUnknown { const IUnknownVtbl *lpVtbl; };

typedef struct {
    /* 0 */ HRESULT (STDMETHODCALLTYPE *QueryInterface)(IMAPISession *This, REFIID riid, LPVOID *ppvObj);
    /* 1 */ ULONG (STDMETHODCALLTYPE *AddRef)(IMAPISession *This);
    /* 2 */ ULONG (STDMETHODCALLTYPE *Release)(IMAPISession *This);
    /* 3 */ HRESULT (STDMETHODCALLTYPE *GetLastError)(IMAPISession *This, HRESULT hResult, ULONG ulFlags, LPMAPIERROR *lppMAPIError);
    /* 4 */ HRESULT (STDMETHODCALLTYPE *GetMsgStoresTable)(IMAPISession *This, ULONG ulFlags, LPMAPITABLE *lppTable);
    /* 5 */ HRESULT (STDMETHODCALLTYPE *OpenMsgStore)(IMAPISession *This, ULONG_PTR ulUIParam, ULONG cbEntryID, LPENTRYID lpEntryID,
                                    LPCIID lpInterface, ULONG ulFlags, LPMDB *lppMDB);
    /* 6 */ HRESULT (STDMETHODCALLTYPE *OpenAddressBook)(IMAPISession *This, ULONG_PTR ulUIParam, LPCIID lpInterface, ULONG ulFlags,
                                       LPADRBOOK *lppAdrBook);
    /* 7 */ HRESULT (STDMETHODCALLTYPE *OpenProfileSection)(IMAPISession *This, LPMAPIUID lpUID, LPCIID lpInterface, ULONG ulFlags,
                                          LPPROFSECT *lppProfSect);
    /* 8 */ HRESULT (STDMETHODCALLTYPE *GetStatusTable)(IMAPISession *This, ULONG ulFlags, LPMAPITABLE *lppTable);
    /* 9 */ HRESULT (STDMETHODCALLTYPE *OpenEntry)(IMAPISession *This, ULONG cbEntryID, LPENTRYID lpEntryID, LPCIID lpInterface,
                                 ULONG ulFlags, ULONG *lpulObjType, LPUNKNOWN *lppUnk);
    /* 10 */ HRESULT (STDMETHODCALLTYPE *CompareEntryIDs)(IMAPISession *This, ULONG cbEntryID1, LPENTRYID lpEntryID1, ULONG cbEntryID2,
                                        LPENTRYID lpEntryID2, ULONG ulFlags, ULONG *lpulResult);
    /* 11 */ HRESULT (STDMETHODCALLTYPE *Advise)(IMAPISession *This, ULONG cbEntryID, LPENTRYID lpEntryID, ULONG ulEventMask,
                               LPMAPIADVISESINK lpAdviseSink, ULONG_PTR *lpulConnection);
    /* 12 */ HRESULT (STDMETHODCALLTYPE *Unadvise)(IMAPISession *This, ULONG_PTR ulConnection);
    /* 13 */ HRESULT (STDMETHODCALLTYPE *MessageOptions)(IMAPISession *This, ULONG_PTR ulUIParam, ULONG ulFlags, LPTSTR lpszAdrType,
                                       LPMESSAGE lpMessage);
    /* 14 */ HRESULT (STDMETHODCALLTYPE *QueryDefaultMessageOpt)(IMAPISession *This, LPTSTR lpszAdrType, ULONG ulFlags,
                                               ULONG *lpcValues, LPSPropValue *lppOptions);
    /* 15 */ HRESULT (STDMETHODCALLTYPE *EnumAdrTypes)(IMAPISession *This, ULONG ulFlags, ULONG *lpcAdrTypes, LPTSTR **lpppszAdrTypes);
    /* 16 */ HRESULT (STDMETHODCALLTYPE *QueryIdentity)(IMAPISession *This, ULONG *lpcbEntryID, LPENTRYID *lppEntryID);
    /* 17 */ HRESULT (STDMETHODCALLTYPE *Logoff)(IMAPISession *This, ULONG_PTR ulUIParam, ULONG ulFlags, ULONG ulReserved);
    /* 18 */ HRESULT (STDMETHODCALLTYPE *SetDefaultStore)(IMAPISession *This, ULONG ulFlags, ULONG cbEntryID, LPENTRYID lpEntryID);
    /* 19 */ HRESULT (STDMETHODCALLTYPE *AdminServices)(IMAPISession *This, ULONG ulFlags, LPSERVICEADMIN *lppServiceAdmin);
    /* 20 */ HRESULT (STDMETHODCALLTYPE *ShowForm)(IMAPISession *This, ULONG_PTR ulUIParam, LPMDB lpMsgStore,
                                 LPMAPIFOLDER lpParentFolder, LPCIID lpInterface, ULONG_PTR ulMessageToken,
                                 LPMESSAGE lpMessageSent, ULONG ulFlags, ULONG ulMessageStatus,
                                 ULONG ulMessageFlags, ULONG ulAccess, LPSTR lpszMessageClass);
    /* 21 */ HRESULT (STDMETHODCALLTYPE *PrepareForm)(IMAPISession *This, LPCIID lpInterface, LPMESSAGE lpMessage,
                                    ULONG_PTR *lpulMessageToken);
} IMAPISessionVtbl;
struct IMAPISession { const IMAPISessionVtbl *lpVtbl; };

typedef struct {
    /* 0 */ HRESULT (STDMETHODCALLTYPE *QueryInterface)(IMAPITable *This, REFIID riid, LPVOID *ppvObj);
    /* 1 */ ULONG (STDMETHODCALLTYPE *AddRef)(IMAPITable *This);
    /* 2 */ ULONG (STDMETHODCALLTYPE *Release)(IMAPITable *This);
    /* 3 */ HRESULT (STDMETHODCALLTYPE *GetLastError)(IMAPITable *This, HRESULT hResult, ULONG ulFlags, LPMAPIERROR *lppMAPIError);
    /* 4 */ HRESULT (STDMETHODCALLTYPE *Advise)(IMAPITable *This, ULONG ulEventMask, LPMAPIADVISESINK lpAdviseSink,
                              ULONG_PTR *lpulConnection);
    /* 5 */ HRESULT (STDMETHODCALLTYPE *Unadvise)(IMAPITable *This, ULONG_PTR ulConnection);
    /* 6 */ HRESULT (STDMETHODCALLTYPE *GetStatus)(IMAPITable *This, ULONG *lpulTableStatus, ULONG *lpulTableType);
    /* 7 */ HRESULT (STDMETHODCALLTYPE *SetColumns)(IMAPITable *This, void *lpPropTagArray, ULONG ulFlags);
    /* 8 */ HRESULT (STDMETHODCALLTYPE *QueryColumns)(IMAPITable *This, ULONG ulFlags, void **lpPropTagArray);
    /* 9 */ HRESULT (STDMETHODCALLTYPE *GetRowCount)(IMAPITable *This, ULONG ulFlags, ULONG *lpulCount);
    /* 10 */ HRESULT (STDMETHODCALLTYPE *SeekRow)(IMAPITable *This, BOOKMARK bkOrigin, LONG lRowCount, LONG *lplRowsSought);
    /* 11 */ HRESULT (STDMETHODCALLTYPE *SeekRowApprox)(IMAPITable *This, ULONG ulNumerator, ULONG ulDenominator);
    /* 12 */ HRESULT (STDMETHODCALLTYPE *QueryPosition)(IMAPITable *This, ULONG *lpulRow, ULONG *lpulNumerator,
                                      ULONG *lpulDenominator);
    /* 13 */ HRESULT (STDMETHODCALLTYPE *FindRow)(IMAPITable *This, void *lpRestriction, BOOKMARK bkOrigin, ULONG ulFlags);
    /* 14 */ HRESULT (STDMETHODCALLTYPE *Restrict)(IMAPITable *This, void *lpRestriction, ULONG ulFlags);
    /* 15 */ HRESULT (STDMETHODCALLTYPE *CreateBookmark)(IMAPITable *This, BOOKMARK *lpbkPosition);
    /* 16 */ HRESULT (STDMETHODCALLTYPE *FreeBookmark)(IMAPITable *This, BOOKMARK bkPosition);
    /* 17 */ HRESULT (STDMETHODCALLTYPE *SortTable)(IMAPITable *This, void *lpSortCriteria, ULONG ulFlags);
    /* 18 */ HRESULT (STDMETHODCALLTYPE *QuerySortOrder)(IMAPITable *This, void **lppSortCriteria);
    /* 19 */ HRESULT (STDMETHODCALLTYPE *QueryRows)(IMAPITable *This, LONG lRowCount, ULONG ulFlags, LPSRowSet *lppRows);
    /* 20 */ HRESULT (STDMETHODCALLTYPE *Abort)(IMAPITable *This);
    /* 21 */ HRESULT (STDMETHODCALLTYPE *ExpandRow)(IMAPITable *This, ULONG cbInstanceKey, BYTE *pbInstanceKey, ULONG ulRowCount,
                                  ULONG ulFlags, LPSRowSet *lppRows, ULONG *lpulMoreRows);
    /* 22 */ HRESULT (STDMETHODCALLTYPE *CollapseRow)(IMAPITable *This, ULONG cbInstanceKey, BYTE *pbInstanceKey, ULONG ulFlags,
                                    ULONG *lpulRowCount);
    /* 23 */ HRESULT (STDMETHODCALLTYPE *WaitForCompletion)(IMAPITable *This, ULONG ulFlags, ULONG ulTimeout, ULONG *lpulTableStatus);
    /* 24 */ HRESULT (STDMETHODCALLTYPE *GetCollapseState)(IMAPITable *This, ULONG ulFlags, ULONG cbInstanceKey, BYTE *lpbInstanceKey,
                                         ULONG *lpcbCollapseState, BYTE **lppbCollapseState);
    /* 25 */ HRESULT (STDMETHODCALLTYPE *SetCollapseState)(IMAPITable *This, ULONG ulFlags, ULONG cbCollapseState,
                                         BYTE *pbCollapseState, BOOKMARK *lpbkLocation);
} IMAPITableVtbl;
struct IMAPITable { const IMAPITableVtbl *lpVtbl; };

typedef struct {
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(IMAPIAdviseSink *This, REFIID riid, LPVOID *ppvObj);
    ULONG (STDMETHODCALLTYPE *AddRef)(IMAPIAdviseSink *This);
    ULONG (STDMETHODCALLTYPE *Release)(IMAPIAdviseSink *This);
    /* The return value is ignored by this library (NOTIFY-8). */
    ULONG (STDMETHODCALLTYPE *OnNotify)(IMAPIAdviseSink *This, ULONG cNotif, LPNOTIFICATION lpNotifications);
} IMAPIAdviseSinkVtbl;
struct IMAPIAdviseSink { const IMAPIAdviseSinkVtbl *lpVtbl; };

typedef struct {
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(IMAPIClientShutdown *This, REFIID riid, LPVOID *ppvObj);
    ULONG (STDMETHODCALLTYPE *AddRef)(IMAPIClientShutdown *This);
    ULONG (STDMETHODCALLTYPE *Release)(IMAPIClientShutdown *This);
    HRESULT (STDMETHODCALLTYPE *QueryFastShutdown)(IMAPIClientShutdown *This);
    HRESULT (STDMETHODCALLTYPE *NotifyProcessShutdown)(IMAPIClientShutdown *This);
    HRESULT (STDMETHODCALLTYPE *DoFastShutdown)(IMAPIClientShutdown *This);
} IMAPIClientShutdownVtbl;
struct IMAPIClientShutdown { const IMAPIClientShutdownVtbl *lpVtbl; };

/* ---- A.4 IIDs: every MAPI IID is an OLE GUID {l-0000-0000-C000-000000000046} --------------- */
#define MAPI4J_IIDL_IUnknown 0x00000000u
#define MAPI4J_IIDL_IMAPISession 0x00020300u
#define MAPI4J_IIDL_IMAPITable 0x00020301u
#define MAPI4J_IIDL_IMAPIAdviseSink 0x00020302u
#define MAPI4J_IIDL_IMAPIClientShutdown 0x00020397u
#define MAPI4J_IIDL_IMAPIProviderShutdown 0x00020398u

static inline IID mapi4j_ole_guid(uint32_t l)
{
    IID iid = { l, 0, 0, { 0xC0, 0, 0, 0, 0, 0, 0, 0x46 } };
    return iid;
}

/* ---- A.6 flags ---------------------------------------------------------------------------- */
#define MAPI_LOGOFF_SHARED 0x00000001u
#define MAPI_LOGOFF_UI 0x00000002u

#define MAPI_LOGON_UI 0x00000001u
#define MAPI_NEW_SESSION 0x00000002u
#define MAPI_APP_PROFILE 0x00000004u
#define MAPI_ALLOW_OTHERS 0x00000008u
#define MAPI_EXPLICIT_PROFILE 0x00000010u
#define MAPI_EXTENDED 0x00000020u
#define MAPI_USE_DEFAULT 0x00000040u
#define MAPI_FORCE_DOWNLOAD 0x00001000u
#define MAPI_SERVICE_UI_ALWAYS 0x00002000u
#define MAPI_NO_MAIL 0x00008000u
#define MAPI_NT_SERVICE 0x00010000u
#define MAPI_PASSWORD_UI 0x00020000u
#define MAPI_TIMEOUT_SHORT 0x00100000u
#define MAPI_BG_SESSION 0x00200000u
#define MAPI_UNICODE 0x80000000u

#define MAPI_INIT_VERSION 0u
#define MAPI_MULTITHREAD_NOTIFICATIONS 0x00000001u
#define MAPI_NO_COINIT 0x00000008u

#define fnevCriticalError 0x00000001u
#define fnevNewMail 0x00000002u
#define fnevTableModified 0x00000100u
#define fnevExtended 0x80000000u

/* ---- A.7 HRESULTs ------------------------------------------------------------------------- */
#define S_OK ((HRESULT)0x00000000)
#define S_FALSE ((HRESULT)0x00000001)
#define MAPI_E_CALL_FAILED ((HRESULT)0x80004005)
#define MAPI_E_NOT_ENOUGH_MEMORY ((HRESULT)0x8007000E)
#define MAPI_E_INVALID_PARAMETER ((HRESULT)0x80070057)
#define MAPI_E_INTERFACE_NOT_SUPPORTED ((HRESULT)0x80004002)
#define MAPI_E_NO_ACCESS ((HRESULT)0x80070005)
#define MAPI_E_NO_SUPPORT ((HRESULT)0x80040102)
#define MAPI_E_STRING_TOO_LONG ((HRESULT)0x80040105)
#define MAPI_E_UNKNOWN_FLAGS ((HRESULT)0x80040106)
#define MAPI_E_INVALID_ENTRYID ((HRESULT)0x80040107)
#define MAPI_E_INVALID_OBJECT ((HRESULT)0x80040108)
#define MAPI_E_NOT_FOUND ((HRESULT)0x8004010F)
#define MAPI_E_LOGON_FAILED ((HRESULT)0x80040111)
#define MAPI_E_USER_CANCEL ((HRESULT)0x80040113)
#define MAPI_E_END_OF_SESSION ((HRESULT)0x80040200)
#define MAPI_E_UNKNOWN_ENTRYID ((HRESULT)0x80040201)
#define MAPI_E_COLLISION ((HRESULT)0x80040604)
#define MAPI_E_NOT_INITIALIZED ((HRESULT)0x80040605)

/* ---- A.5 global functions ----------------------------------------------------------------- */

/* lpMapiInit: NULL or a MAPIINIT_0 (ulVersion 0, ulFlags within 0x00010009). Reference-counted. */
MAPI4J_API HRESULT MAPIInitialize(LPVOID lpMapiInit);
/* Balances one successful MAPIInitialize; unbalanced calls are ignored. */
MAPI4J_API void MAPIUninitialize(void);
/* lpszProfileName/lpszPassword are char* unless MAPI_UNICODE is set in flFlags (then UTF-16LE WCHAR*). */
MAPI4J_API HRESULT MAPILogonEx(ULONG_PTR ulUIParam, LPTSTR lpszProfileName, LPTSTR lpszPassword, FLAGS flFlags,
                               LPMAPISESSION *lppSession);
MAPI4J_API SCODE MAPIAllocateBuffer(ULONG cbSize, LPVOID *lppBuffer);
MAPI4J_API ULONG MAPIFreeBuffer(LPVOID lpBuffer);
/* Frees a row set from IMAPITable::QueryRows: each row's property block, then the set. */
MAPI4J_API void FreeProws(LPSRowSet lpRows);

#ifdef __cplusplus
}
#endif

#endif
