package org.mapi4j.bench;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiSessionHandle.Slot;

/**
 * The baseline of {@link NativeBenchmarks}: the same MAPI calls written by hand in raw JNA, as a
 * user would without mapi4j. Exports through {@link NativeLibrary#getFunction}, IMAPISession methods
 * through the vtable (slot {@code k} at {@code k * Native.POINTER_SIZE}) with {@code this} as the
 * first argument, each {@link Function} looked up once and cached. No guard, no state tracking, no
 * conversion of Java arrays: the entry identifier stays in native memory. Linux x86-64 and Win64
 * calling convention only (the default).
 */
final class RawJna implements AutoCloseable {

    private final Function logonEx;
    private final Function uninitialize;
    private final Function logoff;
    private final Function release;
    private final Function compareEntryIds;
    private final PointerByReference out = new PointerByReference();
    private final Pointer session;
    private final Memory entryId;
    private final int entryIdSize;
    private final Memory result = new Memory(4);

    /**
     * MAPIInitialize, a long-lived session for the repeatable call, its identity copied to native memory.
     *
     * @param libraryName the MAPI library, as JNA names it ({@code mapi32})
     */
    RawJna(String libraryName) {
        NativeLibrary library = NativeLibrary.getInstance(libraryName);
        logonEx = library.getFunction("MAPILogonEx");
        uninitialize = library.getFunction("MAPIUninitialize");
        check(library.getFunction("MAPIInitialize").invokeInt(new Object[] {Pointer.NULL}), "MAPIInitialize");
        session = logon();
        // The vtable is the library's static table: every session has the same one, so slots are cached once.
        Pointer vtable = session.getPointer(0);
        logoff = slot(vtable, Slot.LOGOFF);
        release = slot(vtable, Slot.RELEASE);
        compareEntryIds = slot(vtable, Slot.COMPARE_ENTRY_IDS);
        Memory size = new Memory(4);
        PointerByReference id = new PointerByReference();
        check(slot(vtable, Slot.QUERY_IDENTITY).invokeInt(new Object[] {session, size, id}), "QueryIdentity");
        entryIdSize = size.getInt(0);
        entryId = new Memory(entryIdSize);
        entryId.write(0, id.getValue().getByteArray(0, entryIdSize), 0, entryIdSize);
        library.getFunction("MAPIFreeBuffer").invokeInt(new Object[] {id.getValue()});
    }

    /** @return MAPILogonEx + Logoff + Release of a new session; {@code S_OK} plus the final count 0 */
    int cycle() {
        Pointer s = logon();
        int hr = logoff.invokeInt(new Object[] {s, Pointer.NULL, 0, 0});
        return hr + release.invokeInt(new Object[] {s});
    }

    /** @return CompareEntryIDs of the identity with itself: 1 */
    int compareEntryIds() {
        int hr = compareEntryIds.invokeInt(new Object[] {session, entryIdSize, entryId, entryIdSize, entryId, 0, result});
        return hr + result.getInt(0);
    }

    /** Logoff, Release, MAPIUninitialize. */
    @Override
    public void close() {
        logoff.invokeInt(new Object[] {session, Pointer.NULL, 0, 0});
        release.invokeInt(new Object[] {session});
        uninitialize.invokeVoid(new Object[0]);
    }

    private Pointer logon() {
        check(logonEx.invokeInt(new Object[] {Pointer.NULL, Pointer.NULL, Pointer.NULL, NativeBenchmarks.NEW_SESSION, out}),
                "MAPILogonEx");
        return out.getValue();
    }

    private static Function slot(Pointer vtable, int index) {
        return Function.getFunction(vtable.getPointer((long) index * Native.POINTER_SIZE));
    }

    private static void check(int hr, String what) {
        if (hr != HResult.S_OK) {
            throw new IllegalStateException(what + " returned " + HResult.describe(hr));
        }
    }
}
