package org.mapi4j.bench;

import java.util.concurrent.TimeUnit;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.provider.native_.NativeProvider;
import org.mapi4j.spi.IntOut;
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

/**
 * The native provider against what a user would write by hand in raw JNA ({@link RawJna}), on the
 * same reference library: a whole session (MAPILogonEx + Logoff + Release) and a repeatable session
 * call (CompareEntryIDs). {@code provider*} and {@code rawJna*} pair up in the table, and both are
 * set against the C floor ({@code src/main/c/cfloor.c}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class NativeBenchmarks {

    /** A new session with the default profile, the same flags as the C floor. */
    static final int NEW_SESSION = MapiConstants.MAPI_EXTENDED | MapiConstants.MAPI_NEW_SESSION
            | MapiConstants.MAPI_USE_DEFAULT | MapiConstants.MAPI_NO_MAIL;

    private NativeProvider provider;
    private final Out<MapiSessionHandle> handle = new Out<>();
    private MapiSessionHandle session;
    // Logged off and kept: every call on it is refused by the guards, before any native code.
    private MapiSessionHandle loggedOff;
    private byte[] identity;
    private final IntOut compared = new IntOut();
    private RawJna raw;

    /** Initializes the provider and opens the long-lived sessions (provider and raw). */
    @Setup(Level.Trial)
    public void initialize() {
        provider = NativeSupport.provider();
        NativeSupport.check(provider.logon(0, null, null, NEW_SESSION, handle), "MAPILogonEx");
        session = handle.get();
        Out<byte[]> id = new Out<>();
        NativeSupport.check(session.queryIdentity(id), "QueryIdentity");
        identity = id.get();
        NativeSupport.check(provider.logon(0, null, null, NEW_SESSION, handle), "MAPILogonEx");
        loggedOff = handle.get();
        NativeSupport.check(loggedOff.logoff(0, 0, 0), "Logoff");
        raw = new RawJna(NativeProvider.DEFAULT_LIBRARY);
    }

    /** Closes everything and fails the trial if a native object leaked. */
    @TearDown(Level.Trial)
    public void uninitialize() {
        raw.close();
        NativeSupport.check(session.logoff(0, 0, 0), "Logoff");
        session.release();
        loggedOff.release();
        NativeSupport.close(provider);
    }

    /** MAPILogonEx + Logoff + Release through the native provider (guards, state, JNA). */
    @Benchmark
    public int providerCycle() {
        provider.logon(0, null, null, NEW_SESSION, handle);
        MapiSessionHandle s = handle.get();
        int hr = s.logoff(0, 0, 0);
        return hr + s.release();
    }

    /** The same cycle in raw JNA. */
    @Benchmark
    public int rawJnaCycle() {
        return raw.cycle();
    }

    /** CompareEntryIDs of the identity with itself through the provider (byte[] in, native memory per call). */
    @Benchmark
    public int providerCompareEntryIDs() {
        int hr = session.compareEntryIDs(identity, identity, 0, compared);
        return hr + compared.get();
    }

    /**
     * CompareEntryIDs on a logged-off session: {@code MAPI_E_INVALID_OBJECT} from the guards, no native
     * call (the post-logoff path; its target is no allocation, {@code -prof gc}).
     */
    @Benchmark
    public int providerRejectedAfterLogoff() {
        return loggedOff.compareEntryIDs(identity, identity, 0, compared);
    }

    /** The same call in raw JNA, the identifier already in native memory. */
    @Benchmark
    public int rawJnaCompareEntryIDs() {
        return raw.compareEntryIds();
    }
}
