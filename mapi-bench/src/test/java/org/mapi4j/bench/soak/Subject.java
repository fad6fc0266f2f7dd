package org.mapi4j.bench.soak;

import com.sun.jna.Platform;
import java.util.ArrayList;
import java.util.List;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.provider.native_.NativeProvider;
import org.mapi4j.spi.MapiProvider;

/**
 * A provider the soak, fuzz and race tests run against. The in-memory provider always; the native
 * provider over the reference library wherever {@code mapi-native-reference} builds it (Linux), and
 * there it must be available: a native provider that silently dropped out would make these tests
 * prove nothing about it.
 */
enum Subject {

    /** {@link InMemoryProvider}: a fresh instance per provider asked for. */
    INMEMORY {
        @Override
        MapiProvider newProvider() {
            return new InMemoryProvider();
        }
    },

    /** {@link NativeProvider} over the reference library {@code libmapi32.so} from the class path. */
    NATIVE {
        @Override
        MapiProvider newProvider() {
            return new NativeProvider();
        }
    };

    /** @return a new provider instance (for the native provider: one more share of the process's MAPI) */
    abstract MapiProvider newProvider();

    /** @return the subjects to run here: JUnit's method source for every test of this package */
    static List<Subject> all() {
        List<Subject> subjects = new ArrayList<>(List.of(INMEMORY));
        // The reference library is built only on Linux (mapi-native-reference's native-linux profile).
        if (Platform.isLinux()) {
            subjects.add(NATIVE);
        }
        return subjects;
    }
}
