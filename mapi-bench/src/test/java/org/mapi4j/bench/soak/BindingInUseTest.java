package org.mapi4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mapi4j.provider.native_.NativeProvider;

/**
 * The soak, fuzz and race tests beside this one ran on the binding the build asked for: FFM in the
 * {@code soak-on-ffm} execution ({@code -Dmapi4j.native.binding=ffm} on a JDK 22+), JNA otherwise.
 * Without this a JVM that silently fell back to JNA would pass the FFM run.
 */
class BindingInUseTest {

    @Test
    void theNativeProviderUsesTheBindingAskedFor() {
        NativeProvider provider = new NativeProvider();
        String reason = provider.availability().reason();
        assertTrue(provider.availability().available(), reason);
        String expected = "ffm".equals(System.getProperty("mapi4j.native.binding")) ? "through the FFM binding"
                : "through the JNA";
        assertTrue(reason.contains(expected), "expected '" + expected + "' in: " + reason);
    }
}
