package org.mapi4j.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mapi4j.spi.HResult.MAPI_E_INVALID_OBJECT;
import static org.mapi4j.spi.HResult.S_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.IntOut;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.MapiTable;
import org.mapi4j.spi.Out;

/**
 * Races at scale (LOGOFF-5): 64 threads on one handle, each making calls, one
 * {@code Logoff(0,0,0)}, and more calls. In every round exactly one Logoff returns {@code S_OK} and
 * the other 63 {@code MAPI_E_INVALID_OBJECT}; every other call returns {@code S_OK} (it started
 * before the winning Logoff took effect) or {@code MAPI_E_INVALID_OBJECT} (after), and nothing else:
 * no {@code MAPI_E_NOT_FOUND} for an Unadvise that lost to Logoff, no leak, no crash. 100 rounds by
 * default, 2,000 with {@code -Dmapi4j.soak.full=true}.
 */
class HandleRaceTest {

    private static final int THREADS = 64;

    /** One call a thread made and what it returned. */
    record Call(String what, int hr) {
    }

    @ParameterizedTest
    @MethodSource("org.mapi4j.bench.soak.Subject#all")
    void exactlyOneLogoffWinsAndEveryOtherCallIsOkOrInvalidObject(Subject subject) throws InterruptedException {
        int rounds = Size.of(100, 2_000);
        try (Rig rig = Rig.open(subject); Crowd crowd = new Crowd(THREADS)) {
            for (int round = 0; round < rounds; round++) {
                MapiSessionHandle session = Rig.logon(rig.provider(), Rig.NEW_SESSION);
                Out<byte[]> identity = new Out<>();
                assertEquals(S_OK, session.queryIdentity(identity));
                byte[] id = identity.get();
                List<List<Call>> reports = crowd.round(i -> calls(session, id, i));
                check(subject, round, reports);
                assertEquals(MAPI_E_INVALID_OBJECT, session.queryIdentity(new Out<>()), "after the race");
                assertEquals(0, session.release(), "final Release after the race");
                rig.assertNothingAlive("after round " + round);
            }
        }
    }

    // Thread i: one call of kind i % 4 before its Logoff and one after, so calls start on both sides of it.
    private static Callable<List<Call>> calls(MapiSessionHandle session, byte[] id, int thread) {
        return () -> {
            List<Call> calls = new ArrayList<>();
            call(session, id, thread, calls);
            calls.add(new Call("Logoff", session.logoff(0, 0, 0)));
            call(session, id, thread + 1, calls);
            return calls;
        };
    }

    private static void call(MapiSessionHandle session, byte[] id, int kind, List<Call> calls) {
        switch (kind % 4) {
            case 0 -> calls.add(new Call("QueryIdentity", session.queryIdentity(new Out<>())));
            case 1 -> calls.add(new Call("CompareEntryIDs", session.compareEntryIDs(id, id, 0, new IntOut())));
            case 2 -> {
                LongOut connection = new LongOut();
                int hr = session.advise(null, MapiConstants.FNEV_CRITICAL_ERROR, new CountingSink(), connection);
                calls.add(new Call("Advise", hr));
                if (hr == S_OK) {
                    calls.add(new Call("Unadvise", session.unadvise(connection.get())));
                }
            }
            default -> {
                Out<MapiTable> table = new Out<>();
                int hr = session.getMsgStoresTable(0, table);
                calls.add(new Call("GetMsgStoresTable", hr));
                if (table.get() != null) {
                    table.get().release(); // Release works in every state (CHILD-1)
                }
            }
        }
    }

    private static void check(Subject subject, int round, List<List<Call>> reports) {
        int winners = 0;
        for (int thread = 0; thread < reports.size(); thread++) {
            for (Call call : reports.get(thread)) {
                if (call.what().equals("Logoff") && call.hr() == S_OK) {
                    winners++;
                } else if (call.hr() != MAPI_E_INVALID_OBJECT && (call.what().equals("Logoff") || call.hr() != S_OK)) {
                    Assertions.fail(subject + " round " + round + ", thread " + thread + ": " + call.what()
                            + " returned " + HResult.describe(call.hr()) + "; all calls of that thread: " + reports.get(thread));
                }
            }
        }
        assertEquals(1, winners, subject + " round " + round + ": Logoff S_OK count");
    }
}
