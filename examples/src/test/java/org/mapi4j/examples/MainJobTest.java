package org.mapi4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.provider.native_.NativeProvider;
import org.mapi4j.spi.MapiProvider;

class MainJobTest {

    static Stream<MapiProvider> providers() {
        return Stream.of(new InMemoryProvider(), new NativeProvider());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void mainJobWalksTheLifecycleAndPrintsEachHresult(MapiProvider provider) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean ok = new MainJob(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(provider);
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();

        assertTrue(ok, () -> String.join("\n", lines));
        assertInOrder(lines,
                "MAPIInitialize(NULL) -> S_OK (0x00000000)",
                "MAPILogonEx(default profile) -> S_OK (0x00000000)",
                "QueryIdentity -> S_OK (0x00000000)",
                "GetMsgStoresTable -> S_OK (0x00000000)",
                "  store Personal Folders (default)",
                "Advise(NULL, fnevCriticalError) -> S_OK (0x00000000)",
                "  connection 1",
                "  confirmation asked for parent window 0x00001234: yes",
                "Logoff(parent window 0x00001234, MAPI_LOGOFF_UI, 0) -> S_OK (0x00000000)",
                "Release -> reference count 0",
                "MAPIUninitialize -> done",
                "main job OK");
    }

    @Test
    void mainJobReportsAFailingStepByItsHresultName() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        InMemoryProvider noDefaultProfile = InMemoryProvider.builder().profile("Only", "Store").build();
        boolean ok = new MainJob(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(noDefaultProfile);
        String text = buffer.toString(StandardCharsets.UTF_8);

        assertEquals(false, ok);
        assertTrue(text.contains("MAPILogonEx(default profile) -> MAPI_E_LOGON_FAILED (0x80040111)"), text);
        assertTrue(text.contains("MAPIUninitialize -> done"), text);
    }

    private static void assertInOrder(List<String> lines, String... expected) {
        int at = 0;
        for (String line : expected) {
            int found = lines.subList(at, lines.size()).indexOf(line);
            assertTrue(found >= 0, () -> "missing, or out of order: '" + line + "' in\n" + String.join("\n", lines));
            at += found + 1;
        }
    }
}
