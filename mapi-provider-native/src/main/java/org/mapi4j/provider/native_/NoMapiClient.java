package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_NOT_INITIALIZED;

import java.io.File;
import org.mapi4j.spi.HResult;

/**
 * Windows without a MAPI client. {@code mapi32.dll} is on every Windows machine: it is the
 * system's MAPI stub, which forwards to the MAPI of the installed mail client. So finding and
 * loading it says nothing about whether MAPI works. With no MAPI client installed (or only one of
 * the other bitness, which the stub cannot load), the stub answers {@code MAPIInitialize} with
 * {@code MAPI_E_NOT_INITIALIZED} and {@code MAPILogonEx} with {@code MAPI_E_CALL_FAILED}; Wine's
 * own {@code mapi32.dll} answers the same way. This class turns that answer into what the user can
 * do about it.
 */
final class NoMapiClient {

    private NoMapiClient() {
    }

    /**
     * @param hr what the library's {@code MAPIInitialize} returned
     * @return whether it is the stub's answer when no usable MAPI client is installed
     */
    static boolean isStubAnswer(int hr) {
        return hr == MAPI_E_NOT_INITIALIZED;
    }

    /**
     * The reason the provider reports when {@link #isStubAnswer} is true.
     *
     * @param libraryName the library name or path the provider was given
     * @param file the file that was loaded
     * @param jvmBits 32 or 64
     * @return the reason, naming the cause and what to do
     */
    static String reason(String libraryName, File file, int jvmBits) {
        return "the MAPI library '" + libraryName + "' (" + file + ") is only the system's MAPI stub: its"
                + " MAPIInitialize answered " + HResult.describe(MAPI_E_NOT_INITIALIZED) + ", which means that no"
                + " MAPI client such as classic Outlook is installed, or that the installed one is not " + jvmBits
                + "-bit like this JVM. Install a MAPI client (classic Outlook; the new Outlook for Windows has no"
                + " MAPI) of this JVM's bitness and make it the default mail client, or run a JVM of the installed"
                + " client's bitness.";
    }
}
