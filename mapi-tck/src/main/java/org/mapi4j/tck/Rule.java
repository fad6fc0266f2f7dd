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
import org.mapi4j.spi.Specification;

/**
 * The rule catalogue: one constant per rule of the spec ({@code MAPI-SESSION.md}, Part B) that the
 * TCK checks, with its stable ID, a title, the rule in our words, the spec section, its
 * {@link RuleKind} and the {@link ProviderCapability capabilities} it needs.
 *
 * <p>The ID is the constant's name with {@code _} read as {@code -}. Each constant has exactly one test
 * in {@code org.mapi4j.tck.rules}, named after its {@linkplain #requirementLevel() requirement level}
 * and ID (method {@code required_LOGOFF_FLAGS_2_...}, display name {@code required LOGOFF-FLAGS-2 ...})
 * and tagged with the ID. A provider that lacks a needed capability gets "not applicable" for that
 * rule, never "passed".
 */
public enum Rule {

    // B.1 General
    /** Validation order: state, flags, other parameters. */
    GEN_3("B.1", MANDATORY, "Validation order: state, flags, other parameters",
            "Every call checks, in this order: handle or instance state (MAPI_E_INVALID_OBJECT, MAPI_E_NOT_INITIALIZED),"
                    + " undefined flag bits (MAPI_E_UNKNOWN_FLAGS), other parameters (MAPI_E_INVALID_PARAMETER or the"
                    + " method's own code), and only then does the operation."),
    /** A rejected call changes nothing. */
    GEN_4("B.1", MANDATORY, "A rejected call changes nothing",
            "A call rejected for its state or its arguments changes no state, sends no notification, changes no"
                    + " reference count and leaves its out-parameters NULL or 0."),

    /** An SPI method never throws. */
    GEN_5("decision 7", MANDATORY, "An SPI method never throws",
            "Every slot with a required out-parameter that receives NULL returns an HRESULT, never an exception:"
                    + " MAPI_E_INVALID_PARAMETER on a logged-on handle, MAPI_E_INVALID_OBJECT on a logged-off one."
                    + " An exception that escapes any SPI call during any rule is a failure of this rule."),

    // B.2 Initialization
    /** MAPIInitialize(NULL) succeeds. */
    INIT_1("B.2", MANDATORY, "MAPIInitialize(NULL) succeeds",
            "MAPIInitialize(NULL) returns S_OK and adds one to the initialization count."),
    /** MAPIInitialize with valid MAPIINIT_0 flags succeeds. */
    INIT_2("B.2", MANDATORY, "MAPIInitialize with valid MAPIINIT_0 flags succeeds",
            "MAPIInitialize({0, f}) with every combination of MAPI_MULTITHREAD_NOTIFICATIONS, MAPI_NO_COINIT and"
                    + " MAPI_NT_SERVICE returns S_OK and adds one to the count."),
    /** Bad MAPIINIT_0 version rejected. */
    INIT_3("B.2", MANDATORY, "Bad MAPIINIT_0 version rejected",
            "MAPIInitialize with ulVersion other than MAPI_INIT_VERSION (0) returns MAPI_E_INVALID_PARAMETER and"
                    + " does not count."),
    /** Unknown MAPIINIT_0 flag bits rejected. */
    INIT_4("B.2", MANDATORY, "Unknown MAPIINIT_0 flag bits rejected",
            "MAPIInitialize with any ulFlags bit outside 0x00010009 (the reserved 0x40000000 included) returns"
                    + " MAPI_E_UNKNOWN_FLAGS and does not count."),
    /** MAPIInitialize nests. */
    INIT_5("B.2", MANDATORY, "MAPIInitialize nests",
            "Every further successful MAPIInitialize returns S_OK and counts; MAPI stays initialized until as many"
                    + " MAPIUninitialize calls were made."),
    /** A failing MAPIInitialize does not count. */
    INIT_6("B.2", MANDATORY, "A failing MAPIInitialize does not count",
            "A MAPIInitialize that fails does not add to the count, whether MAPI was initialized before or not."),
    /** MAPIUninitialize decrements. */
    INIT_7("B.2", MANDATORY, "MAPIUninitialize decrements",
            "MAPIUninitialize with a positive count subtracts one; MAPI stays usable while the count is positive."),
    /** The last MAPIUninitialize invalidates live sessions. */
    INIT_8("B.2", MANDATORY, "The last MAPIUninitialize invalidates live sessions",
            "When the count reaches 0, every handle still logged on is logged off as by Logoff(0, 0, 0) (its advise"
                    + " sinks released, no shared-logoff notification) and becomes INVALIDATED; Release still works;"
                    + " the published shared session is cleared."),
    /** Unbalanced MAPIUninitialize is a no-op. */
    INIT_9("B.2", MANDATORY, "Unbalanced MAPIUninitialize is a no-op",
            "MAPIUninitialize with a count of 0 throws nothing and changes nothing."),
    /** MAPILogonEx before MAPIInitialize fails. */
    INIT_10("B.2", MANDATORY, "MAPILogonEx before MAPIInitialize fails",
            "MAPILogonEx while the count is 0 returns MAPI_E_NOT_INITIALIZED and creates nothing."),
    /** MAPIInitialize again after the count reached 0. */
    INIT_11("B.2", MANDATORY, "MAPIInitialize again after the count reached 0",
            "After the count returned to 0, MAPIInitialize succeeds again; handles invalidated before stay invalid."),

