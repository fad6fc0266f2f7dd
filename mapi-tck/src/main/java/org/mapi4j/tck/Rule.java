package org.mapi4j.tck;

import static org.mapi4j.spi.ProviderCapability.FAST_SHUTDOWN;
import static org.mapi4j.spi.ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION;
import static org.mapi4j.tck.RuleKind.DESTRUCTIVE;
import static org.mapi4j.tck.RuleKind.INTERACTIVE;
import static org.mapi4j.tck.RuleKind.MANDATORY;
import static org.mapi4j.tck.RuleKind.OPTIONAL;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.mapi4j.spi.ProviderCapability;

/**
 * The rule catalogue: one constant per rule of the spec ({@code MAPI-SESSION.md}, Part B) that the
 * TCK checks, with its stable ID, a title, the rule in our words, the spec section, its
 * {@link RuleKind} and the {@link ProviderCapability capabilities} it needs.
 *
 * <p>Each constant has exactly one test in {@code org.mapi4j.tck.rules}, named after the ID (method
 * {@code LOGOFF_FLAGS_2_...}, display name and tag {@code LOGOFF-FLAGS-2}). A provider that lacks a
 * needed capability gets "not applicable" for that rule, never "passed".
 */
public enum Rule {

    // B.1 General
    /** GEN-3. */
    GEN_3("GEN-3", "B.1", MANDATORY, "Validation order: state, flags, other parameters",
            "Every call checks, in this order: handle or instance state (MAPI_E_INVALID_OBJECT, MAPI_E_NOT_INITIALIZED),"
                    + " undefined flag bits (MAPI_E_UNKNOWN_FLAGS), other parameters (MAPI_E_INVALID_PARAMETER or the"
                    + " method's own code), and only then does the operation."),
    /** GEN-4. */
    GEN_4("GEN-4", "B.1", MANDATORY, "A rejected call changes nothing",
            "A call rejected for its state or its arguments changes no state, sends no notification, changes no"
                    + " reference count and leaves its out-parameters NULL or 0."),

    // B.2 Initialization
    /** INIT-1. */
    INIT_1("INIT-1", "B.2", MANDATORY, "MAPIInitialize(NULL) succeeds",
            "MAPIInitialize(NULL) returns S_OK and adds one to the initialization count."),
    /** INIT-2. */
    INIT_2("INIT-2", "B.2", MANDATORY, "MAPIInitialize with valid MAPIINIT_0 flags succeeds",
            "MAPIInitialize({0, f}) with every combination of MAPI_MULTITHREAD_NOTIFICATIONS, MAPI_NO_COINIT and"
                    + " MAPI_NT_SERVICE returns S_OK and adds one to the count."),
    /** INIT-3. */
    INIT_3("INIT-3", "B.2", MANDATORY, "Bad MAPIINIT_0 version rejected",
            "MAPIInitialize with ulVersion other than MAPI_INIT_VERSION (0) returns MAPI_E_INVALID_PARAMETER and"
                    + " does not count."),
    /** INIT-4. */
    INIT_4("INIT-4", "B.2", MANDATORY, "Unknown MAPIINIT_0 flag bits rejected",
            "MAPIInitialize with any ulFlags bit outside 0x00010009 (the reserved 0x40000000 included) returns"
                    + " MAPI_E_UNKNOWN_FLAGS and does not count."),
    /** INIT-5. */
    INIT_5("INIT-5", "B.2", MANDATORY, "MAPIInitialize nests",
            "Every further successful MAPIInitialize returns S_OK and counts; MAPI stays initialized until as many"
                    + " MAPIUninitialize calls were made."),
    /** INIT-6. */
    INIT_6("INIT-6", "B.2", MANDATORY, "A failing MAPIInitialize does not count",
            "A MAPIInitialize that fails does not add to the count, whether MAPI was initialized before or not."),
    /** INIT-7. */
    INIT_7("INIT-7", "B.2", MANDATORY, "MAPIUninitialize decrements",
            "MAPIUninitialize with a positive count subtracts one; MAPI stays usable while the count is positive."),
    /** INIT-8. */
    INIT_8("INIT-8", "B.2", MANDATORY, "The last MAPIUninitialize invalidates live sessions",
            "When the count reaches 0, every handle still logged on is logged off as by Logoff(0, 0, 0) (its advise"
                    + " sinks released, no shared-logoff notification) and becomes INVALIDATED; Release still works;"
                    + " the published shared session is cleared."),
    /** INIT-9. */
    INIT_9("INIT-9", "B.2", MANDATORY, "Unbalanced MAPIUninitialize is a no-op",
            "MAPIUninitialize with a count of 0 throws nothing and changes nothing."),
    /** INIT-10. */
    INIT_10("INIT-10", "B.2", MANDATORY, "MAPILogonEx before MAPIInitialize fails",
            "MAPILogonEx while the count is 0 returns MAPI_E_NOT_INITIALIZED and creates nothing."),
    /** INIT-11. */
    INIT_11("INIT-11", "B.2", MANDATORY, "MAPIInitialize again after the count reached 0",
            "After the count returned to 0, MAPIInitialize succeeds again; handles invalidated before stay invalid."),

