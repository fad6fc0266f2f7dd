package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What -Dmapi4j.native.binding chooses, and the reasons when it cannot be honoured. */
class BindingChoiceTest {

    @Test
    void aBadValueIsTheReasonNamingTheProperty() {
        NativeBinding.Unavailable e = assertThrows(NativeBinding.Unavailable.class, () -> BindingChoice.make("jni"));
        assertTrue(e.getMessage().contains("mapi4j.native.binding is 'jni'"), e.getMessage());
        assertTrue(e.getMessage().contains("'ffm'") && e.getMessage().contains("'jna'"), e.getMessage());
    }

    @Test
    void jnaCanBeForcedOnEveryJdk() throws NativeBinding.Unavailable {
        assertEquals("JNA", BindingChoice.make("jna").name());
        assertEquals("JNA", BindingChoice.make(" JNA ").name());
    }

    @Test
    void ffmIsRefusedBeforeJdk22AndChosenFromTheJarAfter() throws NativeBinding.Unavailable {
        if (Runtime.version().feature() < BindingChoice.FFM_JDK) {
            NativeBinding.Unavailable e = assertThrows(NativeBinding.Unavailable.class, () -> BindingChoice.make("ffm"));
            assertTrue(e.getMessage().contains("needs JDK 22 or later"), e.getMessage());
            assertEquals("JNA", BindingChoice.make(null).name(), "the default before JDK 22");
        } else {
            // Only the packaged multi-release jar has the FFM classes (the tests-on-ffm execution).
            String location = BindingChoice.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            String expected = location.endsWith(".jar") ? "FFM" : "JNA";
            assertEquals(expected, BindingChoice.make(null).name(), "the default on JDK 22+ from " + location);
        }
    }

    @Test
    void thisJvmLogsOneBindingAndKeepsIt() {
        assertTrue(Binding.current() == Binding.current());
        assertEquals(Abi.B, Binding.current());
    }
}
