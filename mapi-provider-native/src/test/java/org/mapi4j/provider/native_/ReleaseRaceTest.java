package org.mapi4j.provider.native_;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;

/**
 * No call reaches a released native object: threads call QueryIdentity while another thread
 * gives up the last reference (or logs off). Every call answers S_OK or MAPI_E_INVALID_OBJECT, and
 * the library frees everything exactly once (the fixture checks the live count).
 */
class ReleaseRaceTest extends ReferenceLibraryFixture {

    private static final int ROUNDS = 150;
    private static final int CALLERS = 4;

    @Test
    void queryIdentityRacingTheFinalRelease() throws Exception {
        initialize();
        Set<Integer> results = race(session -> assertEquals(0, session.release()));
        assertTrue(Set.of(S_OK, MAPI_E_INVALID_OBJECT).containsAll(results), results.toString());
        assertTrue(results.contains(MAPI_E_INVALID_OBJECT), "every caller ran until the handle was gone");
        provider.uninitialize();
    }

    @Test
    void logoff5QueryIdentityRacingLogoff() throws Exception {
        initialize();
        List<MapiSessionHandle> loggedOff = new ArrayList<>();
        Set<Integer> results = race(session -> {
            assertEquals(S_OK, session.logoff(0, 0, 0));
            loggedOff.add(session);
        });
        assertTrue(Set.of(S_OK, MAPI_E_INVALID_OBJECT).containsAll(results), results.toString());
        for (MapiSessionHandle session : loggedOff) {
            assertEquals(0, session.release());
        }
        provider.uninitialize();
    }

    /** Per round: a session, CALLERS threads calling QueryIdentity until refused, and the action racing them. */
    private Set<Integer> race(java.util.function.Consumer<MapiSessionHandle> action) throws Exception {
        Set<Integer> results = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        for (int round = 0; round < ROUNDS; round++) {
            MapiSessionHandle session = logon(LOGON_DEFAULT);
            CyclicBarrier start = new CyclicBarrier(CALLERS + 1);
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                callers.add(new Thread(() -> {
                    CallGateTest.await(start);
                    for (;;) {
                        int hr = session.queryIdentity(new Out<>());
                        calls.incrementAndGet();
                        results.add(hr);
                        if (hr != S_OK) {
                            return;
                        }
                    }
                }));
            }
            callers.forEach(Thread::start);
            CallGateTest.await(start);
            action.accept(session);
            for (Thread caller : callers) {
                caller.join();
            }
        }
        assertTrue(calls.get() >= ROUNDS * CALLERS);
        return results;
    }
}
