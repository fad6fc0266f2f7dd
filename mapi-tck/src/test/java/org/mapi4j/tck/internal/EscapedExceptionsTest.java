package org.mapi4j.tck.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mapi4j.tck.Rule;

/**
 * Which SPI call an exception escaped from: the frame just below the TCK's own code, where the
 * TCK's own code is every package of it but the broken providers of its self-test (rules, fixture,
 * run, cli, internal).
 */
class EscapedExceptionsTest {

    private static final String PROVIDER = "org.mapi4j.provider.inmemory.InMemoryProvider";

    private static RuntimeException thrownAt(StackTraceElement... frames) {
        RuntimeException e = new IllegalStateException("boom");
        e.setStackTrace(frames);
        return e;
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }

    @Test
    void aCallMadeThroughTheFixtureIsNamedAfterTheSpiMethod() {
        RuntimeException e = thrownAt(frame(PROVIDER, "logon"),
                frame("org.mapi4j.tck.fixture.TckInstance", "logon"),
                frame("org.mapi4j.tck.fixture.TckFixture", "logon"),
                frame("org.mapi4j.tck.rules.LogonRules", "required_LOGON_1_unknownFlags"));
        assertEquals("MapiProvider.logon", EscapedExceptions.escapedCall(e));
        Throwable translated = EscapedExceptions.translate(e, Rule.LOGON_1);
        assertTrue(translated.getMessage().startsWith("GEN-5: MapiProvider.logon threw java.lang.IllegalStateException: boom"),
                translated.getMessage());
    }

    @Test
    void anExceptionOfTheFixtureItselfIsLeftAlone() {
        RuntimeException e = thrownAt(frame("org.mapi4j.tck.fixture.Verifier", "bounded"),
                frame("org.mapi4j.tck.rules.CallbackRules", "required_CALLBACK_1_confirmation"));
        assertNull(EscapedExceptions.escapedCall(e));
        assertSame(e, EscapedExceptions.translate(e, Rule.CALLBACK_1));
    }

    @Test
    void aBrokenProviderOfTheSelfTestCountsAsAProvider() {
        RuntimeException e = thrownAt(frame("org.mapi4j.tck.broken.DelegatingSession", "unadvise"),
                frame("org.mapi4j.tck.rules.NotifyRules", "required_NOTIFY_7_unadvise"));
        assertEquals("MapiSessionHandle.unadvise", EscapedExceptions.escapedCall(e));
    }

    @Test
    void anAssertionErrorAProviderThrewIsGen5AndTheTcksOwnFailuresAreLeftAlone() {
        AssertionError providers = new AssertionError("invariant");
        providers.setStackTrace(new StackTraceElement[] {frame(PROVIDER, "logon"),
                frame("org.mapi4j.tck.rules.LogonRules", "required_LOGON_1_unknownFlags")});
        assertTrue(EscapedExceptions.translate(providers, Rule.LOGON_1).getMessage()
                .startsWith("GEN-5: MapiProvider.logon threw java.lang.AssertionError: invariant"));
        assertTrue(!EscapedExceptions.raisedByTck(providers));

        AssertionError tcks = new AssertionError("LOGON-1: expected");
        tcks.setStackTrace(new StackTraceElement[] {frame("org.mapi4j.tck.fixture.Verifier", "failure"),
                frame("org.mapi4j.tck.rules.LogonRules", "required_LOGON_1_unknownFlags")});
        assertSame(tcks, EscapedExceptions.translate(tcks, Rule.LOGON_1));
        assertTrue(EscapedExceptions.raisedByTck(tcks));

        AssertionError junits = new AssertionError("expected: <1> but was: <2>");
        junits.setStackTrace(new StackTraceElement[] {frame("org.junit.jupiter.api.AssertionUtils", "fail"),
                frame("org.junit.jupiter.api.Assertions", "assertEquals"),
                frame("org.mapi4j.tck.rules.LogonRules", "required_LOGON_1_unknownFlags")});
        assertSame(junits, EscapedExceptions.translate(junits, Rule.LOGON_1));
    }
}
