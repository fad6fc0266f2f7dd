package org.mapi4j.provider.native_;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The MAPI exports every MAPI implementation has (spec A.5). On 32-bit Windows they are stdcall
 * and resolved under their decorated names ({@link NativeBinding#exportName}); elsewhere
 * undecorated. {@code ULONG_PTR} is {@link Pointer} here (pointer-sized, ABI-4).
 *
 * <p>The provider calls them through its {@link Binding} with the same signatures
 * ({@code NativeBinding}'s shapes); this interface states them in JNA's terms, where the tests
 * check them against {@link MapiExports} and the stdcall stack sizes.
 */
interface MapiLibrary extends Library {

    /** Exported as {@code MAPIInitialize@4} on x86. */
    int MAPIInitialize(Pointer lpMapiInit);

    /** Exported as {@code MAPIUninitialize@0} on x86. */
    void MAPIUninitialize();

    /** Exported as {@code MAPILogonEx@20} on x86. The strings are {@code char *} or, with MAPI_UNICODE, UTF-16. */
    int MAPILogonEx(Pointer ulUIParam, Pointer lpszProfileName, Pointer lpszPassword, int flFlags,
            PointerByReference lppSession);

    /** Exported as {@code MAPIFreeBuffer@4} on x86. */
    int MAPIFreeBuffer(Pointer lpBuffer);
}