    // B.3 Logon
    /** Unknown MAPILogonEx flag bits rejected. */
    LOGON_1("B.3", MANDATORY, "Unknown MAPILogonEx flag bits rejected",
            "MAPILogonEx with any flag bit outside 0x8033B07F returns MAPI_E_UNKNOWN_FLAGS and creates nothing."),
    /** MAPILogonEx parameter errors. */
    LOGON_2("B.3", MANDATORY, "MAPILogonEx parameter errors",
            "MAPI_LOGON_UI together with MAPI_PASSWORD_UI, a profile name longer than 64 UTF-16 units, or a"
                    + " non-null password each return MAPI_E_LOGON_FAILED and create nothing."),
    /** Joining the published shared session. */
    LOGON_3("B.3", DESTRUCTIVE, "Joining the published shared session",
            "Without MAPI_NEW_SESSION, while a shared session is published, MAPILogonEx returns S_OK and a new,"
                    + " distinct handle on that session; the profile name is ignored."),
    /** Profile choice for a new session. */
    LOGON_4("B.3", MANDATORY, "Profile choice for a new session",
            "A named profile is used (unknown name: MAPI_E_LOGON_FAILED); no name with MAPI_USE_DEFAULT uses the"
                    + " default profile whatever MAPI_EXPLICIT_PROFILE says; no name, no UI, no MAPI_USE_DEFAULT"
                    + " returns MAPI_E_LOGON_FAILED."),
    /** Publishing a shared session. */
    LOGON_5("B.3", DESTRUCTIVE, "Publishing a shared session",
            "A new session is published as the shared session if and only if MAPI_ALLOW_OTHERS is set and no shared"
                    + " session is published; the first publisher keeps the slot."),
    /** Each logon returns a distinct handle with one reference. */
    LOGON_6("B.3", MANDATORY, "Each logon returns a distinct handle with one reference",
            "Every successful MAPILogonEx returns a distinct handle object, logged on, with a reference count of 1."),
    /** A failed logon leaves nothing behind. */
    LOGON_9("B.3", MANDATORY, "A failed logon leaves nothing behind",
            "A failed MAPILogonEx returns no handle (the out-parameter is NULL), publishes nothing and changes no"
                    + " count."),
    /** The logon ulUIParam is never validated. */
    LOGON_10("B.3", MANDATORY, "The logon ulUIParam is never validated",
            "MAPILogonEx accepts any ulUIParam (0 included) when no dialog is shown."),

