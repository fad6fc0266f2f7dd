package org.mapi4j.provider.native_;

import java.util.List;

/**
 * The exported functions the native provider binds from every MAPI library (spec A.5), in the
 * order {@link NativeBinding#load} checks them: the one list, which the tests check against
 * {@link MapiLibrary} and against the export tables of the reference library on every platform
 * and of an independent {@code mapi32.dll} (Wine's). The reference library's {@code MAPI4J_*}
 * controls ({@code ReferenceControl}) are not part of it: real MAPI has none.
 *
 * <p>On 32-bit Windows the functions are stdcall and bound under their decorated names,
 * {@code name@bytes}, where {@code bytes} is what the arguments take on the stack, as JNA's
 * {@code StdCallFunctionMapper} computes it: 4 per {@code ULONG} and per pointer (ABI-3). The
 * system's MAPI stub exports both spellings; the decorated one is bound because it also checks the
 * argument list.
 */
final class MapiExports {

    private MapiExports() {
    }

    /**
     * One exported function.
     *
     * @param name its undecorated name
     * @param stdcallArgumentBytes the stack bytes of its arguments on 32-bit Windows
     */
    record Export(String name, int stdcallArgumentBytes) {

        /** @return the 32-bit Windows spelling, {@code name@bytes} */
        String decorated() {
            return name + "@" + stdcallArgumentBytes;
        }

        /**
         * @param stdcall whether the platform is 32-bit Windows
         * @return the name bound there
         */
        String exportName(boolean stdcall) {
            return stdcall ? decorated() : name;
        }
    }

    /** What every MAPI library must export for the provider. */
    static final List<Export> REQUIRED = List.of(
            new Export("MAPIInitialize", 4),
            new Export("MAPIUninitialize", 0),
            new Export("MAPILogonEx", 20),
            new Export("MAPIFreeBuffer", 4));

    /**
     * @param function an undecorated function name
     * @return its export, or {@code null} when the provider does not bind it from every MAPI
     */
    static Export find(String function) {
        for (Export e : REQUIRED) {
            if (e.name().equals(function)) {
                return e;
            }
        }
        return null;
    }
}