    // B.3 Logon
    /** LOGON-1. */
    LOGON_1("LOGON-1", "B.3", MANDATORY, "Unknown MAPILogonEx flag bits rejected",
            "MAPILogonEx with any flag bit outside 0x8033B07F returns MAPI_E_UNKNOWN_FLAGS and creates nothing."),
    /** LOGON-2. */
    LOGON_2("LOGON-2", "B.3", MANDATORY, "MAPILogonEx parameter errors",
            "MAPI_LOGON_UI together with MAPI_PASSWORD_UI, a profile name longer than 64 UTF-16 units, or a"
                    + " non-null password each return MAPI_E_LOGON_FAILED and create nothing."),
    /** LOGON-3. */
    LOGON_3("LOGON-3", "B.3", DESTRUCTIVE, "Joining the published shared session",
            "Without MAPI_NEW_SESSION, while a shared session is published, MAPILogonEx returns S_OK and a new,"
                    + " distinct handle on that session; the profile name is ignored."),
    /** LOGON-4. */
    LOGON_4("LOGON-4", "B.3", MANDATORY, "Profile choice for a new session",
            "A named profile is used (unknown name: MAPI_E_LOGON_FAILED); no name with MAPI_USE_DEFAULT uses the"
                    + " default profile whatever MAPI_EXPLICIT_PROFILE says; no name, no UI, no MAPI_USE_DEFAULT"
                    + " returns MAPI_E_LOGON_FAILED."),
    /** LOGON-5. */
    LOGON_5("LOGON-5", "B.3", DESTRUCTIVE, "Publishing a shared session",
            "A new session is published as the shared session if and only if MAPI_ALLOW_OTHERS is set and no shared"
                    + " session is published; the first publisher keeps the slot."),
    /** LOGON-6. */
    LOGON_6("LOGON-6", "B.3", MANDATORY, "Each logon returns a distinct handle with one reference",
            "Every successful MAPILogonEx returns a distinct handle object, logged on, with a reference count of 1."),
    /** LOGON-9. */
    LOGON_9("LOGON-9", "B.3", MANDATORY, "A failed logon leaves nothing behind",
            "A failed MAPILogonEx returns no handle (the out-parameter is NULL), publishes nothing and changes no"
                    + " count."),
    /** LOGON-10. */
    LOGON_10("LOGON-10", "B.3", MANDATORY, "The logon ulUIParam is never validated",
            "MAPILogonEx accepts any ulUIParam (0 included) when no dialog is shown."),