    // B.4 Logoff arguments
    /** Valid Logoff flags accepted. */
    LOGOFF_FLAGS_1("B.4", MANDATORY, "Valid Logoff flags accepted",
            "Logoff with ulFlags 0, MAPI_LOGOFF_SHARED, MAPI_LOGOFF_UI or both returns S_OK and logs the handle off."),
    /** Unknown Logoff flag bits rejected. */
    LOGOFF_FLAGS_2("B.4", MANDATORY, "Unknown Logoff flag bits rejected",
            "Logoff with any bit outside 0x00000003 (MAPI_UNICODE included) returns MAPI_E_UNKNOWN_FLAGS; the handle"
                    + " stays logged on, nothing is notified, and a normal Logoff(0, 0, 0) then returns S_OK."),
    /** Non-zero Logoff ulReserved rejected. */
    LOGOFF_RESERVED_1("B.4", MANDATORY, "Non-zero Logoff ulReserved rejected",
            "Logoff with valid flags and any non-zero ulReserved returns MAPI_E_INVALID_PARAMETER and changes"
                    + " nothing."),
    /** Bad flags win over bad ulReserved. */
    LOGOFF_RESERVED_2("B.4", MANDATORY, "Bad flags win over bad ulReserved",
            "Logoff with undefined flag bits and a non-zero ulReserved returns MAPI_E_UNKNOWN_FLAGS."),
    /** Logoff ulUIParam is never validated. */
    LOGOFF_UIPARAM_1("B.4", MANDATORY, "Logoff ulUIParam is never validated",
            "Logoff accepts any ulUIParam; without MAPI_LOGOFF_UI the confirmation hook is never called; with it the"
                    + " hook receives the exact ulUIParam."),
    /** An accepted logoff confirmation logs off. */
    LOGOFF_UI_1("decision 3", INTERACTIVE, "An accepted logoff confirmation logs off",
            "With MAPI_LOGOFF_UI and a hook that accepts, Logoff (with or without MAPI_LOGOFF_SHARED) calls the hook"
                    + " exactly once with the exact ulUIParam, returns S_OK and has every effect of LOGOFF-1 (sinks"
                    + " released, children invalid, handle logged off) and, with MAPI_LOGOFF_SHARED, of SHARED-5"
                    + " (the session unpublished, every other participant notified once and still logged on).",
            SCRIPTED_LOGOFF_CONFIRMATION),
    /** Declined logoff confirmation changes nothing. */
    LOGOFF_UI_2("decision 3", INTERACTIVE, "Declined logoff confirmation changes nothing",
            "With MAPI_LOGOFF_UI and a hook that declines, Logoff returns MAPI_E_USER_CANCEL after calling the hook"
                    + " exactly once; the handle stays logged on and nobody is notified.",
            SCRIPTED_LOGOFF_CONFIRMATION),
    /** Failing logoff confirmation changes nothing. */
    LOGOFF_UI_3("decision 3", INTERACTIVE, "Failing logoff confirmation changes nothing",
            "With MAPI_LOGOFF_UI and a hook that throws, Logoff returns MAPI_E_CALL_FAILED; the handle stays logged"
                    + " on and nobody is notified.",
            SCRIPTED_LOGOFF_CONFIRMATION),

    // B.5 Logoff effect
    /** Logoff succeeds and cleans up. */
    LOGOFF_1("B.5", MANDATORY, "Logoff succeeds and cleans up",
            "Logoff with valid arguments returns S_OK; before it returns every advise registration of the handle is"
                    + " cancelled and its sink released, every child object is invalid, and the handle is LOGGED_OFF."),
    /** Logoff ends an individual session, and only it. */
    LOGOFF_2("B.5", MANDATORY, "Logoff ends an individual session, and only it",
            "Logging off a handle of an individual session ends that session; other sessions of the instance are"
                    + " not affected."),
    /** Logoff logs off whatever it returns. */
    LOGOFF_3("B.5", MANDATORY, "Logoff logs off whatever it returns",
            "Once its arguments were accepted, Logoff leaves the handle LOGGED_OFF whatever HRESULT it returns, even"
                    + " when an advise sink throws while the registrations are cancelled."),
    /** Optional extended notification during Logoff. */
    LOGOFF_4("B.5", OPTIONAL, "Optional extended notification during Logoff",
            "A provider may send one fnevExtended notification to each of the handle's session-level sinks registered"
                    + " for fnevExtended while it logs off; if it does, exactly one per such sink, none to other sinks."),
    /** Concurrent Logoff is linearizable. */
    LOGOFF_5("B.5", MANDATORY, "Concurrent Logoff is linearizable",
            "Among concurrent Logoff calls on one handle exactly one returns S_OK; the others return"
                    + " MAPI_E_INVALID_OBJECT."),

