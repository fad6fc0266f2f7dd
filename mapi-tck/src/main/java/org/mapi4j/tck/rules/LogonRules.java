package org.mapi4j.tck.rules;

import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;
import static org.mapi4j.spi.HResult.MAPI_E_UNKNOWN_FLAGS;
import static org.mapi4j.spi.HResult.S_OK;
import static org.mapi4j.spi.MapiConstants.MAPI_ALLOW_OTHERS;
import static org.mapi4j.spi.MapiConstants.MAPI_EXPLICIT_PROFILE;
import static org.mapi4j.spi.MapiConstants.MAPI_EXTENDED;
import static org.mapi4j.spi.MapiConstants.MAPI_LOGON_UI;
import static org.mapi4j.spi.MapiConstants.MAPI_NEW_SESSION;
import static org.mapi4j.spi.MapiConstants.MAPI_NO_MAIL;
import static org.mapi4j.spi.MapiConstants.MAPI_PASSWORD_UI;
import static org.mapi4j.spi.MapiConstants.MAPI_USE_DEFAULT;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.fixture.TckInstance;

/** Spec B.3: MAPILogonEx (LOGON-1 to LOGON-6, LOGON-9, LOGON-10). */
public interface LogonRules extends TckContext {

    /** A logon that must fail with {@code expected} and leave its out-parameter NULL. */
    private void expectLogonFails(int expected, long uiParam, String profile, String password, int flags) {
        Out<MapiSessionHandle> out = new Out<>();
        out.set(Sentinels.of(MapiSessionHandle.class));
        String call = "logon(" + uiParam + ", " + (profile == null ? "NULL" : "\"" + profile.replace("\u0000", "\\0")
                + "\"") + ", "
                + (password == null ? "NULL" : "<password>") + ", " + HResult.hex(flags) + ")";
        int hr = fx().instance().logon(uiParam, profile, password, flags, out);
        verify().expectHr(call, expected, hr);
        verify().check(out.get() == null, call + " failed but left a handle in its out-parameter");
    }

