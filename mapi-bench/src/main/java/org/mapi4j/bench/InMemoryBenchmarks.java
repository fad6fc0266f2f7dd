package org.mapi4j.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The in-memory provider's session lifecycle, and the compare-and-set that is its floor. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class InMemoryBenchmarks {

    static final int NEW_SESSION = MapiConstants.MAPI_USE_DEFAULT | MapiConstants.MAPI_NEW_SESSION
            | MapiConstants.MAPI_EXTENDED;

    private InMemoryProvider provider;
    private final Out<MapiSessionHandle> handle = new Out<>();
    private MapiSessionHandle loggedOff;
    private final AtomicInteger stateWord = new AtomicInteger();

    @Setup(Level.Trial)
    public void initialize() {
        provider = new InMemoryProvider();
        provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        provider.initialize(null);
        provider.logon(0, null, null, NEW_SESSION, handle);
        loggedOff = handle.get();
        loggedOff.logoff(0, 0, 0);
    }

    @TearDown(Level.Trial)
    public void uninitialize() {
        loggedOff.release();
        provider.uninitialize();
    }

    /** MAPILogonEx + Logoff + Release: a whole session. */
    @Benchmark
    public int logonLogoffRelease() {
        provider.logon(0, null, null, NEW_SESSION, handle);
        MapiSessionHandle session = handle.get();
        int hr = session.logoff(0, 0, 0);
        return hr + session.release();
    }

    /** A session logged on before, and released after, each measured call. */
    @State(Scope.Thread)
    public static class FreshSession {
        private final InMemoryProvider provider = new InMemoryProvider();
        private final Out<MapiSessionHandle> handle = new Out<>();
        MapiSessionHandle session;

        @Setup(Level.Trial)
        public void initialize() {
            provider.initialize(null);
        }

        @TearDown(Level.Trial)
        public void uninitialize() {
            provider.uninitialize();
        }

        @Setup(Level.Invocation)
        public void logOn() {
            provider.logon(0, null, null, NEW_SESSION, handle);
            session = handle.get();
        }

        @TearDown(Level.Invocation)
        public void release() {
            session.release();
        }
    }

    /** Logoff alone, on a session logged on outside the measurement. */
    @Benchmark
    public int logoffAlone(FreshSession fresh) {
        return fresh.session.logoff(0, 0, 0);
    }

    /** A call after Logoff: MAPI_E_INVALID_OBJECT, one volatile read, no allocation. */
    @Benchmark
    public int rejectedAfterLogoff() {
        return loggedOff.logoff(0, 0, 0);
    }

    /** The floor: one compare-and-set on a state word (and its reset). */
    @Benchmark
    public boolean casFloor() {
        boolean won = stateWord.compareAndSet(0, 1);
        stateWord.set(0);
        return won;
    }
}