    // B.4 Logoff arguments
    /** LOGOFF-FLAGS-1. */
    LOGOFF_FLAGS_1("LOGOFF-FLAGS-1", "B.4", MANDATORY, "Valid Logoff flags accepted",
            "Logoff with ulFlags 0, MAPI_LOGOFF_SHARED, MAPI_LOGOFF_UI or both returns S_OK and logs the handle off."),
    /** LOGOFF-FLAGS-2. */
    LOGOFF_FLAGS_2("LOGOFF-FLAGS-2", "B.4", MANDATORY, "Unknown Logoff flag bits rejected",
            "Logoff with any bit outside 0x00000003 (MAPI_UNICODE included) returns MAPI_E_UNKNOWN_FLAGS; the handle"
                    + " stays logged on, nothing is notified, and a normal Logoff(0, 0, 0) then returns S_OK."),
    /** LOGOFF-RESERVED-1. */
    LOGOFF_RESERVED_1("LOGOFF-RESERVED-1", "B.4", MANDATORY, "Non-zero Logoff ulReserved rejected",
            "Logoff with valid flags and any non-zero ulReserved returns MAPI_E_INVALID_PARAMETER and changes"
                    + " nothing."),
    /** LOGOFF-RESERVED-2. */
    LOGOFF_RESERVED_2("LOGOFF-RESERVED-2", "B.4", MANDATORY, "Bad flags win over bad ulReserved",
            "Logoff with undefined flag bits and a non-zero ulReserved returns MAPI_E_UNKNOWN_FLAGS."),
    /** LOGOFF-UIPARAM-1. */
    LOGOFF_UIPARAM_1("LOGOFF-UIPARAM-1", "B.4", MANDATORY, "Logoff ulUIParam is never validated",
            "Logoff accepts any ulUIParam; without MAPI_LOGOFF_UI the confirmation hook is never called; with it the"
                    + " hook receives the exact ulUIParam."),
    /** LOGOFF-UI-2. */
    LOGOFF_UI_2("LOGOFF-UI-2", "decision 3", INTERACTIVE, "Declined logoff confirmation changes nothing",
            "With MAPI_LOGOFF_UI and a hook that declines, Logoff returns MAPI_E_USER_CANCEL after calling the hook"
                    + " exactly once; the handle stays logged on and nobody is notified.",
            SCRIPTED_LOGOFF_CONFIRMATION),
    /** LOGOFF-UI-3. */
    LOGOFF_UI_3("LOGOFF-UI-3", "decision 3", INTERACTIVE, "Failing logoff confirmation changes nothing",
            "With MAPI_LOGOFF_UI and a hook that throws, Logoff returns MAPI_E_CALL_FAILED; the handle stays logged"
                    + " on and nobody is notified.",
            SCRIPTED_LOGOFF_CONFIRMATION),

    // B.5 Logoff effect
    /** LOGOFF-1. */
    LOGOFF_1("LOGOFF-1", "B.5", MANDATORY, "Logoff succeeds and cleans up",
            "Logoff with valid arguments returns S_OK; before it returns every advise registration of the handle is"
                    + " cancelled and its sink released, every child object is invalid, and the handle is LOGGED_OFF."),
    /** LOGOFF-2. */
    LOGOFF_2("LOGOFF-2", "B.5", MANDATORY, "Logoff ends an individual session, and only it",
            "Logging off a handle of an individual session ends that session; other sessions of the instance are"
                    + " not affected."),
    /** LOGOFF-3. */
    LOGOFF_3("LOGOFF-3", "B.5", MANDATORY, "Logoff logs off whatever it returns",
            "Once its arguments were accepted, Logoff leaves the handle LOGGED_OFF whatever HRESULT it returns, even"
                    + " when an advise sink throws while the registrations are cancelled."),
    /** LOGOFF-4. */
    LOGOFF_4("LOGOFF-4", "B.5", OPTIONAL, "Optional extended notification during Logoff",
            "A provider may send one fnevExtended notification to each of the handle's session-level sinks registered"
                    + " for fnevExtended while it logs off; if it does, exactly one per such sink, none to other sinks."),
    /** LOGOFF-5. */
    LOGOFF_5("LOGOFF-5", "B.5", MANDATORY, "Concurrent Logoff is linearizable",
            "Among concurrent Logoff calls on one handle exactly one returns S_OK; the others return"
                    + " MAPI_E_INVALID_OBJECT."),