    private static String name(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + i % 26));
        }
        return sb.toString();
    }

    /**
     * A logon that should fail (which code is other rules' business): if it fails, its out-parameter
     * must be NULL. One that wrongly succeeds is closed and ignored here.
     */
    private void failedLogonLeavesNothing(String profile, String password, int flags) {
        Out<MapiSessionHandle> out = new Out<>();
        out.set(Sentinels.of(MapiSessionHandle.class));
        int hr = fx().instance().logon(0, profile, password, flags, out);
        if (HResult.succeeded(hr)) {
            if (out.get() != null) {
                fx().release(out.get());
            }
            return;
        }
        verify().check(out.get() == null, "logon(0, " + (profile == null ? "NULL" : "\"" + profile + "\"") + ", "
                + (password == null ? "NULL" : "<password>") + ", " + HResult.hex(flags) + ") failed with "
                + HResult.describe(hr) + " but left a handle in its out-parameter");
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGON_1}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGON-1")
    @DisplayName("required LOGON-1 MAPILogonEx with an undefined flag bit returns MAPI_E_UNKNOWN_FLAGS")
    default Stream<DynamicTest> required_LOGON_1_unknownLogonFlagsRejected() {
        List<DynamicTest> cases = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            int flag = 1 << bit;
            if ((flag & MapiConstants.MAPI_LOGON_VALID_MASK) == 0) {
                cases.add(tckCase("flag " + HResult.hex(flag), () -> {
                    fx().initialize();
                    expectLogonFails(MAPI_E_UNKNOWN_FLAGS, 0, null, null, TckInstance.NEW_SESSION_FLAGS | flag);
                    fx().uninitialize();
                }));
            }
        }
        cases.add(tckCase("every undefined bit at once", () -> {
            fx().initialize();
            expectLogonFails(MAPI_E_UNKNOWN_FLAGS, 0, null, null, ~MapiConstants.MAPI_LOGON_VALID_MASK);
            fx().uninitialize();
        }));
        return cases.stream();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGON_2}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGON-2")
    @DisplayName("required LOGON-2 MAPILogonEx parameter errors return MAPI_E_LOGON_FAILED")
    default Stream<DynamicTest> required_LOGON_2_parameterErrors() {
        int flags = TckInstance.NEW_SESSION_FLAGS;
        return Stream.of(
                tckCase("MAPI_LOGON_UI with MAPI_PASSWORD_UI", () -> {
                    fx().initialize();
                    expectLogonFails(MAPI_E_LOGON_FAILED, 0, null, null, flags | MAPI_LOGON_UI | MAPI_PASSWORD_UI);
                    fx().uninitialize();
                }),
                tckCase("profile name of 65 characters", () -> {
                    fx().initialize();
                    expectLogonFails(MAPI_E_LOGON_FAILED, 0, name(65), null, flags);
                    expectLogonFails(MAPI_E_LOGON_FAILED, 0, name(300), null, flags);
                    fx().uninitialize();
                }),
                tckCase("profile name of exactly 64 characters is no parameter error: it joins", () -> {
                    // A logon that joins ignores the profile name (LOGON-3), so only the length check can fail it.
                    fx().requireDestructive("MAPI_ALLOW_OTHERS");
                    fx().initialize();
                    MapiSessionHandle publisher = fx().instance().publish();
                    fx().close(fx().instance().join()); // joining at all is LOGON-3's
                    Out<MapiSessionHandle> out = new Out<>();
                    String call = "logon(0, a profile name of 64 characters, NULL, " + HResult.hex(TckInstance.JOIN_FLAGS)
                            + ") while a shared session is published";
                    int hr = fx().instance().logon(0, name(64), null, TckInstance.JOIN_FLAGS, out);
                    if (out.get() != null) {
                        fx().track(out.get());
                    }
                    verify().expectHr(call, S_OK, hr);
                    expectLogonFails(MAPI_E_LOGON_FAILED, 0, name(65), null, TckInstance.JOIN_FLAGS);
                    fx().close(out.get());
                    fx().close(publisher);
                    fx().uninitialize();
                }),
                tckCase("profile name with U+0000 is not cut at the NUL", () -> {
                    fx().initialize();
                    int explicit = MapiConstants.MAPI_EXTENDED | MapiConstants.MAPI_NO_MAIL | MapiConstants.MAPI_NEW_SESSION;
                    expectLogonFails(MAPI_E_LOGON_FAILED, 0, fx().settings().defaultProfileName() + "\u0000tck", null,
                            explicit);
                    expectLogonFails(MAPI_E_LOGON_FAILED, 0, "\u0000", null, explicit | MapiConstants.MAPI_USE_DEFAULT);
                    expectLogonFails(MAPI_E_LOGON_FAILED, 0, fx().settings().defaultProfileName() + "\u0000tck", null,
                            explicit | MapiConstants.MAPI_UNICODE);
                    fx().uninitialize();
                }),
                tckCase("non-null password", () -> {
                    fx().initialize();
                    expectLogonFails(MAPI_E_LOGON_FAILED, 0, null, "secret", flags);
                    expectLogonFails(MAPI_E_LOGON_FAILED, 0, null, "", flags);
                    MapiSessionHandle handle = fx().instance().logon(null, flags);
                    fx().close(handle);
                    fx().uninitialize();
                }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGON_3}, case by case.
     */
    @Test
    @Tag("LOGON-3")
    @DisplayName("required LOGON-3 Without MAPI_NEW_SESSION a logon joins the published shared session")
    default void required_LOGON_3_joinSharedSession() {
        fx().initialize();
        MapiSessionHandle publisher = fx().instance().publish();
        MapiSessionHandle joiner = fx().instance().join();
        MapiSessionHandle joiner2 = fx().instance().logon(fx().settings().unknownProfileName(),
                TckInstance.JOIN_FLAGS | MAPI_ALLOW_OTHERS);
        verify().check(joiner != publisher && joiner2 != publisher && joiner2 != joiner,
                "every logon that joins must return a new, distinct handle");
        probe().expectLoggedOn(joiner, "joining the shared session");
        List<String> publisherStores = Stores.names(fx(), publisher);
        List<String> joinerStores = Stores.names(fx(), joiner);
        verify().check(publisherStores == null || publisherStores.equals(joinerStores), "a handle that joined the"
                + " shared session (with an unknown profile name) must see its stores " + publisherStores
                + " but saw " + joinerStores);
        fx().close(joiner2);
        fx().close(joiner);
        fx().close(publisher);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGON_4}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGON-4")
    @DisplayName("required LOGON-4 Profile choice: named, default with MAPI_USE_DEFAULT, none fails")
    default Stream<DynamicTest> required_LOGON_4_profileChoice() {
        int base = MAPI_EXTENDED | MAPI_NO_MAIL | MAPI_NEW_SESSION;
        List<DynamicTest> cases = new ArrayList<>();
        for (String name : new String[] {null, ""}) {
            for (int extra : new int[] {0, MAPI_EXPLICIT_PROFILE}) {
                int flags = base | MAPI_USE_DEFAULT | extra;
                String label = (name == null ? "NULL" : "empty") + " name, flags " + HResult.hex(flags);
                cases.add(tckCase(label + " uses the default profile", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().instance().logon(name, flags);
                    List<String> expected = fx().settings().defaultProfileStores();
                    if (!expected.isEmpty()) {
                        List<String> stores = Stores.names(fx(), handle);
                        verify().check(stores == null || stores.equals(expected), label + " must log on to the default"
                                + " profile with stores " + expected + " but the stores are " + stores);
                    }
                    fx().close(handle);
                    fx().uninitialize();
                }));
                cases.add(tckCase((name == null ? "NULL" : "empty") + " name without"
                        + " MAPI_USE_DEFAULT, flags " + HResult.hex(base | extra) + ", fails", () -> {
                            fx().initialize();
                            expectLogonFails(MAPI_E_LOGON_FAILED, 0, name, null, base | extra);
                            fx().uninitialize();
                        }));
            }
        }
        cases.add(tckCase("the default profile by name", () -> {
            fx().initialize();
            fx().close(fx().instance().logon(fx().settings().defaultProfileName(), base));
            fx().uninitialize();
        }));
        cases.add(tckCase("another existing profile by name", () -> {
            fx().initialize();
            fx().close(fx().instance().logon(fx().settings().otherProfileName(), base));
            fx().uninitialize();
        }));
        cases.add(tckCase("an unknown profile fails, also with MAPI_USE_DEFAULT", () -> {
            fx().initialize();
            expectLogonFails(MAPI_E_LOGON_FAILED, 0, fx().settings().unknownProfileName(), null, base);
            expectLogonFails(MAPI_E_LOGON_FAILED, 0, fx().settings().unknownProfileName(), null,
                    base | MAPI_USE_DEFAULT);
            fx().uninitialize();
        }));
        return cases.stream();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGON_5}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGON-5")
    @DisplayName("required LOGON-5 Only MAPI_ALLOW_OTHERS publishes, and the first publisher keeps the slot")
    default Stream<DynamicTest> required_LOGON_5_publishing() {
        return Stream.of(
                tckCase("without MAPI_ALLOW_OTHERS nothing is published", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().logon();
                    verify().check(!fx().instance().published(), "a logon without MAPI_ALLOW_OTHERS published its session");
                    fx().close(handle);
                    fx().uninitialize();
                }),
                tckCase("MAPI_ALLOW_OTHERS publishes", () -> {
                    fx().initialize();
                    MapiSessionHandle handle = fx().instance().publish();
                    verify().check(fx().instance().published(), "a logon with MAPI_ALLOW_OTHERS did not publish its session");
                    fx().close(handle);
                    fx().uninitialize();
                }),
                tckCase("the first publisher keeps the slot", () -> {
                    fx().initialize();
                    MapiSessionHandle first = fx().instance().publish();
                    MapiSessionHandle second = fx().instance().publish();
                    fx().close(first);
                    verify().check(!fx().instance().published(), "a second MAPI_ALLOW_OTHERS session, created while one"
                            + " was published, must stay individual, but after the first ended a session was still"
                            + " published");
                    fx().close(second);
                    fx().uninitialize();
                }));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGON_6}, case by case.
     */
    @Test
    @Tag("LOGON-6")
    @DisplayName("required LOGON-6 Every logon returns a distinct, logged-on handle with one reference")
    default void required_LOGON_6_distinctHandles() {
        fx().initialize();
        MapiSessionHandle first = fx().logon();
        MapiSessionHandle second = fx().logon();
        verify().check(first != second, "two logons returned the same handle object");
        for (MapiSessionHandle handle : List.of(first, second)) {
            probe().expectLoggedOn(handle, "logon");
            int up = fx().addRef(handle);
            verify().check(up == 2, "addRef() on a new handle expected 2 (reference count 1 + 1) but was " + up);
            int down = fx().release(handle);
            verify().check(down == 1, "release() after one addRef() on a new handle expected 1 but was " + down);
        }
        fx().close(first);
        fx().close(second);
        fx().uninitialize();
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGON_9}, case by case.
     */
    @Test
    @Tag("LOGON-9")
    @DisplayName("required LOGON-9 A failed logon returns no handle, publishes nothing, changes no count")
    default void required_LOGON_9_failedLogonLeavesNothing() {
        fx().initialize();
        int publish = TckInstance.NEW_SESSION_FLAGS | MAPI_ALLOW_OTHERS;
        failedLogonLeavesNothing(fx().settings().unknownProfileName(), null, publish);
        failedLogonLeavesNothing(null, "secret", publish);
        failedLogonLeavesNothing(null, null, publish | 0x00000400);
        failedLogonLeavesNothing(null, null, publish | MAPI_LOGON_UI | MAPI_PASSWORD_UI);
        if (fx().destructiveAllowed()) {
            verify().check(!fx().instance().published(), "a failed logon with MAPI_ALLOW_OTHERS published a session");
        }
        fx().uninitialize();
        Out<MapiSessionHandle> out = new Out<>();
        int hr = fx().instance().logon(0, null, null, TckInstance.NEW_SESSION_FLAGS, out);
        if (hr == S_OK) {
            fx().release(out.get());
        }
        verify().check(!HResult.succeeded(hr), "failed logons changed the initialization count: after one"
                + " initialize() and one uninitialize() logon returned " + HResult.describe(hr) + " instead of "
                + HResult.describe(MAPI_E_NOT_INITIALIZED));
    }

    /**
     * Checks {@link org.mapi4j.tck.Rule#LOGON_10}, case by case.
     *
     * @return the rule's cases, each run with a fresh provider
     */
    @TestFactory
    @Tag("LOGON-10")
    @DisplayName("required LOGON-10 MAPILogonEx accepts any ulUIParam")
    default Stream<DynamicTest> required_LOGON_10_uiParamNotValidated() {
        return Stream.of(0L, 1L, -1L, 0xFFFFFFFFL, 0x1_0000_0000L, Long.MIN_VALUE, Long.MAX_VALUE)
                .map(ui -> tckCase("ulUIParam " + Long.toHexString(ui), () -> {
                    fx().initialize();
                    Out<MapiSessionHandle> out = new Out<>();
                    verify().expectHr("logon(0x" + Long.toHexString(ui) + ", NULL, NULL, "
                            + HResult.hex(TckInstance.NEW_SESSION_FLAGS) + ")", S_OK,
                            fx().instance().logon(ui, null, null, TckInstance.NEW_SESSION_FLAGS, out));
                    fx().close(out.get());
                    fx().uninitialize();
                }));
    }
}
