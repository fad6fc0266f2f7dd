package org.mapi4j.provider.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapi4j.spi.HandleState;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.PropTags;
import org.mapi4j.spi.PropValue;

/** Spec B.3: MAPILogonEx (LOGON-1 to LOGON-10). */
class LogonTest {

    private static final String P64 = "p".repeat(64);
    private static final String EMOJI32 = "\uD83D\uDE00".repeat(32); // 64 UTF-16 code units

    private final Fx fx = new Fx(InMemoryProvider.builder()
            .profile("Default", "Personal Folders")
            .profile("Work", "Mailbox", "Archive")
            .profile(P64, "Long")
            .profile(EMOJI32, "Smile")
            .defaultProfile("Default").build());

    @AfterEach
    void tearDown() {
        fx.close();
    }

    static IntStream undefinedLogonBits() {
        return IntStream.range(0, 32).map(bit -> 1 << bit).filter(bit -> (bit & 0x8033B07F) == 0);
    }

    private int logon(String profile, String password, int flags, Out<MapiSessionHandle> out) {
        return fx.provider.logon(0, profile, password, flags, out);
    }

    private void assertNothingCreated(Out<MapiSessionHandle> out) {
        assertNull(out.get());
        assertEquals(0, fx.provider.liveSessionCount());
        assertEquals(1, fx.provider.initCount());
    }

    private static List<String> storeNames(MapiSessionHandle handle) {
        Out<MapiTable> table = new Out<>();
        assertEquals(Hr.S_OK, handle.getMsgStoresTable(0, table));
        Out<List<List<PropValue>>> rows = new Out<>();
        assertEquals(Hr.S_OK, table.get().queryRows(100, 0, rows));
        table.get().release();
        return rows.get().stream().map(row -> (String) row.stream()
                .filter(p -> p.tag() == PropTags.PR_DISPLAY_NAME).findFirst().orElseThrow().value()).toList();
    }

    @ParameterizedTest(name = "bit 0x{0}")
    @MethodSource("undefinedLogonBits")
    @DisplayName("LOGON-1: each bit outside 0x8033B07F -> MAPI_E_UNKNOWN_FLAGS (0x80040106), nothing created")
    void LOGON_1_eachUndefinedBitRejected(int bit) {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(0x80040106, logon("Default", null, bit | Hr.NEW_SESSION, out));
        assertEquals(0x80040106, logon("p".repeat(65), "pw", bit | Hr.LOGON_UI | Hr.PASSWORD_UI, out),
                "flags are checked before the other parameters (GEN-3)");
        assertNothingCreated(out);
    }

    @Test
    @DisplayName("LOGON-2: MAPI_LOGON_UI with MAPI_PASSWORD_UI -> MAPI_E_LOGON_FAILED (0x80040111)")
    void LOGON_2_bothUiFlags() {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(0x80040111, logon("Default", null, Hr.LOGON_UI | Hr.PASSWORD_UI | Hr.NEW_SESSION, out));
        assertNothingCreated(out);
        assertEquals(Hr.S_OK, logon("Default", null, Hr.PASSWORD_UI | Hr.NEW_SESSION, out), "PASSWORD_UI alone is fine");
    }

    @Test
    @DisplayName("LOGON-2: profile names of 64 UTF-16 units are accepted, 65 are MAPI_E_LOGON_FAILED")
    void LOGON_2_profileNameLength() {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(Hr.S_OK, logon(P64, null, Hr.NEW_SESSION, out));
        assertEquals(List.of("Long"), storeNames(out.get()));
        assertEquals(Hr.S_OK, logon(EMOJI32, null, Hr.NEW_SESSION, out));
        assertEquals(List.of("Smile"), storeNames(out.get()));
        assertEquals(2, fx.provider.liveSessionCount());
        Out<MapiSessionHandle> failed = new Out<>();
        assertEquals(0x80040111, logon(P64 + "p", null, Hr.NEW_SESSION, failed));
        assertEquals(0x80040111, logon(EMOJI32 + "x", null, Hr.NEW_SESSION, failed));
        assertNull(failed.get());
        assertEquals(2, fx.provider.liveSessionCount());
    }

    @ParameterizedTest(name = "password ''{0}''")
    @ValueSource(strings = {"", "secret", "p"})
    @DisplayName("LOGON-2: a non-null password -> MAPI_E_LOGON_FAILED")
    void LOGON_2_passwordRejected(String password) {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(0x80040111, logon("Default", password, Hr.NEW_SESSION, out));
        assertNothingCreated(out);
    }

    @Test
    @DisplayName("LOGON-3: without NEW_SESSION a published session is joined with a new handle; profile ignored")
    void LOGON_3_joinPublishedSession() {
        InMemorySessionHandle owner = fx.publish();
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(0x00000000, logon("Work", null, Hr.EXTENDED | Hr.ALLOW_OTHERS | Hr.NO_MAIL, out));
        InMemorySessionHandle joiner = (InMemorySessionHandle) out.get();
        assertNotSame(owner, joiner);
        assertEquals(owner.session(), joiner.session());
        assertEquals(List.of("Personal Folders"), storeNames(joiner), "the published session's profile, not Work");
        assertTrue(joiner.noMail(), "MAPI_NO_MAIL applies to the joiner");
        assertFalse(owner.noMail(), "... and only to the joiner");
        assertEquals(Hr.S_OK, logon("No such profile", null, 0, out), "an unknown name is ignored when joining");
        assertEquals(owner.session(), ((InMemorySessionHandle) out.get()).session());
    }

