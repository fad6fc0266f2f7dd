/* LOGON-1..6/9/10: MAPILogonEx arguments, profile choice, failure atomicity. */
#include <stdint.h>
#include <string.h>

#include "support.h"

/* Stores of the profile a handle is logged on to (Default has 1, Work has 2). */
static ULONG store_count(IMAPISession *s)
{
    IMAPITable *t = NULL;
    ULONG n = 0;
    REQUIRE_HR(S_OK, V(s)->GetMsgStoresTable(s, 0, &t));
    CHECK_HR(S_OK, V(t)->GetRowCount(t, 0, &n));
    V(t)->Release(t);
    return n;
}

/* A failed logon: the given result, *lppSession NULL, nothing created or published. */
static void expect_logon_fails(HRESULT expected, const void *profile, const void *password, ULONG flags)
{
    long before = MAPI4J_LiveObjectCount();
    IMAPISession *s = (IMAPISession *)&s;
    CHECK_HR(expected, MAPILogonEx(0, (LPTSTR)profile, (LPTSTR)password, flags, &s));
    CHECK(s == NULL);
    CHECK_EQ(before, MAPI4J_LiveObjectCount());
}

TEST(test_LOGON_1_each_unknown_flag_bit_rejected)
{
    init_ok();
    for (int bit = 0; bit < 32; bit++) {
        ULONG flag = 1u << bit;
        if (flag & 0x8033B07Fu) continue;
        expect_logon_fails(MAPI_E_UNKNOWN_FLAGS, "Default", NULL, flag);
        expect_logon_fails(MAPI_E_UNKNOWN_FLAGS, "Default", NULL, flag | MAPI_NEW_SESSION | MAPI_EXTENDED);
    }
    MAPIUninitialize();
}

TEST(test_LOGON_1_GEN_3_unknown_flags_before_parameter_errors)
{
    init_ok();
    CHECK_HR(MAPI_E_UNKNOWN_FLAGS, MAPILogonEx(0, NULL, NULL, 0x4000, NULL));
    expect_logon_fails(MAPI_E_UNKNOWN_FLAGS, NULL, "secret", 0x4000 | MAPI_LOGON_UI | MAPI_PASSWORD_UI);
    MAPIUninitialize();
}

TEST(test_LOGON_8_each_defined_flag_accepted)
{
    init_ok();
    const ULONG single[] = { MAPI_LOGON_UI, MAPI_APP_PROFILE, MAPI_ALLOW_OTHERS, MAPI_EXPLICIT_PROFILE,
                             MAPI_EXTENDED, MAPI_USE_DEFAULT, MAPI_FORCE_DOWNLOAD, MAPI_SERVICE_UI_ALWAYS,
                             MAPI_NO_MAIL, MAPI_NT_SERVICE, MAPI_PASSWORD_UI, MAPI_TIMEOUT_SHORT,
                             MAPI_BG_SESSION };
    for (size_t i = 0; i < sizeof single / sizeof single[0]; i++)
        logoff_release(logon_ok("Default", single[i] | MAPI_NEW_SESSION));
    const WCHAR wide[] = { 'W', 'o', 'r', 'k', 0 };
    IMAPISession *s = logon_ok((const char *)wide, MAPI_UNICODE | MAPI_NEW_SESSION);
    CHECK_EQ(2, store_count(s));
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_LOGON_null_session_pointer_invalid_parameter)
{
    init_ok();
    CHECK_HR(MAPI_E_INVALID_PARAMETER, MAPILogonEx(0, "Default", NULL, MAPI_NEW_SESSION, NULL));
    CHECK_EQ(0, MAPI4J_LiveObjectCount());
    MAPIUninitialize();
}

TEST(test_LOGON_2a_logon_ui_with_password_ui_fails)
{
    init_ok();
    expect_logon_fails(MAPI_E_LOGON_FAILED, "Default", NULL, MAPI_LOGON_UI | MAPI_PASSWORD_UI | MAPI_NEW_SESSION);
    MAPIUninitialize();
}

TEST(test_LOGON_2b_profile_longer_than_64_fails_64_accepted)
{
    init_ok();
    char name[80];
    memset(name, 'p', 64);
    name[64] = 0;
    REQUIRE_HR(S_OK, MAPI4J_AddProfile(name, 0));
    logoff_release(logon_ok(name, MAPI_NEW_SESSION));
    name[64] = 'p';
    name[65] = 0;
    expect_logon_fails(MAPI_E_LOGON_FAILED, name, NULL, MAPI_NEW_SESSION);
    expect_logon_fails(MAPI_E_LOGON_FAILED, name, NULL, MAPI_NEW_SESSION | MAPI_USE_DEFAULT);
    MAPIUninitialize();
}

