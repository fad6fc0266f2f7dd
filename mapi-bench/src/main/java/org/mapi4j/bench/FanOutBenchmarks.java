package org.mapi4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.spi.AdviseSink;
import org.mapi4j.spi.LongOut;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A shared logoff that notifies N other participants (SHARED-5), on the in-memory provider. The
 * participants are set up outside the measurement; the owner's {@code Logoff(MAPI_LOGOFF_SHARED)}
 * is measured.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class FanOutBenchmarks {

    @Param({"1", "10", "100", "1000", "10000"})
    public int participants;

    private InMemoryProvider provider;
    private MapiSessionHandle owner;
    private final List<MapiSessionHandle> others = new ArrayList<>();
    private final AtomicInteger notified = new AtomicInteger();

    @Setup(Level.Trial)
    public void initialize() {
        provider = new InMemoryProvider();
        provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
        provider.initialize(null);
    }

    @TearDown(Level.Trial)
    public void uninitialize() {
        provider.uninitialize();
    }

    @Setup(Level.Invocation)
    public void share() {
        Out<MapiSessionHandle> handle = new Out<>();
        provider.logon(0, null, null, MapiConstants.MAPI_USE_DEFAULT | MapiConstants.MAPI_NEW_SESSION
                | MapiConstants.MAPI_ALLOW_OTHERS | MapiConstants.MAPI_EXTENDED, handle);
        owner = handle.get();
        AdviseSink sink = notifications -> {
            notified.incrementAndGet();
            return HResult.S_OK;
        };
        for (int i = 0; i < participants; i++) {
            provider.logon(0, null, null, MapiConstants.MAPI_EXTENDED, handle);
            handle.get().advise(null, MapiConstants.FNEV_CRITICAL_ERROR, sink, new LongOut());
            others.add(handle.get());
        }
        notified.set(0);
    }

    @TearDown(Level.Invocation)
    public void releaseAll() {
        if (notified.get() != participants) {
            throw new IllegalStateException("notified " + notified.get() + " of " + participants);
        }
        owner.release();
        for (MapiSessionHandle other : others) {
            other.release();
        }
        others.clear();
    }

    /** The owner's shared logoff, which notifies every other participant before it returns. */
    @Benchmark
    public int sharedLogoff() {
        return owner.logoff(0, MapiConstants.MAPI_LOGOFF_SHARED, 0);
    }
}