    // B.6 After Logoff
    /** POSTLOGOFF-1. */
    POSTLOGOFF_1("POSTLOGOFF-1", "B.6", MANDATORY, "Every method after Logoff returns MAPI_E_INVALID_OBJECT",
            "After Logoff (and after invalidation) every IMAPISession method but the IUnknown ones, a second Logoff"
                    + " and Advise/Unadvise included, returns MAPI_E_INVALID_OBJECT with NULL/0 out-parameters."),
    /** POSTLOGOFF-2. */
    POSTLOGOFF_2("POSTLOGOFF-2", "B.6", MANDATORY, "Release works in every state",
            "Release after Logoff or invalidation returns the decremented reference count; 0 destroys the handle."),
    /** POSTLOGOFF-3. */
    POSTLOGOFF_3("POSTLOGOFF-3", "B.6", MANDATORY, "AddRef works after Logoff",
            "AddRef after Logoff or invalidation returns the incremented reference count."),
    /** POSTLOGOFF-4. */
    POSTLOGOFF_4("POSTLOGOFF-4", "B.6", MANDATORY, "QueryInterface after Logoff fails",
            "QueryInterface after Logoff returns MAPI_E_INVALID_OBJECT and a NULL interface for every IID."),
    /** CHILD-1. */
    CHILD_1("CHILD-1", "B.6", MANDATORY, "Child objects become invalid with their session",
            "Objects opened through a handle that are alive when it leaves LOGGED_ON return MAPI_E_INVALID_OBJECT from"
                    + " every non-IUnknown method; Release still works."),
    /** REL-1. */
    REL_1("REL-1", "B.6", MANDATORY, "Final Release without Logoff logs off",
            "The final Release of a logged-on handle performs Logoff(0, 0, 0) first: registrations cancelled and"
                    + " sinks released, children invalid, no shared-logoff notification."),

    // B.7 Shared sessions
    /** SHARED-2. */
    SHARED_2("SHARED-2", "B.7", DESTRUCTIVE, "No published session: a logon creates one",
            "Without MAPI_NEW_SESSION and with nothing published, MAPILogonEx behaves as a new-session logon."),
    /** SHARED-3. */
    SHARED_3("SHARED-3", "B.7", DESTRUCTIVE, "Plain Logoff of one participant",
            "Logoff without MAPI_LOGOFF_SHARED logs off only that handle; the others are unaffected and not notified;"
                    + " the session stays published until its last handle leaves LOGGED_ON."),
    /** SHARED-4. */
    SHARED_4("SHARED-4", "B.7", DESTRUCTIVE, "MAPI_LOGOFF_SHARED on an individual session is ignored",
            "MAPI_LOGOFF_SHARED on a handle of an individual session behaves exactly as a plain Logoff; no other"
                    + " session is affected."),
    /** SHARED-5. */
    SHARED_5("SHARED-5", "B.7", DESTRUCTIVE, "Shared Logoff notifies every other participant once",
            "Logoff with MAPI_LOGOFF_SHARED unpublishes the session, sends every session-level sink of every other"
                    + " logged-on participant exactly one critical-error notification (scode MAPI_E_END_OF_SESSION),"
                    + " logs the caller off and leaves the others logged on."),
    /** SHARED-8. */
    SHARED_8("SHARED-8", "decision 4", DESTRUCTIVE, "The shared-logoff policy",
            "With SharedLogoffPolicy.REJECT, Logoff with MAPI_LOGOFF_SHARED returns MAPI_E_NO_ACCESS and changes"
                    + " nothing; with WARN and ALLOW it proceeds."),

    // B.8 Notifications
    /** NOTIFY-1. */
    NOTIFY_1("NOTIFY-1", "B.8", MANDATORY, "Session-level Advise",
            "Advise(NULL entry id, any mask, sink) on a logged-on handle returns S_OK and a non-zero connection; the"
                    + " registration always covers critical errors."),
    /** NOTIFY-2. */
    NOTIFY_2("NOTIFY-2", "B.8", MANDATORY, "Advise parameter errors",
            "Advise with a NULL sink or an empty entry id returns MAPI_E_INVALID_PARAMETER and registers nothing."),
    /** NOTIFY-3. */
    NOTIFY_3("NOTIFY-3", "B.8", MANDATORY, "Object-level Advise",
            "Advise with a malformed or unknown entry id, or for objects without notifications, fails with"
                    + " MAPI_E_INVALID_ENTRYID, MAPI_E_UNKNOWN_ENTRYID or MAPI_E_NO_SUPPORT and registers nothing."),
    /** NOTIFY-4. */
    NOTIFY_4("NOTIFY-4", "B.8", MANDATORY, "Connection numbers",
            "Connection numbers are non-zero, unique among the handle's registrations and never reused by it."),
    /** NOTIFY-5. */
    NOTIFY_5("NOTIFY-5", "B.8", MANDATORY, "Advise holds a sink reference",
            "A successful Advise adds one reference to the sink; Unadvise releases it exactly once, not before an"
                    + " OnNotify already running has returned."),
    /** NOTIFY-6. */
    NOTIFY_6("NOTIFY-6", "B.8", MANDATORY, "Nothing reaches a sink after Unadvise",
            "Unadvise of an active registration returns S_OK; after it returns no new OnNotify reaches the sink."),
    /** NOTIFY-7. */
    NOTIFY_7("NOTIFY-7", "B.8", MANDATORY, "Unadvise of an unknown connection",
            "Unadvise with 0, an unknown number, another handle's number or an already cancelled number returns"
                    + " MAPI_E_NOT_FOUND and has no effect."),
    /** NOTIFY-9. */
    NOTIFY_9("NOTIFY-9", "B.8", MANDATORY, "Advise and Unadvise after Logoff",
            "Advise and Unadvise on a logged-off or invalidated handle return MAPI_E_INVALID_OBJECT."),