    // B.6 After Logoff
    /** Every method after Logoff returns MAPI_E_INVALID_OBJECT. */
    POSTLOGOFF_1("B.6", MANDATORY, "Every method after Logoff returns MAPI_E_INVALID_OBJECT",
            "After Logoff (and after invalidation) every IMAPISession method but the IUnknown ones, a second Logoff"
                    + " and Advise/Unadvise included, returns MAPI_E_INVALID_OBJECT with NULL/0 out-parameters."),
    /** Release works in every state. */
    POSTLOGOFF_2("B.6", MANDATORY, "Release works in every state",
            "Release after Logoff or invalidation returns the decremented reference count; 0 destroys the handle."),
    /** AddRef works after Logoff. */
    POSTLOGOFF_3("B.6", MANDATORY, "AddRef works after Logoff",
            "AddRef after Logoff or invalidation returns the incremented reference count."),
    /** QueryInterface after Logoff fails. */
    POSTLOGOFF_4("B.6", MANDATORY, "QueryInterface after Logoff fails",
            "QueryInterface after Logoff returns MAPI_E_INVALID_OBJECT and a NULL interface for every IID."),
    /** A destroyed handle answers safely. */
    POSTLOGOFF_6("decision 6", MANDATORY, "A destroyed handle answers safely",
            "After the final Release (with or without a Logoff before it) every method, QueryInterface included,"
                    + " returns MAPI_E_INVALID_OBJECT with NULL/0 out-parameters; AddRef and Release return 0 and"
                    + " change nothing."),
    /** Child objects become invalid with their session. */
    CHILD_1("B.6", MANDATORY, "Child objects become invalid with their session",
            "Objects opened through a handle that are alive when it leaves LOGGED_ON return MAPI_E_INVALID_OBJECT from"
                    + " every non-IUnknown method; Release still works."),
    /** Final Release without Logoff logs off. */
    REL_1("B.6", MANDATORY, "Final Release without Logoff logs off",
            "The final Release of a logged-on handle performs Logoff(0, 0, 0) first: registrations cancelled and"
                    + " sinks released, children invalid, no shared-logoff notification."),

    // B.7 Shared sessions
    /** No published session: a logon creates one. */
    SHARED_2("B.7", DESTRUCTIVE, "No published session: a logon creates one",
            "Without MAPI_NEW_SESSION and with nothing published, MAPILogonEx behaves as a new-session logon."),
    /** Plain Logoff of one participant. */
    SHARED_3("B.7", DESTRUCTIVE, "Plain Logoff of one participant",
            "Logoff without MAPI_LOGOFF_SHARED logs off only that handle; the others are unaffected and not notified;"
                    + " the session stays published until its last handle leaves LOGGED_ON."),
    /** MAPI_LOGOFF_SHARED on an individual session is ignored. */
    SHARED_4("B.7", DESTRUCTIVE, "MAPI_LOGOFF_SHARED on an individual session is ignored",
            "MAPI_LOGOFF_SHARED on a handle of an individual session behaves exactly as a plain Logoff; no other"
                    + " session is affected."),
    /** Shared Logoff notifies every other participant once. */
    SHARED_5("B.7", DESTRUCTIVE, "Shared Logoff notifies every other participant once",
            "Logoff with MAPI_LOGOFF_SHARED unpublishes the session, sends every session-level sink of every other"
                    + " logged-on participant exactly one critical-error notification (scode MAPI_E_END_OF_SESSION),"
                    + " logs the caller off and leaves the others logged on."),
    /** The shared-logoff policy. */
    SHARED_8("decision 4", DESTRUCTIVE, "The shared-logoff policy",
            "With SharedLogoffPolicy.REJECT, Logoff with MAPI_LOGOFF_SHARED returns MAPI_E_NO_ACCESS and changes"
                    + " nothing; with WARN and ALLOW it proceeds."),

    // B.8 Notifications
    /** Session-level Advise. */
    NOTIFY_1("B.8", MANDATORY, "Session-level Advise",
            "Advise(NULL entry id, any mask, sink) on a logged-on handle returns S_OK and a non-zero connection; the"
                    + " registration always covers critical errors."),
    /** Advise parameter errors. */
    NOTIFY_2("B.8", MANDATORY, "Advise parameter errors",
            "Advise with a NULL sink or an empty entry id returns MAPI_E_INVALID_PARAMETER and registers nothing."),
    /** Object-level Advise. */
    NOTIFY_3("B.8", MANDATORY, "Object-level Advise",
            "Advise with a malformed or unknown entry id, or for objects without notifications, fails with"
                    + " MAPI_E_INVALID_ENTRYID, MAPI_E_UNKNOWN_ENTRYID or MAPI_E_NO_SUPPORT and registers nothing."),
    /** Connection numbers. */
    NOTIFY_4("B.8", MANDATORY, "Connection numbers",
            "Connection numbers are non-zero, unique among the handle's registrations and never reused by it."),
    /** Advise holds a sink reference. */
    NOTIFY_5("B.8", MANDATORY, "Advise holds a sink reference",
            "A successful Advise adds one reference to the sink; Unadvise releases it exactly once, not before an"
                    + " OnNotify already running has returned."),
    /** Nothing reaches a sink after Unadvise. */
    NOTIFY_6("B.8", MANDATORY, "Nothing reaches a sink after Unadvise",
            "Unadvise of an active registration returns S_OK; after it returns no new OnNotify reaches the sink."),
    /** Unadvise of an unknown connection. */
    NOTIFY_7("B.8", MANDATORY, "Unadvise of an unknown connection",
            "Unadvise with 0, an unknown number, another handle's number or an already cancelled number returns"
                    + " MAPI_E_NOT_FOUND and has no effect."),
    /** Advise and Unadvise after Logoff. */
    NOTIFY_9("B.8", MANDATORY, "Advise and Unadvise after Logoff",
            "Advise and Unadvise on a logged-off or invalidated handle return MAPI_E_INVALID_OBJECT."),

