package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/** The per-thread argument memory: stack discipline, the fallback for big arguments, and its use by the session. */
class ScratchTest extends ReferenceLibraryFixture {

    @Test
    void nestedPlacementsDoNotOverlapAndResetFreesOnlyTheInnerOnes() {
        Scratch scratch = Scratch.get();
        int outer = scratch.mark();
        long a = scratch.bytes(new byte[] {1, 2, 3});
        int inner = scratch.mark(); // a call re-entered from a callback on the same thread
        long b = scratch.pointerOut();
        assertNotEquals(a, b);
        assertEquals(0L, Abi.B.getLong(b));
        scratch.reset(inner);
        assertArrayEquals(new byte[] {1, 2, 3}, Abi.bytes(a, 3), "the outer call's argument is intact");
        long c = scratch.ulongOut();
        assertEquals(b, c, "the inner call's memory is reused");
        scratch.reset(outer);
        assertEquals(outer, scratch.mark());
    }

    @Test
    void whatDoesNotFitGetsMemoryOfItsOwn() {
        Scratch scratch = Scratch.get();
        int mark = scratch.mark();
        byte[] big = new byte[Scratch.SIZE + 1];
        Arrays.fill(big, (byte) 7);
        long p = scratch.bytes(big);
        assertEquals(1, scratch.overflowBlocks(), "held until the reset");
        assertArrayEquals(big, Abi.bytes(p, big.length));
        assertEquals(mark, scratch.mark());
        assertEquals(0L, scratch.bytes(new byte[0]));
        assertEquals(0L, scratch.guid(null));
        assertEquals("ab", Abi.readUtf16(scratch.utf16("ab")));
        assertEquals("ab", Abi.readAnsi(scratch.ansi("ab")));
        scratch.reset(mark);
        assertEquals(0, scratch.overflowBlocks(), "given up by the reset below its mark");
    }

    @Test
    void compareEntryIdsWithIdentifiersTooBigForTheScratchAndUnequalOnes() {
        initialize();
        MapiSessionHandle session = logon(LOGON_DEFAULT);
        Out<byte[]> id = new Out<>();
        assertHr(S_OK, session.queryIdentity(id));
        byte[] copy = id.get().clone();
        IntOut result = new IntOut();
        assertHr(S_OK, session.compareEntryIDs(id.get(), copy, 0, result));
        assertEquals(1, result.get());
        byte[] big = Arrays.copyOf(id.get(), Scratch.SIZE * 2);
        int hr = session.compareEntryIDs(big, big, 0, result); // the library decides; nothing may break
        if (hr == S_OK) {
            assertEquals(0, result.get() & ~1);
        }
        assertEquals(0, Scratch.get().mark(), "every call gave its scratch memory back");
        assertHr(S_OK, session.logoff(0, 0, 0));
        assertEquals(0, session.release());
        provider.uninitialize();
    }

    @Test
    void sessionsShareTheirVtablesSlotsAndTheLastUninitializeForgetsThem() {
        initialize();
        MapiSessionHandle first = logon(LOGON_DEFAULT);
        MapiSessionHandle second = logon(LOGON_DEFAULT);
        long vtbl = Abi.B.getAddress(((NativeSession) first).com().pointer());
        assertEquals(vtbl, Abi.B.getAddress(((NativeSession) second).com().pointer()));
        assertEquals(provider.vtables().slots(vtbl, 3), provider.vtables().slots(vtbl, 3));
        for (MapiSessionHandle s : new MapiSessionHandle[] {first, second}) {
            assertHr(S_OK, s.logoff(0, 0, 0));
            assertEquals(0, s.release());
        }
        var before = provider.vtables().slots(vtbl, 3);
        provider.uninitialize();
        assertNotEquals(before, provider.vtables().slots(vtbl, 3));
    }
}
