package org.mapi4j.tck.broken;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.mapi4j.tck.broken.callback.Callback1ConfirmationUnderLock;
import org.mapi4j.tck.broken.callback.Callback2ConfirmationErrorEscapes;
import org.mapi4j.tck.broken.callback.Callback3UninitializeDoesNotWait;
import org.mapi4j.tck.broken.child.Child1StoreStaysValid;
import org.mapi4j.tck.broken.child.Child1TableQueryInterfaceAfterLogoff;
import org.mapi4j.tck.broken.fast.Fast1NoClientShutdown;
import org.mapi4j.tck.broken.fast.Fast2Policy2AllowsQuery;
import org.mapi4j.tck.broken.fast.Fast3Policy2NotifyFails;
import org.mapi4j.tck.broken.fast.Fast4NeedsQueryFirst;
import org.mapi4j.tck.broken.fast.Fast5ReinitializeAfterShutdown;
import org.mapi4j.tck.broken.general.Gen3AnyInterfaceIsTheSession;
import org.mapi4j.tck.broken.general.Gen3FlagsBeforeState;
import org.mapi4j.tck.broken.general.Gen3NullEntryIdCompared;
import org.mapi4j.tck.broken.general.Gen3ProfileSectionUidUnchecked;
import org.mapi4j.tck.broken.general.Gen3QueryRowsZeroAnswersEmpty;
import org.mapi4j.tck.broken.general.Gen4RejectionLeaksReference;
import org.mapi4j.tck.broken.general.Gen5NullOutThrows;
import org.mapi4j.tck.broken.general.Gen5UnadviseZeroAsserts;
import org.mapi4j.tck.broken.general.Gen5UnadviseZeroThrows;
import org.mapi4j.tck.broken.init.Init10WrongCode;
import org.mapi4j.tck.broken.init.Init11NoReinitialize;
import org.mapi4j.tck.broken.init.Init1NullRejected;
import org.mapi4j.tck.broken.init.Init2NtServiceRejected;
import org.mapi4j.tck.broken.init.Init3VersionIgnored;
import org.mapi4j.tck.broken.init.Init4ReservedFlagAccepted;
import org.mapi4j.tck.broken.init.Init5NestedSFalse;
import org.mapi4j.tck.broken.init.Init6FailedNestedCounts;
import org.mapi4j.tck.broken.init.Init7AnyUninitializeInvalidates;
import org.mapi4j.tck.broken.init.Init8ForgetsOlderSessions;
import org.mapi4j.tck.broken.init.Init8SinksNotReleased;
import org.mapi4j.tck.broken.init.Init9UnbalancedThrows;
import org.mapi4j.tck.broken.logoff.Logoff1SinksReleasedLate;
import org.mapi4j.tck.broken.logoff.Logoff2EndsOtherSessions;
import org.mapi4j.tck.broken.logoff.Logoff3FailureKeepsSession;
import org.mapi4j.tck.broken.logoff.Logoff4ExtendedToEverySink;
import org.mapi4j.tck.broken.logoff.Logoff5RacingLogoffsBothWin;
import org.mapi4j.tck.broken.logoff.LogoffFlags1SharedUiRejected;
import org.mapi4j.tck.broken.logoff.LogoffFlags2Bit16Ignored;
import org.mapi4j.tck.broken.logoff.LogoffReserved1NegativeIgnored;
import org.mapi4j.tck.broken.logoff.LogoffReserved2ReservedFirst;
import org.mapi4j.tck.broken.logoff.LogoffUi1AcceptedStaysLoggedOn;
import org.mapi4j.tck.broken.logoff.LogoffUi2DeclineIgnored;
import org.mapi4j.tck.broken.logoff.LogoffUi3ThrowIsCancel;
import org.mapi4j.tck.broken.logoff.LogoffUiParam1HookWithoutUi;
import org.mapi4j.tck.broken.logon.Logon10NegativeUiParamRejected;
import org.mapi4j.tck.broken.logon.Logon1Flag0x80Accepted;
import org.mapi4j.tck.broken.logon.Logon2PasswordIgnored;
import org.mapi4j.tck.broken.logon.Logon2ProfileCutAtNul;
import org.mapi4j.tck.broken.logon.Logon2SixtyFourCharactersRefused;
import org.mapi4j.tck.broken.logon.Logon3JoinerSeesNoStores;
import org.mapi4j.tck.broken.logon.Logon4ExplicitProfileWins;
import org.mapi4j.tck.broken.logon.Logon5EveryNewSessionPublished;
import org.mapi4j.tck.broken.logon.Logon6AddRefConstant;
import org.mapi4j.tck.broken.logon.Logon9FailedLogonLeavesHandle;
import org.mapi4j.tck.broken.notify.Notify1NewMailMaskRejected;
import org.mapi4j.tck.broken.notify.Notify2EmptyEntryIdIsNull;
import org.mapi4j.tck.broken.notify.Notify3BadEntryIdAccepted;
import org.mapi4j.tck.broken.notify.Notify4NumbersReused;
import org.mapi4j.tck.broken.notify.Notify5DoubleRelease;
import org.mapi4j.tck.broken.notify.Notify6DeliversAfterUnadvise;
import org.mapi4j.tck.broken.notify.Notify7UnadviseZeroOk;
import org.mapi4j.tck.broken.notify.Notify9CancelledNotFound;
import org.mapi4j.tck.broken.postlogoff.PostLogoff1StatusTableNoSupport;
import org.mapi4j.tck.broken.postlogoff.PostLogoff2ReleaseCountWrong;
import org.mapi4j.tck.broken.postlogoff.PostLogoff3AddRefDead;
import org.mapi4j.tck.broken.postlogoff.PostLogoff4QiNotSupported;
import org.mapi4j.tck.broken.postlogoff.PostLogoff6DestroyedAddRefRevives;
import org.mapi4j.tck.broken.release.Rel1SinksNotReleased;
import org.mapi4j.tck.broken.shared.Shared2NeedsNewSession;
import org.mapi4j.tck.broken.shared.Shared3PlainLogoffNotifies;
import org.mapi4j.tck.broken.shared.Shared4IndividualSharedLogoffNotifies;
import org.mapi4j.tck.broken.shared.Shared5NotifiedTwice;
import org.mapi4j.tck.broken.shared.Shared8RejectIgnored;
import org.mapi4j.tck.Rule;

