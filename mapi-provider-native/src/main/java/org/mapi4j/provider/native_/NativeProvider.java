package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.spi.SharedLogoffPolicy;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.InstanceGuard;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native MAPI provider: the MAPI C ABI through JNA. On Windows the library is
 * {@code mapi32.dll} (the MAPI stub, which loads Outlook's MAPI); on Linux it is the mapi4j
 * reference library, found on the class path when {@code org.mapi4j:mapi-native-reference} is
 * there. The system property {@value #LIBRARY_PROPERTY} names another library (a name or an
 * absolute path).
 *
 * <p>Nothing native is touched until {@link #availability()} (which every other method calls
 * first), and this class mentions no JNA type (they all live in {@link NativeBinding} and the
 * classes it creates): loading it never fails, not even without JNA on the class path, and a missing library, a missing export or a library of
 * the wrong bitness is reported as {@link Availability#unavailable} with the reason, never thrown.
 *
 * <p>Every native call has a guard in front of it ({@link InstanceGuard} here, {@code SessionGuard}
 * and {@code ChildGuard} on the objects), because real MAPI's behaviour on misuse is undocumented
 * (spec decision 1); apart from the guard's rules the native HRESULT is returned unchanged (GEN-2).
 * MAPI is one per process: every instance of this class drives the same native MAPI, each with its
 * own balanced share of the native MAPIInitialize count. Thread-safe.
 */
public final class NativeProvider implements MapiProvider {

    /** The name applications select it by. */
    public static final String NAME = "native";
    /** Its priority: above the in-memory provider, so a machine with MAPI uses it. */
    public static final int PRIORITY = 20;
    /** The system property that names the MAPI library: a library name or an absolute path. */
    public static final String LIBRARY_PROPERTY = "mapi4j.native.library";
    /** The library loaded when the property is not set. */
    public static final String DEFAULT_LIBRARY = "mapi32";

    private static final Logger LOG = LoggerFactory.getLogger(NativeProvider.class);

    private final String libraryName;
    private final InstanceGuard instance = new InstanceGuard(new InstanceEffects());
    // Native objects this provider holds a reference on and has not released yet (see uninitialize).
    private final Outstanding outstanding = new Outstanding();
    // Slot Functions by vtable, shared by this provider's objects until its last MAPIUninitialize.
    private final VtableCache vtables = new VtableCache();
    private Availability availability;
    private volatile NativeBinding binding;

    /** A provider for the library named by {@value #LIBRARY_PROPERTY}, else {@value #DEFAULT_LIBRARY}. */
    public NativeProvider() {
        this(System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY));
    }

    /**
     * A provider for a given library.
     *
     * @param libraryName a library name (as for JNA, e.g. {@code mapi32}) or an absolute path
     */
    public NativeProvider(String libraryName) {
        if (libraryName == null || libraryName.isBlank()) {
            throw new IllegalArgumentException("libraryName must name a library, got '" + libraryName + "'");
        }
        this.libraryName = libraryName;
        if (FAST_SHUTDOWNS.get() > RESTARTS.get() && ready()) {
            // A new provider is a new process's view of MAPI: settings made on it before its first
            // MAPIInitialize (a test's fast-shutdown policy, say) must survive that initialize.
            restartAfterAnotherProvidersFastShutdown();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** Loads the library on first use; never throws. */
    @Override
    public synchronized Availability availability() {
        if (availability == null) {
            availability = load();
        }
        return availability;
    }

    private Availability load() {
        try {
            NativeBinding loaded = NativeBinding.load(libraryName);
            binding = loaded;
            String kind = loaded.control != null ? "the mapi4j reference MAPI library" : "MAPI";
            LOG.debug("Native MAPI: {} from {}", kind, loaded.file);
            return Availability.available(kind + " '" + libraryName + "' (" + loaded.file + ")");
        } catch (NativeBinding.Unavailable e) {
            LOG.debug("Native MAPI unavailable: {}", e.getMessage());
            return Availability.unavailable(e.getMessage());
        } catch (LinkageError | RuntimeException e) {
            // JNA itself could not start: its jar is missing, or its native part could not be unpacked.
            return Availability.unavailable("JNA (net.java.dev.jna:jna) could not be used to load the MAPI library '"
                    + libraryName + "': " + e + ". Put jna on the class path; if it cannot unpack its native part,"
                    + " set -Djna.tmpdir to a writable directory.");
        }
    }

    /** @return whether the library is loaded and usable */
    private boolean ready() {
        return availability().available();
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        if (!ready()) {
            return EnumSet.noneOf(ProviderCapability.class);
        }
        EnumSet<ProviderCapability> capabilities = EnumSet.of(ProviderCapability.FAST_SHUTDOWN);
        if (binding.control != null) {
            // The reference library: scripted confirmation, synchronous END_OF_SESSION, this process only.
            capabilities.add(ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION);
            capabilities.add(ProviderCapability.SYNCHRONOUS_NOTIFICATIONS);
            capabilities.add(ProviderCapability.END_OF_SESSION_SCODE);
            // Through referenceControl().MAPI4J_SetFastShutdownPolicy.
            capabilities.add(ProviderCapability.CONFIGURABLE_FAST_SHUTDOWN_POLICY);
        } else {
            capabilities.add(ProviderCapability.AFFECTS_OTHER_PROCESSES); // real MAPI (SHARED-6, FAST-6)
        }
        return capabilities;
    }

    /**
     * The reference library's control exports, for tests and tools.
     *
     * @return them, or empty when the library is real MAPI or not available
     */
    public Optional<ReferenceControl> referenceControl() {
        return ready() ? Optional.ofNullable(binding.control) : Optional.empty();
    }

    @Override
    public int initialize(MapiInit init) {
        if (!ready()) {
            LOG.warn("MAPIInitialize: the native provider is unavailable: {}", availability().reason());
            return MAPI_E_CALL_FAILED; // what the MAPI stub returns when MAPI cannot be loaded (H-STUB)
        }
        return instance.initialize(init);
    }

    @Override
    public void uninitialize() {
        if (ready()) {
            instance.uninitialize();
        }
    }

    @Override
    public int logon(long uiParam, String profileName, String password, int flags, Out<MapiSessionHandle> session) {
        // No availability check needed: without the library initialize failed, so the guard answers
        // MAPI_E_NOT_INITIALIZED. The password is checked by the guard (LOGON-2c) and never passed on.
        return instance.logon(uiParam, profileName, password, flags, session, nativeLogon);
    }

    // One action for every logon: a capturing lambda would cost an object per logon.
    private final InstanceGuard.ValidatedLogon nativeLogon =
            (uiParam, profileName, flags, out) -> binding.logon(this, uiParam, profileName, flags, out);

    @Override
    public void setLogoffConfirmation(LogoffConfirmation confirmation) {
        // Bound natively at each Logoff with MAPI_LOGOFF_UI (LogoffConfirmationBridge).
        instance.setLogoffConfirmation(confirmation);
    }

    @Override
    public void setSharedLogoffPolicy(SharedLogoffPolicy policy) {
        instance.setSharedLogoffPolicy(policy);
    }

    /** {@return the MAPIInitialize count of this provider (diagnostics and tests)} */
    public int initCount() {
        return instance.initCount();
    }

    /** {@return the number of native objects this provider holds a reference on (diagnostics and tests)} */
    public int outstandingNativeObjects() {
        return outstanding.size();
    }

    InstanceGuard instance() {
        return instance;
    }

    NativeBinding binding() {
        return binding;
    }

    ReferenceControl control() {
        return binding.control;
    }

    Outstanding outstanding() {
        return outstanding;
    }

    VtableCache vtables() {
        return vtables;
    }

    void terminate() {
        instance.terminate();
        FAST_SHUTDOWNS.incrementAndGet();
        LOG.debug("Fast shutdown: instance terminated (FAST-5)");
    }

    /*
     * The reference library stands in for a process's MAPI, and a fast shutdown ends that for good
     * (FAST-5). The provider that shut it down stays terminated; another provider instance whose first
     * MAPIInitialize comes afterwards (or that is created afterwards) starts the library afresh, as a
     * new process would, so that test kits can go on in one JVM. Real MAPI has no such reset and stays
     * ended.
     */
    private static final AtomicLong FAST_SHUTDOWNS = new AtomicLong();
    private static final AtomicLong RESTARTS = new AtomicLong();

    private void restartAfterAnotherProvidersFastShutdown() {
        long shutdowns = FAST_SHUTDOWNS.get();
        long restarts = RESTARTS.get();
        if (binding.control != null && shutdowns > restarts && RESTARTS.compareAndSet(restarts, shutdowns)) {
            LOG.debug("The reference library was fast-shut down by another provider: starting it afresh");
            binding.control.MAPI4J_ResetInstance();
        }
    }

    /** The native part of MAPIInitialize and MAPIUninitialize, behind the guard's count and rules. */
    private final class InstanceEffects implements InstanceGuard.Effects {

        @Override
        public int initialize(MapiInit init, boolean first) {
            if (first) {
                restartAfterAnotherProvidersFastShutdown();
            }
            return binding.initialize(init);
        }

        @Override
        public void uninitialize(boolean last) {
            if (last) {
                // INIT-8 logged every live handle off already. MAPI unloads its providers after the last
                // MAPIUninitialize (D-SHUTPROV), so nothing may be called on a MAPI object afterwards, not
                // even Release: give up every reference still held now. The Java objects keep answering
                // MAPI_E_INVALID_OBJECT, and their own final Release no longer reaches native code.
                for (ComObject object : outstanding.snapshot()) {
                    object.release();
                }
                vtables.clear(); // their modules may be unloaded now (VtableCache)
            }
            binding.uninitialize();
        }
    }

    @Override
    public String toString() {
        return "NativeProvider[" + libraryName + "]";
    }
}