TEST(test_LOGON_2b_unicode_limit_counts_utf16_code_units)
{
    init_ok();
    WCHAR wide[70];
    for (int i = 0; i < 64; i++) wide[i] = 0x00E9; /* é */
    wide[64] = 0;
    char utf8[200];
    for (int i = 0; i < 64; i++) {
        utf8[2 * i] = (char)0xC3;
        utf8[2 * i + 1] = (char)0xA9;
    }
    utf8[128] = 0;
    REQUIRE_HR(S_OK, MAPI4J_AddProfile(utf8, 0));
    /* 64 units: accepted in both encodings, and they name the same profile */
    logoff_release(logon_ok((const char *)wide, MAPI_UNICODE | MAPI_NEW_SESSION));
    logoff_release(logon_ok(utf8, MAPI_NEW_SESSION));
    wide[64] = 0x00E9;
    wide[65] = 0;
    expect_logon_fails(MAPI_E_LOGON_FAILED, wide, NULL, MAPI_UNICODE | MAPI_NEW_SESSION);
    /* a supplementary character is two code units: 63 + 2 = 65 */
    char over[200];
    memset(over, 'x', 63);
    memcpy(over + 63, "\xF0\x9F\x98\x80", 5);
    expect_logon_fails(MAPI_E_LOGON_FAILED, over, NULL, MAPI_NEW_SESSION);
    MAPIUninitialize();
}

TEST(test_LOGON_2c_password_must_be_null)
{
    init_ok();
    expect_logon_fails(MAPI_E_LOGON_FAILED, "Default", "secret", MAPI_NEW_SESSION);
    expect_logon_fails(MAPI_E_LOGON_FAILED, "Default", "", MAPI_NEW_SESSION);
    const WCHAR pw[] = { 'x', 0 };
    const WCHAR profile[] = { 'D', 'e', 'f', 'a', 'u', 'l', 't', 0 };
    expect_logon_fails(MAPI_E_LOGON_FAILED, profile, pw, MAPI_NEW_SESSION | MAPI_UNICODE);
    MAPIUninitialize();
}