/**
 * Every deliberately broken provider, listed here by hand (no class-path scanning): the TCK's proof
 * that it can fail each rule. A new breakage is a new class in its rule group's package and a new line
 * in {@link #RULE_BREAKAGES}.
 */
public final class Breakages {

    /** Nothing broken: the wrapper itself must conform. */
    public static final Breakage UNBROKEN = new Unbroken();

    /** No shared sessions at all (not a rule's breakage). */
    public static final Breakage NO_SHARED_SESSIONS = new NoSharedSessions();

    /** One deliberately broken provider per line, each breaking exactly one rule, in catalogue order. */
    public static final List<Breakage> RULE_BREAKAGES = List.of(
            new Gen3FlagsBeforeState(),
            new Gen3NullEntryIdCompared(),
            new Gen3AnyInterfaceIsTheSession(),
            new Gen3ProfileSectionUidUnchecked(),
            new Gen3QueryRowsZeroAnswersEmpty(),
            new Gen4RejectionLeaksReference(),
            new Gen5NullOutThrows(),
            new Gen5UnadviseZeroThrows(),
            new Gen5UnadviseZeroAsserts(),
            new Init1NullRejected(),
            new Init2NtServiceRejected(),
            new Init3VersionIgnored(),
            new Init4ReservedFlagAccepted(),
            new Init5NestedSFalse(),
            new Init6FailedNestedCounts(),
            new Init7AnyUninitializeInvalidates(),
            new Init8SinksNotReleased(),
            new Init8ForgetsOlderSessions(),
            new Init9UnbalancedThrows(),
            new Init10WrongCode(),
            new Init11NoReinitialize(),
            new Logon1Flag0x80Accepted(),
            new Logon2PasswordIgnored(),
            new Logon2ProfileCutAtNul(),
            new Logon2SixtyFourCharactersRefused(),
            new Logon3JoinerSeesNoStores(),
            new Logon4ExplicitProfileWins(),
            new Logon5EveryNewSessionPublished(),
            new Logon6AddRefConstant(),
            new Logon9FailedLogonLeavesHandle(),
            new Logon10NegativeUiParamRejected(),
            new LogoffFlags1SharedUiRejected(),
            new LogoffFlags2Bit16Ignored(),
            new LogoffReserved1NegativeIgnored(),
            new LogoffReserved2ReservedFirst(),
            new LogoffUiParam1HookWithoutUi(),
            new LogoffUi1AcceptedStaysLoggedOn(),
            new LogoffUi2DeclineIgnored(),
            new LogoffUi3ThrowIsCancel(),
            new Logoff1SinksReleasedLate(),
            new Logoff2EndsOtherSessions(),
            new Logoff3FailureKeepsSession(),
            new Logoff4ExtendedToEverySink(),
            new Logoff5RacingLogoffsBothWin(),
            new PostLogoff1StatusTableNoSupport(),
            new PostLogoff2ReleaseCountWrong(),
            new PostLogoff3AddRefDead(),
            new PostLogoff4QiNotSupported(),
            new PostLogoff6DestroyedAddRefRevives(),
            new Child1TableQueryInterfaceAfterLogoff(),
            new Child1StoreStaysValid(),
            new Rel1SinksNotReleased(),
            new Shared2NeedsNewSession(),
            new Shared3PlainLogoffNotifies(),
            new Shared4IndividualSharedLogoffNotifies(),
            new Shared5NotifiedTwice(),
            new Shared8RejectIgnored(),
            new Notify1NewMailMaskRejected(),
            new Notify2EmptyEntryIdIsNull(),
            new Notify3BadEntryIdAccepted(),
            new Notify4NumbersReused(),
            new Notify5DoubleRelease(),
            new Notify6DeliversAfterUnadvise(),
            new Notify7UnadviseZeroOk(),
            new Notify9CancelledNotFound(),
            new Callback1ConfirmationUnderLock(),
            new Callback2ConfirmationErrorEscapes(),
            new Callback3UninitializeDoesNotWait(),
            new Fast1NoClientShutdown(),
            new Fast2Policy2AllowsQuery(),
            new Fast3Policy2NotifyFails(),
            new Fast4NeedsQueryFirst(),
            new Fast5ReinitializeAfterShutdown());

    private Breakages() {
    }

    /** @return every breakage, the two that break no single rule first */
    static Stream<Breakage> all() {
        return Stream.concat(Stream.of(UNBROKEN, NO_SHARED_SESSIONS), RULE_BREAKAGES.stream());
    }

    /**
     * @param name a breakage's {@linkplain Breakage#name() name}
     * @return the breakage
     * @throws IllegalArgumentException if none has that name
     */
    static Breakage byName(String name) {
        return all().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no breakage named " + name));
    }

    /** @return the rules with at least one breakage */
    static Set<Rule> covered() {
        Set<Rule> rules = new TreeSet<>();
        RULE_BREAKAGES.forEach(b -> rules.add(b.rule()));
        return rules;
    }
}
