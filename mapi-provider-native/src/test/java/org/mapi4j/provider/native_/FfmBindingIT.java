package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiProvider;
import org.slf4j.LoggerFactory;

/**
 * Run only by the {@code tests-on-ffm} execution (the packaged jar on a JDK 22+ with
 * {@code -Dmapi4j.native.binding=ffm}): proves that the tests beside it ran on the FFM binding, not
 * on JNA, and that the FFM binding needs no JNA at run time.
 */
class FfmBindingIT extends ReferenceLibraryFixture {

    @Test
    void theProviderRunsOnTheFfmBinding() {
        assertTrue(Runtime.version().feature() >= BindingChoice.FFM_JDK, "run on JDK " + Runtime.version());
        assertEquals("ffm", System.getProperty(BindingChoice.PROPERTY));
        assertEquals("FFM", Abi.B.name(), "the JNA binding answered: " + Abi.B.description());
        String reason = provider.availability().reason();
        assertTrue(reason.contains("through the FFM binding"), reason);
        assertFalse(NativeProvider.class.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith("/"),
                "the provider must come from the multi-release jar, not a class directory");
    }

    @Test
    void aSessionCycleOnFfmLeavesNothingAlive() {
        initialize();
        assertHr(HResult.S_OK, logon(LOGON_DEFAULT).logoff(0, 0, 0));
        provider.uninitialize();
        // the fixture checks: nothing held by the provider, no sink, MAPI4J_LiveObjectCount() == 0
    }

    /** Without JNA on the class path the provider is available on FFM, with the reference library. */
    @Test
    void withoutJnaTheFfmBindingStillLoadsTheLibrary() throws Exception {
        URL[] withoutJna = {location(NativeProvider.class), location(HResult.class), location(LoggerFactory.class),
            referenceLibraryJar()};
        try (URLClassLoader loader = new URLClassLoader(withoutJna, ClassLoader.getPlatformClassLoader())) {
            Class<?> jna;
            try {
                jna = loader.loadClass("com.sun.jna.Pointer");
            } catch (ClassNotFoundException expected) {
                jna = null;
            }
            assertEquals(null, jna, "JNA must not be on this class path");
            Object other = loader.loadClass(NativeProvider.class.getName()).getConstructor().newInstance();
            Class<?> spi = loader.loadClass(MapiProvider.class.getName());
            Object availability = spi.getMethod("availability").invoke(other);
            Class<?> record = loader.loadClass(Availability.class.getName());
            String reason = (String) record.getMethod("reason").invoke(availability);
            assertEquals(true, record.getMethod("available").invoke(availability), reason);
            assertTrue(reason.contains("FFM"), reason);
        }
    }

    private static URL referenceLibraryJar() {
        URL resource = FfmBindingIT.class.getClassLoader().getResource(FfmLibrariesNames.RESOURCE);
        assertTrue(resource != null && "jar".equals(resource.getProtocol()), "reference library: " + resource);
        String spec = resource.getPath();
        try {
            return new URL(spec.substring(0, spec.indexOf("!/")));
        } catch (java.net.MalformedURLException e) {
            throw new AssertionError(e);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** The reference library's resource for this platform, as the FFM binding looks it up. */
    private static final class FfmLibrariesNames {
        static final String RESOURCE = platformPrefix() + "/" + System.mapLibraryName("mapi32");

        private static String platformPrefix() {
            String arch = System.getProperty("os.arch");
            return "linux-" + ("amd64".equals(arch) ? "x86-64" : arch);
        }
    }
}