TEST(test_LOGON_2_GEN_3_parameter_errors_also_when_joining)
{
    init_ok();
    IMAPISession *pub = logon_ok("Default", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    expect_logon_fails(MAPI_E_LOGON_FAILED, NULL, "secret", 0);
    expect_logon_fails(MAPI_E_LOGON_FAILED, NULL, NULL, MAPI_LOGON_UI | MAPI_PASSWORD_UI);
    logoff_release(pub);
    MAPIUninitialize();
}

TEST(test_LOGON_4_named_profile_used)
{
    init_ok();
    IMAPISession *s = logon_ok("Work", MAPI_NEW_SESSION);
    CHECK_EQ(2, store_count(s));
    logoff_release(s);
    /* a name wins over MAPI_USE_DEFAULT, and names ignore case like Windows profile names */
    s = logon_ok("wORK", MAPI_NEW_SESSION | MAPI_USE_DEFAULT);
    CHECK_EQ(2, store_count(s));
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_LOGON_4_unknown_profile_fails)
{
    init_ok();
    expect_logon_fails(MAPI_E_LOGON_FAILED, "NoSuchProfile", NULL, MAPI_NEW_SESSION);
    expect_logon_fails(MAPI_E_LOGON_FAILED, "NoSuchProfile", NULL, MAPI_NEW_SESSION | MAPI_USE_DEFAULT);
    MAPIUninitialize();
}

TEST(test_LOGON_4_no_name_with_use_default_takes_default_profile)
{
    init_ok();
    const ULONG extra[] = { 0, MAPI_EXPLICIT_PROFILE, MAPI_LOGON_UI, MAPI_LOGON_UI | MAPI_EXPLICIT_PROFILE };
    for (size_t i = 0; i < 4; i++) {
        IMAPISession *s = logon_ok(NULL, MAPI_NEW_SESSION | MAPI_USE_DEFAULT | extra[i]);
        CHECK_EQ(1, store_count(s));
        logoff_release(s);
        s = logon_ok("", MAPI_NEW_SESSION | MAPI_USE_DEFAULT | extra[i]);
        CHECK_EQ(1, store_count(s));
        logoff_release(s);
    }
    /* the default can be moved */
    REQUIRE_HR(S_OK, MAPI4J_AddProfile("Other", 1));
    REQUIRE_HR(S_OK, MAPI4J_AddMessageStore("Other", "A", 1));
    REQUIRE_HR(S_OK, MAPI4J_AddMessageStore("Other", "B", 0));
    REQUIRE_HR(S_OK, MAPI4J_AddMessageStore("Other", "C", 0));
    IMAPISession *s = logon_ok(NULL, MAPI_NEW_SESSION | MAPI_USE_DEFAULT);
    CHECK_EQ(3, store_count(s));
    logoff_release(s);
    MAPIUninitialize();
}

TEST(test_LOGON_4_use_default_without_default_profile_fails)
{
    init_ok();
    CHECK_HR(S_OK, MAPI4J_ClearProfiles());
    REQUIRE_HR(S_OK, MAPI4J_AddProfile("NotDefault", 0));
    expect_logon_fails(MAPI_E_LOGON_FAILED, NULL, NULL, MAPI_NEW_SESSION | MAPI_USE_DEFAULT);
    logoff_release(logon_ok("NotDefault", MAPI_NEW_SESSION));
    MAPIUninitialize();
}

TEST(test_LOGON_4_no_name_with_logon_ui_only_fails_headless)
{
    init_ok();
    expect_logon_fails(MAPI_E_LOGON_FAILED, NULL, NULL, MAPI_NEW_SESSION | MAPI_LOGON_UI);
    expect_logon_fails(MAPI_E_LOGON_FAILED, "", NULL, MAPI_NEW_SESSION | MAPI_LOGON_UI | MAPI_EXPLICIT_PROFILE);
    MAPIUninitialize();
}

TEST(test_LOGON_4_no_name_no_flag_fails)
{
    init_ok();
    expect_logon_fails(MAPI_E_LOGON_FAILED, NULL, NULL, MAPI_NEW_SESSION);
    expect_logon_fails(MAPI_E_LOGON_FAILED, "", NULL, 0);
    expect_logon_fails(MAPI_E_LOGON_FAILED, NULL, NULL, MAPI_EXPLICIT_PROFILE | MAPI_EXTENDED);
    const WCHAR empty[] = { 0 };
    expect_logon_fails(MAPI_E_LOGON_FAILED, empty, NULL, MAPI_UNICODE);
    MAPIUninitialize();
}

TEST(test_LOGON_6_each_logon_returns_a_distinct_handle_with_refcount_1)
{
    init_ok();
    IMAPISession *a = logon_new();
    IMAPISession *b = logon_new();
    CHECK(a != b);
    CHECK_EQ(2, V(a)->AddRef(a));
    CHECK_EQ(1, V(a)->Release(a));
    ULONG cb;
    LPENTRYID id;
    CHECK_HR(S_OK, V(a)->QueryIdentity(a, &cb, &id)); /* LOGGED_ON */
    MAPIFreeBuffer(id);
    logoff_release(a);
    logoff_release(b);
    MAPIUninitialize();
}

TEST(test_LOGON_9_failed_logon_publishes_nothing)
{
    init_ok();
    expect_logon_fails(MAPI_E_LOGON_FAILED, "NoSuchProfile", NULL, MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    expect_logon_fails(MAPI_E_LOGON_FAILED, "Default", "pw", MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    MAPI4J_InjectFault("MAPILogonEx", MAPI_E_CALL_FAILED);
    expect_logon_fails(MAPI_E_CALL_FAILED, "Default", NULL, MAPI_NEW_SESSION | MAPI_ALLOW_OTHERS);
    /* nothing to join: a join would ignore the unknown name and succeed */
    expect_logon_fails(MAPI_E_LOGON_FAILED, "NoSuchProfile", NULL, 0);
    MAPIUninitialize();
}

TEST(test_LOGON_10_ui_param_never_validated)
{
    init_ok();
    const ULONG_PTR values[] = { 0, 1, 0x12345678u, UINTPTR_MAX };
    for (size_t i = 0; i < 4; i++) {
        IMAPISession *s = NULL;
        CHECK_HR(S_OK, MAPILogonEx(values[i], "Default", NULL, MAPI_NEW_SESSION, &s));
        if (s) logoff_release(s);
    }
    MAPIUninitialize();
}

TEST(test_LOGON_profile_control_exports)
{
    char longname[70];
    memset(longname, 'n', 65);
    longname[65] = 0;
    CHECK_HR(MAPI_E_INVALID_PARAMETER, MAPI4J_AddProfile(NULL, 0));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, MAPI4J_AddProfile("", 0));
    CHECK_HR(MAPI_E_STRING_TOO_LONG, MAPI4J_AddProfile(longname, 0));
    CHECK_HR(MAPI_E_COLLISION, MAPI4J_AddProfile("default", 0));
    CHECK_HR(MAPI_E_NOT_FOUND, MAPI4J_AddMessageStore("Nope", "Store", 0));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, MAPI4J_AddMessageStore("Default", NULL, 0));
    CHECK_HR(MAPI_E_INVALID_PARAMETER, MAPI4J_AddMessageStore(NULL, "Store", 0));
    init_ok();
    CHECK_HR(S_OK, MAPI4J_ClearProfiles());
    expect_logon_fails(MAPI_E_LOGON_FAILED, "Default", NULL, MAPI_NEW_SESSION);
    MAPIUninitialize();
    MAPI4J_ResetInstance(); /* the built-in profiles come back */
    init_ok();
    logoff_release(logon_ok("Default", MAPI_NEW_SESSION));
    logoff_release(logon_ok("Work", MAPI_NEW_SESSION));
    MAPIUninitialize();
}