    // Decisions 9 to 11: callbacks
    /** Callbacks may call back. */
    CALLBACK_1("decision 9", MANDATORY, "Callbacks may call back",
            "A logoff confirmation and an advise sink's OnNotify may call Logoff, Release, Unadvise, MAPILogonEx and"
                    + " MAPIUninitialize on any object, their own session included, while other threads log off and"
                    + " on; every combination ends (a hang fails the rule with every thread's stack), with the"
                    + " results the rules give for the state at that moment."),
    /** Faults in user code. */
    CALLBACK_2("decision 10", MANDATORY, "A callback that throws does not stop the operation",
            "A confirmation that throws (an Error included) is a declined confirmation (MAPI_E_CALL_FAILED, nothing"
                    + " changed); a sink that throws (an Error included) counts as delivered: the other sinks are"
                    + " notified, the operation completes and nothing escapes to the caller."),
    /** MAPIUninitialize and calls in flight. */
    CALLBACK_3("decision 11", MANDATORY, "The last MAPIUninitialize and calls in flight",
            "The last MAPIUninitialize returns only after every call that started before it returned, and may be"
                    + " called from a callback; a second MAPI_LOGOFF_SHARED during a shared logoff's delivery logs"
                    + " its handle off and notifies nobody again."),

    // B.9 Fast shutdown
    /** IMAPIClientShutdown through QueryInterface. */
    FAST_1("B.9", DESTRUCTIVE, "IMAPIClientShutdown through QueryInterface",
            "QueryInterface(IID_IMAPIClientShutdown) on a logged-on handle returns S_OK and the interface if the"
                    + " provider supports fast shutdown, else MAPI_E_INTERFACE_NOT_SUPPORTED and NULL."),
    /** QueryFastShutdown follows the policy. */
    FAST_2("B.9", DESTRUCTIVE, "QueryFastShutdown follows the policy",
            "QueryFastShutdown returns S_OK or MAPI_E_NO_SUPPORT according to the policy (2: always"
                    + " MAPI_E_NO_SUPPORT) and changes no state.",
            FAST_SHUTDOWN),
    /** NotifyProcessShutdown succeeds. */
    FAST_3("B.9", DESTRUCTIVE, "NotifyProcessShutdown succeeds",
            "NotifyProcessShutdown always returns S_OK and leaves the session usable.",
            FAST_SHUTDOWN),
    /** DoFastShutdown follows the policy. */
    FAST_4("B.9", DESTRUCTIVE, "DoFastShutdown follows the policy",
            "DoFastShutdown returns S_OK if the policy permits fast shutdown, else MAPI_E_NO_SUPPORT and nothing"
                    + " changes; calling it without QueryFastShutdown is answered by the same policy.",
            FAST_SHUTDOWN),
    /** After DoFastShutdown the instance is terminated. */
    FAST_5("B.9", DESTRUCTIVE, "After DoFastShutdown the instance is terminated",
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

    Rule(String section, RuleKind kind, String title, String requirement, ProviderCapability... capabilities) {
        this.id = name().replace('_', '-');
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

    /** @return where the published specification states the rule ({@link Specification#link(String)}) */
    public String link() {
        return Specification.link(id);
    }

    /** @return a short title */
    public String title() {
        return title;
    }

    /** @return the rule in our words */
    public String requirement() {
        return requirement;
    }

    /**
     * @return whether the verdict needs this rule to have run and passed (spec decision 12): every kind
     *     but {@link RuleKind#OPTIONAL}
     */
    public boolean mandatory() {
        return kind != RuleKind.OPTIONAL;
    }

    /**
     * @return {@code "required"} for a {@linkplain #mandatory() mandatory} rule, {@code "optional"}
     *     otherwise: the first word of the rule's test name
     */
    public String requirementLevel() {
        return mandatory() ? "required" : "optional";
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
     * The ID as it appears in the name of the test method that checks this rule (after the requirement
     * level): the ID with {@code -} replaced by {@code _}, for example {@code LOGOFF_FLAGS_2}.
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
