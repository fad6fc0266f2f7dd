package org.mapi4j.provider.native_;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;
import org.mapi4j.provider.native_.reference.ReferenceControl;

/**
 * The reference library's test controls ({@link ReferenceControl}, a JNA interface) for a library
 * the FFM binding loaded: bound through JNA to the same file, so that both see one loaded copy and
 * one MAPI state. Only tests and tools use them; without JNA on the class path there are none, and
 * the provider itself works the same (it calls the controls it needs through its own binding).
 */
final class JnaReferenceControl {

    /** {@code dlopen} flags: RTLD_LAZY, RTLD_LOCAL, as {@link JnaBinding} loads. */
    private static final int RTLD_LAZY = 1;

    private JnaReferenceControl() {
    }

    /**
     * @param absolutePath the file the FFM binding loaded
     * @return the controls, or {@code null} where JNA is not on the class path or cannot start
     */
    static Object load(String absolutePath) {
        try {
            Class.forName("com.sun.jna.Native", false, JnaReferenceControl.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        try {
            return Native.load(absolutePath, ReferenceControl.class, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY));
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }
}
