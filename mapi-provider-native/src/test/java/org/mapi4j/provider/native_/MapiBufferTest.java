package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_PARAMETER;
import static org.mapi4j.spi.HResult.S_OK;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.junit.jupiter.api.Test;

/**
 * MAPIFreeBuffer of the reference library refuses, with MAPI_E_INVALID_PARAMETER, what MAPI did not
 * hand out or no longer owns, without reading that memory: a double free, a pointer into a buffer
 * (whatever the buffer holds) and another allocator's block. The sanitizer run of the native tests
 * (ASan preloaded into the JVM) is what proves "without reading".
 */
class MapiBufferTest extends ReferenceLibraryFixture {

    private Function function(String name) {
        // The library the provider loaded (same file, so the same loaded copy and the same MAPI state).
        return NativeLibrary.getInstance(provider.binding().file.getAbsolutePath()).getFunction(name);
    }

    private Pointer allocate(int size) {
        PointerByReference out = new PointerByReference();
        assertHr(S_OK, function("MAPIAllocateBuffer").invokeInt(new Object[] {size, out}));
        return out.getValue();
    }

    @Test
    void memoryDoubleFreeIsRefused() {
        Pointer p = allocate(24);
        assertHr(S_OK, provider.binding().freeBuffer(Pointer.nativeValue(p)));
        assertHr(MAPI_E_INVALID_PARAMETER, provider.binding().freeBuffer(Pointer.nativeValue(p)));
        assertEquals(0L, control.MAPI4J_LiveObjectCount().longValue());
    }

    @Test
    void memoryAPointerIntoABufferIsRefusedAndTheBufferKept() {
        Pointer p = allocate(256);
        for (int i = 0; i < 256; i += 4) {
            p.setInt(i, 0x4D415049); // "MAPI": whatever the caller wrote, it is not a header
        }
        for (int offset = 8; offset < 256; offset += 8) {
            assertHr(MAPI_E_INVALID_PARAMETER, provider.binding().freeBuffer(Pointer.nativeValue(p) + offset));
        }
        assertEquals(1L, control.MAPI4J_LiveObjectCount().longValue());
        assertHr(S_OK, provider.binding().freeBuffer(Pointer.nativeValue(p)));
    }

    @Test
    void memoryABlockMapiNeverAllocatedIsRefused() {
        Memory foreign = new Memory(8);
        assertHr(MAPI_E_INVALID_PARAMETER, provider.binding().freeBuffer(Pointer.nativeValue(foreign)));
        foreign.close();
    }
}
