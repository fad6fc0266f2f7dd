package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.Out;

/**
 * Windows without a MAPI client: a library that answers as the system's MAPI stub (and Wine's
 * mapi32.dll) do when no MAPI client is installed, MAPIInitialize with MAPI_E_NOT_INITIALIZED and
 * MAPILogonEx with MAPI_E_CALL_FAILED, makes the provider unavailable with a reason a user acts on.
 */
class NoMapiClientTest {

    private static final String STUB = "#include <stdint.h>\n"
            + "int32_t MAPIInitialize(void *init) { (void)init; return (int32_t)0x80040605; }\n"
            + "void MAPIUninitialize(void) { }\n"
            + "int32_t MAPILogonEx(uintptr_t ui, char *p, char *w, uint32_t f, void **s) {\n"
            + "  (void)ui; (void)p; (void)w; (void)f; if (s) *s = 0; return (int32_t)0x80004005; }\n"
            + "uint32_t MAPIFreeBuffer(void *b) { (void)b; return 0; }\n";

    @Test
    void aStubWithoutAMapiClientIsUnavailableSayingWhatToInstall() throws Exception {
        Path library = buildLibrary("libmapistub.so", STUB);
        NativeProvider provider = ProviderWithLibrary.create(library.toString());
        Availability availability = provider.availability();
        assertFalse(availability.available());
        assertEquals("the MAPI library '" + library + "' (" + library + ") is only the system's MAPI stub: its"
                + " MAPIInitialize answered MAPI_E_NOT_INITIALIZED (0x80040605), which means that no MAPI client"
                + " such as classic Outlook is installed, or that the installed one is not " + (Abi.POINTER_SIZE * 8)
                + "-bit like this JVM. Install a MAPI client (classic Outlook; the new Outlook for Windows has no"
                + " MAPI) of this JVM's bitness and make it the default mail client, or run a JVM of the installed"
                + " client's bitness.", availability.reason());
        assertEquals(MAPI_E_CALL_FAILED, provider.initialize(null));
        assertEquals(MAPI_E_NOT_INITIALIZED, provider.logon(0, null, null, 0, new Out<>()));
    }

    private static Path buildLibrary(String name, String code) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Paths.get("target", "test-native").toAbsolutePath());
        Path source = dir.resolve(name + ".c");
        Files.writeString(source, code);
        Path library = dir.resolve(name);
        Process gcc = new ProcessBuilder("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-o",
                library.toString(), source.toString()).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes());
        assertEquals(0, gcc.waitFor(), output);
        return library;
    }
}
