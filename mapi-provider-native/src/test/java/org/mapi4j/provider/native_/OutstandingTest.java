package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The list of unreleased native objects without a lock on add and remove: counts, generations,
 * sweeps that keep it proportional to what is held, and the wait of the last MAPIUninitialize.
 * The objects are fake: a vtable pointer in malloc'd memory, to a vtable whose Release is the advise
 * sink's Release upcall, which answers 0 for objects it does not know; an object leaves the list by
 * its own {@link ComObject#release()}, as in the provider.
 */
class OutstandingTest {

    private final Outstanding outstanding = new Outstanding();
    private final VtableCache vtables = new VtableCache();
    private final List<Long> blocks = new ArrayList<>();

    // Shared by the tests: upcall stubs live until the process ends.
    private static final long VTABLE = harmlessVtable();

    private static long harmlessVtable() {
        long vtbl = Abi.B.malloc(3L * Abi.POINTER_SIZE);
        for (int slot = 0; slot < 3; slot++) {
            Abi.B.putAddress(vtbl + (long) slot * Abi.POINTER_SIZE, 0);
        }
        Abi.B.putAddress(vtbl + (long) ComObject.RELEASE * Abi.POINTER_SIZE,
                Abi.B.upcall(Binding.Upcall.SINK_RELEASE, "outstanding-test"));
        return vtbl;
    }

    private long fakeObject() {
        long self = Abi.B.malloc(Abi.POINTER_SIZE);
        Abi.B.putAddress(self, VTABLE);
        blocks.add(self);
        return self;
    }

    private ComObject fake(long generation) {
        return new ComObject(fakeObject(), 3, outstanding, vtables, generation);
    }

    @AfterEach
    void free() {
        blocks.forEach(Abi.B::free);
    }

    @Test
    void goneObjectsAreNotCountedAndSweepsKeepTheListProportionalToWhatIsHeld() {
        List<ComObject> held = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ComObject o = fake(1);
            if (i % 100 == 0) {
                held.add(o);
            } else {
                o.release();
                o.release(); // twice: nothing more
                assertTrue(o.isReleased());
            }
        }
        assertEquals(100, outstanding.size());
        assertEquals(100, outstanding.snapshot().size());
        assertTrue(outstanding.linked() <= 100 + 2 * Outstanding.SWEEP_MIN + 1, "linked: " + outstanding.linked());
        assertTrue(outstanding.snapshot().containsAll(held));
    }

    @Test
    void snapshotsAndTheWaitSeeOnlyTheGenerationsAsked() throws InterruptedException {
        ComObject old = fake(1);
        ComObject current = fake(2);
        assertEquals(List.of(old), outstanding.snapshot(1));
        CountDownLatch done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            outstanding.awaitReleased(1);
            done.countDown();
        });
        waiter.start();
        assertEquals(false, done.await(100, TimeUnit.MILLISECONDS), "returned while generation 1 is held");
        old.release();
        assertTrue(done.await(10, TimeUnit.SECONDS), "the wait did not see the removal");
        waiter.join();
        assertEquals(List.of(current), outstanding.snapshot());
        current.release();
        assertEquals(0, outstanding.size());
    }

    @Test
    void concurrentAddsAndRemovesLoseNothing() throws InterruptedException {
        int threads = 4;
        int each = 5_000;
        List<List<ComObject>> kept = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<ComObject> mine = new ArrayList<>();
            kept.add(mine);
            long[] selves = new long[each];
            for (int i = 0; i < each; i++) {
                selves[i] = fakeObject();
            }
            workers.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    ComObject o = new ComObject(selves[i], 3, outstanding, vtables, 1);
                    if (i % 10 == 0) {
                        mine.add(o);
                    } else {
                        o.release();
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        assertEquals(threads * each / 10, outstanding.size());
        for (List<ComObject> mine : kept) {
            assertTrue(outstanding.snapshot().containsAll(mine));
        }
    }
}