    @Test
    @DisplayName("LOGON-4: profile choice for a new session")
    void LOGON_4_profileChoice() {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(Hr.S_OK, logon("Work", null, Hr.NEW_SESSION, out));
        assertEquals(List.of("Mailbox", "Archive"), storeNames(out.get()));
        assertEquals(Hr.S_OK, logon("", null, Hr.NEW_SESSION | Hr.USE_DEFAULT | Hr.EXPLICIT_PROFILE, out));
        assertEquals(List.of("Personal Folders"), storeNames(out.get()));
        assertEquals(Hr.S_OK, logon(null, null, Hr.USE_DEFAULT, out), "nothing published: a new session");
        int live = fx.provider.liveSessionCount();
        Out<MapiSessionHandle> failed = new Out<>();
        assertEquals(0x80040111, logon("Nope", null, Hr.NEW_SESSION, failed), "unknown profile");
        assertEquals(0x80040111, logon(null, null, Hr.NEW_SESSION, failed), "no name, no UI, no USE_DEFAULT");
        assertEquals(0x80040111, logon("", null, Hr.NEW_SESSION | Hr.LOGON_UI, failed), "headless: no dialog");
        assertNull(failed.get());
        assertEquals(live, fx.provider.liveSessionCount());
    }

    @Test
    @DisplayName("LOGON-4: USE_DEFAULT without a configured default profile -> MAPI_E_LOGON_FAILED")
    void LOGON_4_noDefaultProfile() {
        try (Fx noDefault = new Fx(InMemoryProvider.builder().profile("Only", "Store").build())) {
            Out<MapiSessionHandle> out = new Out<>();
            assertEquals(0x80040111, noDefault.provider.logon(0, null, null, Hr.USE_DEFAULT | Hr.NEW_SESSION, out));
            assertNull(out.get());
            assertEquals(Hr.S_OK, noDefault.provider.logon(0, "Only", null, Hr.NEW_SESSION, out));
        }
    }

    @Test
    @DisplayName("LOGON-5: published iff ALLOW_OTHERS and nothing is published (the first publisher keeps the slot)")
    void LOGON_5_publishing() {
        InMemorySessionHandle individual = fx.individual();
        InMemorySessionHandle first = fx.publish();
        InMemorySessionHandle second = fx.publish();
        assertNotSame(first.session(), second.session());
        assertEquals(first.session(), fx.join().session());
        assertFalse(second.session().isShared(), "the newcomer is individual");
        assertFalse(individual.session().isShared());
        assertTrue(first.session().isShared());
    }

    @Test
    @DisplayName("LOGON-6: every successful logon returns a distinct LOGGED_ON handle with reference count 1")
    void LOGON_6_distinctHandles() {
        InMemorySessionHandle a = fx.individual();
        InMemorySessionHandle b = fx.individual();
        InMemorySessionHandle owner = fx.publish();
        InMemorySessionHandle joiner = fx.join();
        for (InMemorySessionHandle handle : List.of(a, b, owner, joiner)) {
            assertEquals(HandleState.LOGGED_ON, handle.handleState());
            assertEquals(1, handle.references());
        }
        assertNotSame(a, b);
        assertNotSame(owner, joiner);
        assertNotSame(a.session(), b.session());
    }

    @ParameterizedTest(name = "flag 0x{0}")
    @ValueSource(ints = {0x20, 0x1000, 0x2000, 0x10000, 0x200000, 0x4, 0x80000000, 0x100000, 0x8000,
            0x20 | 0x1000 | 0x2000 | 0x10000 | 0x200000 | 0x4 | 0x80000000})
    @DisplayName("LOGON-8: the no-op flags are accepted")
    void LOGON_8_noOpFlagsAccepted(int flag) {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(Hr.S_OK, logon("Default", null, Hr.NEW_SESSION | flag, out));
        assertEquals(HandleState.LOGGED_ON, ((InMemorySessionHandle) out.get()).handleState());
        assertEquals((flag & 0x8000) != 0, ((InMemorySessionHandle) out.get()).noMail());
    }

    @Test
    @DisplayName("LOGON-9: a failed logon returns no handle, publishes nothing and changes no count")
    void LOGON_9_failureAtomicity() {
        Out<MapiSessionHandle> out = new Out<>();
        out.set(fx.individual());
        int live = fx.provider.liveSessionCount();
        assertEquals(0x80040111, logon("Nope", null, Hr.NEW_SESSION | Hr.ALLOW_OTHERS, out));
        assertNull(out.get(), "out-parameter cleared");
        assertEquals(0x80040111, logon(null, null, Hr.ALLOW_OTHERS, out), "nothing was published to join");
        assertEquals(0x80040111, logon("Default", "pw", Hr.NEW_SESSION | Hr.ALLOW_OTHERS, out));
        assertEquals(0x80040111, logon(null, null, 0, out), "still nothing published");
        assertEquals(live, fx.provider.liveSessionCount());
        assertEquals(1, fx.provider.initCount());
    }

    @ParameterizedTest(name = "uiParam {0}")
    @ValueSource(longs = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFFFFFFL})
    @DisplayName("LOGON-10: uiParam is never validated")
    void LOGON_10_uiParamNeverValidated(long uiParam) {
        Out<MapiSessionHandle> out = new Out<>();
        assertEquals(Hr.S_OK, fx.provider.logon(uiParam, "Default", null, Hr.NEW_SESSION, out));
        assertEquals(Hr.S_OK, fx.provider.logon(uiParam, null, null, Hr.USE_DEFAULT | Hr.LOGON_UI, out));
    }
}