    // B.9 Fast shutdown
    /** FAST-1. */
    FAST_1("FAST-1", "B.9", DESTRUCTIVE, "IMAPIClientShutdown through QueryInterface",
            "QueryInterface(IID_IMAPIClientShutdown) on a logged-on handle returns S_OK and the interface if the"
                    + " provider supports fast shutdown, else MAPI_E_INTERFACE_NOT_SUPPORTED and NULL."),
    /** FAST-2. */
    FAST_2("FAST-2", "B.9", DESTRUCTIVE, "QueryFastShutdown follows the policy",
            "QueryFastShutdown returns S_OK or MAPI_E_NO_SUPPORT according to the policy (2: always"
                    + " MAPI_E_NO_SUPPORT) and changes no state.",
            FAST_SHUTDOWN),
    /** FAST-3. */
    FAST_3("FAST-3", "B.9", DESTRUCTIVE, "NotifyProcessShutdown succeeds",
            "NotifyProcessShutdown always returns S_OK and leaves the session usable.",
            FAST_SHUTDOWN),
    /** FAST-4. */
    FAST_4("FAST-4", "B.9", DESTRUCTIVE, "DoFastShutdown follows the policy",
            "DoFastShutdown returns S_OK if the policy permits fast shutdown, else MAPI_E_NO_SUPPORT and nothing"
                    + " changes; calling it without QueryFastShutdown is answered by the same policy.",
            FAST_SHUTDOWN),
    /** FAST-5. */
    FAST_5("FAST-5", "B.9", DESTRUCTIVE, "After DoFastShutdown the instance is terminated",
            "After DoFastShutdown returned S_OK every handle returns MAPI_E_INVALID_OBJECT (Release works),"
                    + " MAPILogonEx and MAPIInitialize return MAPI_E_NOT_INITIALIZED, MAPIUninitialize is a no-op,"
                    + " and no shared-logoff notification is sent.",
            FAST_SHUTDOWN);

    private final String id;
    private final String section;
    private final RuleKind kind;
    private final String title;
    private final String requirement;
    private final Set<ProviderCapability> capabilities;

    Rule(String id, String section, RuleKind kind, String title, String requirement,
            ProviderCapability... capabilities) {
        this.id = id;
        this.section = section;
        this.kind = kind;
        this.title = title;
        this.requirement = requirement;
        this.capabilities = capabilities.length == 0
                ? Set.of() : Set.copyOf(EnumSet.copyOf(Arrays.asList(capabilities)));
    }

    /** @return the spec's rule ID, for example {@code LOGOFF-FLAGS-2} */
    public String id() {
        return id;
    }

    /** @return the spec section, for example {@code B.4} or {@code decision 3} */
    public String section() {
        return section;
    }

    /** @return how the rule is run */
    public RuleKind kind() {
        return kind;
    }

    /** @return a short title */
    public String title() {
        return title;
    }

    /** @return the rule in our words */
    public String requirement() {
        return requirement;
    }

    /** @return the capabilities the rule needs; a provider lacking one gets "not applicable" */
    public Set<ProviderCapability> capabilities() {
        return capabilities;
    }

    /**
     * @param id a rule ID such as {@code LOGOFF-FLAGS-2}
     * @return the rule, if the catalogue has it
     */
    public static Optional<Rule> byId(String id) {
        for (Rule rule : values()) {
            if (rule.id.equals(id)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * The prefix of the test method that checks this rule: the ID with {@code -} replaced by
     * {@code _}, for example {@code LOGOFF_FLAGS_2}.
     *
     * @return the method name prefix
     */
    public String methodPrefix() {
        return id.replace('-', '_');
    }

    @Override
    public String toString() {
        return id;
    }
}
