package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.MapiProvider;
import org.slf4j.LoggerFactory;

/** Loading the provider class needs no JNA: without it the provider is unavailable, with the reason. */
class LoadsWithoutJnaTest {

    @Test
    void withoutJnaOnTheClassPathTheProviderLoadsAndIsUnavailable() throws Exception {
        URL[] withoutJna = {location(NativeProvider.class), location(HResult.class), location(LoggerFactory.class)};
        try (URLClassLoader loader = new URLClassLoader(withoutJna, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.sun.jna.Pointer"));
            Class<?> type = loader.loadClass(NativeProvider.class.getName());
            Object provider = type.getConstructor().newInstance();
            Class<?> spi = loader.loadClass(MapiProvider.class.getName());
            Object availability = spi.getMethod("availability").invoke(provider);
            Class<?> record = loader.loadClass(Availability.class.getName());
            assertEquals(false, record.getMethod("available").invoke(availability));
            String reason = (String) record.getMethod("reason").invoke(availability);
            assertTrue(reason.contains("net.java.dev.jna:jna"), reason);
            assertEquals(HResult.MAPI_E_CALL_FAILED,
                    spi.getMethod("initialize", loader.loadClass("org.mapi4j.spi.MapiInit")).invoke(provider, (Object) null));
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
