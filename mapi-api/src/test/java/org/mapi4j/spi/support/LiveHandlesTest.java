package org.mapi4j.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.HandleState;

/**
 * The provider's list of live handles ({@link LiveHandles}): a handle leaves it by reaching a final
 * state, sweeps keep the list proportional to the live handles, concurrent logons lose nothing, and
 * the last MAPIUninitialize (INIT-8) finds exactly the handles still live.
 */
class LiveHandlesTest {

    private final MinimalProvider provider = new MinimalProvider();

    @BeforeEach
    void initialize() {
        assertEquals(S_OK, provider.initialize(null));
    }

    @Test
    @DisplayName("A handle counts as live until its Logoff or final Release; sweeps keep the list near what is live")
    void loggedOffHandlesLeaveAndSweepsBoundTheList() {
        List<MinimalProvider.Handle> kept = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            MinimalProvider.Handle handle = provider.logon();
            if (i % 100 == 0) {
                kept.add(handle);
            } else if (i % 2 == 0) {
                assertEquals(S_OK, handle.logoff(0, 0, 0));
            } else {
                assertEquals(0, handle.release()); // REL-1: logged off by its final Release
            }
        }
        assertEquals(100, provider.liveSessionCount());
        int linked = provider.linkedHandles();
        assertTrue(linked <= 100 + 2 * LiveHandles.SWEEP_MIN + 1, "linked: " + linked);
        provider.uninitialize();
        for (MinimalProvider.Handle handle : kept) {
            assertEquals(HandleState.INVALIDATED, handle.handleState(), "the last MAPIUninitialize reached it");
        }
        assertEquals(0, provider.liveSessionCount());
    }

    @Test
    @DisplayName("INIT-8: handles logged on by racing threads are all invalidated by the last MAPIUninitialize")
    void concurrentLogonsLoseNothing() throws InterruptedException {
        int threads = 4;
        int each = 5_000;
        List<List<MinimalProvider.Handle>> kept = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<MinimalProvider.Handle> mine = new ArrayList<>();
            kept.add(mine);
            workers.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    MinimalProvider.Handle handle = provider.logon();
                    if (i % 10 == 0) {
                        mine.add(handle);
                    } else {
                        handle.logoff(0, 0, 0);
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(threads * each / 10, provider.liveSessionCount());
        provider.uninitialize();
        for (List<MinimalProvider.Handle> mine : kept) {
            for (MinimalProvider.Handle handle : mine) {
                assertEquals(HandleState.INVALIDATED, handle.handleState());
            }
        }
    }

    @Test
    @DisplayName("Session ids are assigned on first use: each handle keeps one, no two handles share one")
    void idsAreStableAndUnique() {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            MinimalProvider.Handle handle = provider.logon();
            long id = handle.id();
            assertNotEquals(0, id);
            assertEquals(id, handle.id(), "stable");
            assertTrue(ids.add(id), "unique: " + id);
            assertEquals(handle.hashCode(), handle.hashCode());
            handle.release();
        }
    }
}
