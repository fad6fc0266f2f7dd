package org.mapi4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.spi.HResult;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.provider.native_.NativeProvider;
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
 * What one native advise-sink callback costs: a shared logoff on the native provider over the
 * reference library, which calls OnNotify of every other participant's Java sink through JNA
 * (SHARED-5), with N participants set up outside the measurement. The table divides the
 * difference to N = 0 (the logoff alone) by N: the cost per callback, native to Java and back.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class NativeCallbackBenchmarks {

    /**
     * Participants notified by the shared logoff. The target is read at N = 512, where the callbacks
     * outweigh the logoff's own fixed costs; N = 4096 shows the cost once the sessions and sinks no
     * longer fit the processor's caches.
     */
    @Param({"0", "512", "4096"})
    public int participants;

    private NativeProvider provider;
    private MapiSessionHandle owner;
    private final List<MapiSessionHandle> others = new ArrayList<>();
    private final AtomicInteger notified = new AtomicInteger();
    private final AdviseSink sink = notifications -> {
        notified.incrementAndGet();
        return HResult.S_OK;
    };

    /** Initializes the provider; shared logoffs are allowed silently (SHARED-8). */
    @Setup(Level.Trial)
    public void initialize() {
        provider = NativeSupport.provider();
        provider.setSharedLogoffPolicy(SharedLogoffPolicy.ALLOW);
    }

    /** Fails the trial if a native object leaked. */
    @TearDown(Level.Trial)
    public void uninitialize() {
        NativeSupport.close(provider);
    }

    /** Publishes a shared session and joins it N times, each joiner with a Java sink. */
    @Setup(Level.Invocation)
    public void share() {
        Out<MapiSessionHandle> handle = new Out<>();
        NativeSupport.check(provider.logon(0, null, null, NativeBenchmarks.NEW_SESSION | MapiConstants.MAPI_ALLOW_OTHERS,
                handle), "MAPILogonEx (share)");
        owner = handle.get();
        for (int i = 0; i < participants; i++) {
            NativeSupport.check(provider.logon(0, null, null, MapiConstants.MAPI_EXTENDED | MapiConstants.MAPI_USE_DEFAULT,
                    handle), "MAPILogonEx (join)");
            NativeSupport.check(handle.get().advise(null, MapiConstants.FNEV_CRITICAL_ERROR, sink, new LongOut()), "Advise");
            others.add(handle.get());
        }
        notified.set(0);
    }

    /** Checks every participant was called once, then ends every handle. */
    @TearDown(Level.Invocation)
    public void releaseAll() {
        if (notified.get() != participants) {
            throw new IllegalStateException("notified " + notified.get() + " of " + participants);
        }
        owner.release();
        for (MapiSessionHandle other : others) {
            other.logoff(0, 0, 0);
            other.release();
        }
        others.clear();
    }

    /** The owner's shared logoff, which calls every other participant's sink before it returns. */
    @Benchmark
    public int sharedLogoff() {
        return owner.logoff(0, MapiConstants.MAPI_LOGOFF_SHARED, 0);
    }
}
