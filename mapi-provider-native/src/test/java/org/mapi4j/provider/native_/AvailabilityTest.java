package org.mapi4j.provider.native_;

import org.mapi4j.provider.native_.reference.ReferenceLibrary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.Out;

/** A provider over a library it cannot use says why, and never throws. */
class AvailabilityTest {

    @Test
    void theServiceLoaderFindsItByName() {
        List<String> names = ServiceLoader.load(MapiProvider.class).stream()
                .map(p -> p.get().name()).collect(Collectors.toList());
        assertTrue(names.contains(NativeProvider.NAME), names.toString());
        assertEquals(20, new NativeProvider().priority());
    }

    @Test
    void anAbsentLibraryNamedByThePropertyIsUnavailableWithAReason() {
        NativeProvider provider = ProviderWithLibrary.create("/nonexistent/libnope.so");
        Availability availability = provider.availability();
        assertFalse(availability.available());
        assertTrue(availability.reason().contains("/nonexistent/libnope.so"), availability.reason());
        assertTrue(availability.reason().contains(NativeProvider.LIBRARY_PROPERTY), availability.reason());
        assertTrue(availability.reason().contains("org.mapi4j:mapi-native-reference"), availability.reason());
        // Every operation answers instead of throwing.
        assertEquals(MAPI_E_CALL_FAILED, provider.initialize(null));
        assertEquals(MAPI_E_NOT_INITIALIZED, provider.logon(0, null, null, 0, new Out<>()));
        provider.uninitialize();
        assertTrue(provider.capabilities().isEmpty());
        assertTrue(ReferenceLibrary.control(provider).isEmpty());
    }

    @Test
    void theReasonNamesTheLibraryOnceAndKeepsJnasDetail() {
        Availability availability = new NativeProvider("mapi4j-no-such-library").availability();
        String reason = availability.reason();
        assertFalse(availability.available());
        assertEquals(1, reason.split("mapi4j-no-such-library'", -1).length - 1, reason);
        assertTrue(reason.startsWith("the MAPI library 'mapi4j-no-such-library' could not be loaded. JNA: "), reason);
        assertFalse(reason.contains("Unable to load library"), reason);
        assertFalse(reason.contains(".."), reason);
        assertFalse(reason.contains("\n"), reason);
        assertTrue(reason.contains(NativeProvider.LIBRARY_PROPERTY), reason);
    }

    @Test
    void jnasDetailLosesItsRepeatedFirstLineAndDuplicates() {
        assertEquals("libx.so: cannot open shared object file; Native library (linux-x86-64/libx.so) not found",
                NativeBinding.jnaDetail("Unable to load library 'x':\nlibx.so: cannot open shared object file\n"
                        + "libx.so: cannot open shared object file\nNative library (linux-x86-64/libx.so) not found.\n"));
    }

    @Test
    void aLibraryWithoutMapiExportsIsUnavailableNamingTheMissingExport() throws Exception {
        Path library = buildLibrary("libnomapi.so", "int not_mapi(void) { return 0; }\n");
        Availability availability = new NativeProvider(library.toString()).availability();
        assertFalse(availability.available());
        assertTrue(availability.reason().contains("does not export MAPIInitialize"), availability.reason());
    }

    @Test
    void aLibraryWithOnlyMAPIInitializeIsUnavailableNamingTheFirstMissingExport() throws Exception {
        Path library = buildLibrary("libonlyinit.so", "int MAPIInitialize(void *init) { (void)init; return 0; }\n");
        Availability availability = new NativeProvider(library.toString()).availability();
        assertFalse(availability.available());
        assertTrue(availability.reason().contains("does not export MAPIUninitialize"), availability.reason());
        assertTrue(availability.reason().contains(library.toString()), availability.reason());
    }

    @Test
    void abi7MapiThatCannotStartIsUnavailableWithTheBitnessHint() throws Exception {
        // What a JVM of the wrong bitness sees from the MAPI stub: MAPIInitialize fails with MAPI_E_CALL_FAILED.
        Path library = buildLibrary("libwrongbitness.so", "int MAPIInitialize(void *i) { (void)i; return (int)0x80004005; }\n"
                + "void MAPIUninitialize(void) { }\n"
                + "int MAPILogonEx(void *u, char *p, char *w, unsigned f, void **s) { (void)u; (void)p; (void)w;"
                + " (void)f; (void)s; return (int)0x80004005; }\n"
                + "unsigned MAPIFreeBuffer(void *b) { (void)b; return 0; }\n");
        NativeProvider provider = new NativeProvider(library.toString());
        Availability availability = provider.availability();
        assertFalse(availability.available());
        assertTrue(availability.reason().contains("MAPI_E_CALL_FAILED"), availability.reason());
        assertTrue(availability.reason().contains("bitness"), availability.reason());
        assertEquals(MAPI_E_CALL_FAILED, provider.initialize(null));
    }

    @Test
    void abi7WrongBitnessMessagesAreRecognised() {
        assertTrue(NativeBinding.looksLikeWrongBitness("/x/libmapi32.so: wrong ELF class: ELFCLASS32"));
        assertTrue(NativeBinding.looksLikeWrongBitness("Can't load IA 32-bit .dll on a AMD 64-bit platform"));
        assertTrue(NativeBinding.looksLikeWrongBitness("%1 is not a valid Win32 application."));
        assertFalse(NativeBinding.looksLikeWrongBitness("libnope.so: cannot open shared object file"));
    }

    @Test
    void abi3ExportNamesAreUndecoratedOffWin32() {
        String expected = Abi.STDCALL ? "MAPILogonEx@20" : "MAPILogonEx";
        assertEquals(expected, NativeBinding.exportName("MAPILogonEx"));
        assertEquals("MAPI4J_LiveObjectCount", NativeBinding.exportName("MAPI4J_LiveObjectCount"));
    }

    // A tiny .so in target/, built by the C compiler the reference library needs too.
    private static Path buildLibrary(String name, String code) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Paths.get("target", "test-native").toAbsolutePath());
        Path source = dir.resolve(name + ".c");
        Files.writeString(source, code);
        Path library = dir.resolve(name);
        Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", library.toString(), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes());
        assertEquals(0, gcc.waitFor(), output);
        return library;
    }
}
