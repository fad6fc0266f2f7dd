package org.mapi4j.provider.native_;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;

import java.util.EnumSet;
import java.util.Set;
import org.mapi4j.provider.native_.reference.ReferenceLibrary;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.spi.support.AbstractMapiProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native MAPI provider: the MAPI C ABI through JNA or, on JDK 22 and later, the JDK's Foreign
 * Function &amp; Memory API (see {@code BindingChoice}; {@code -Dmapi4j.native.binding=ffm|jna}
 * forces one). On Windows the library is
 * {@code mapi32.dll} (the MAPI stub, which loads Outlook's MAPI); on Linux it is the mapi4j
 * reference library, found on the class path when {@code org.mapi4j:mapi-native-reference} is
 * there. The system property {@value #LIBRARY_PROPERTY} names another library (a name or an
 * absolute path).
 *
 * <p>The library is loaded by the first {@link #availability()} (which every other method calls
 * first); the constructor loads it only in the case its Javadoc names. This class mentions no JNA
 * or FFM type (they live in the bindings {@link NativeBinding} reaches): loading it never fails,
 * not even without JNA on the class path, and a missing library, a missing export or a library of
 * the wrong bitness is reported as {@link Availability#unavailable} with the reason, never thrown.
 *
 * <p>Every native call has the skeleton's rules in front of it ({@link AbstractMapiProvider} here,
 * {@code AbstractSessionHandle} and the child skeletons on the objects), because real MAPI's
 * behaviour on misuse is undocumented (spec decision 1); apart from those rules the native HRESULT is
 * returned unchanged (GEN-2).
 * MAPI is one per process: every instance of this class drives the same native MAPI, each with its
 * own balanced share of the native MAPIInitialize count. Thread-safe.
 */
public final class NativeProvider extends AbstractMapiProvider {

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
    // Native objects this provider holds a reference on and has not released yet (see uninitialize).
    private final Outstanding outstanding = new Outstanding();
    // Slot Functions by vtable, shared by this provider's objects until its last MAPIUninitialize.
    private final VtableCache vtables = new VtableCache();
    private Availability availability;
    private volatile NativeBinding binding;

    /**
     * A provider for the library named by {@value #LIBRARY_PROPERTY}, else {@value #DEFAULT_LIBRARY}.
     * See {@link #NativeProvider(String)} for what it touches.
     */
    public NativeProvider() {
        this(System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY));
    }

    /**
     * A provider for a given library. It loads nothing, unless another provider fast-shut the mapi4j
     * reference library down since it was last started: then it loads the library and starts it
     * afresh, as a new process would (the reference library's stand-in for a process restart; real
     * MAPI is never reset).
     *
     * @param libraryName a library name (as for JNA, e.g. {@code mapi32}) or an absolute path
     */
    public NativeProvider(String libraryName) {
        if (libraryName == null || libraryName.isBlank()) {
            throw new IllegalArgumentException("libraryName must name a library, got '" + libraryName + "'");
        }
        this.libraryName = libraryName;
        if (ReferenceLibrary.restartPending() && ready()) {
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
            String kind = loaded.reference ? "the mapi4j reference MAPI library" : "MAPI";
            LOG.debug("Native MAPI: {} from {} through {}", kind, loaded.file, loaded.binding.name());
            return Availability.available(kind + " '" + libraryName + "' (" + loaded.file + ") through the "
                    + loaded.binding.description());
        } catch (NativeBinding.Unavailable e) {
            LOG.debug("Native MAPI unavailable: {}", e.getMessage());
            return Availability.unavailable(e.getMessage());
        } catch (LinkageError | RuntimeException e) {
            // The binding failed underneath: JNA's jar missing or its native part not unpackable, say.
            return Availability.unavailable("the native binding could not load the MAPI library '" + libraryName
                    + "': " + e + ". With JNA (net.java.dev.jna:jna): put jna on the class path; if it cannot"
                    + " unpack its native part, set -Djna.tmpdir to a writable directory.");
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
        if (binding.reference) {
            // The reference library: scripted confirmation, synchronous END_OF_SESSION, this process only.
            capabilities.add(ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION);
            capabilities.add(ProviderCapability.SYNCHRONOUS_NOTIFICATIONS);
            capabilities.add(ProviderCapability.END_OF_SESSION_SCODE);
            // Through the reference library's MAPI4J_SetFastShutdownPolicy (ReferenceLibrary.control).
            capabilities.add(ProviderCapability.CONFIGURABLE_FAST_SHUTDOWN_POLICY);
        } else {
            capabilities.add(ProviderCapability.AFFECTS_OTHER_PROCESSES); // real MAPI (SHARED-6, FAST-6)
        }
        return capabilities;
    }

    @Override
    protected int doInitialize(MapiInit init, boolean first) {
        if (!ready()) {
            LOG.warn("MAPIInitialize: the native provider is unavailable: {}", availability().reason());
            return MAPI_E_CALL_FAILED; // what the MAPI stub returns when MAPI cannot be loaded (H-STUB)
        }
        if (first) {
            restartAfterAnotherProvidersFastShutdown();
        }
        return binding.initialize(init);
    }

    @Override
    protected void doUninitialize(boolean last, long endedGeneration) {
        if (!last) {
            binding.uninitialize();
            return;
        }
        // INIT-8 logged every handle of the ended generation off already. MAPI unloads its providers
        // after the last MAPIUninitialize (D-SHUTPROV), so nothing may be called on its objects
        // afterwards, not even Release: give up every reference still held, each as soon as its
        // calls in flight have left, and wait for that (decision 11). The Java objects keep answering
        // MAPI_E_INVALID_OBJECT, and their own final Release no longer reaches native code.
        for (ComObject object : outstanding.snapshot(endedGeneration)) {
            object.release();
        }
        if (DeferredUninitialize.inCallback()) {
            // Called from inside a callback: a native call is on this thread's stack, and its own
            // references cannot go before it returns. Finish when it has.
            DeferredUninitialize.defer(() -> finishUninitialize(endedGeneration));
        } else {
            finishUninitialize(endedGeneration);
        }
    }

    private void finishUninitialize(long endedGeneration) {
        outstanding.awaitReleased(endedGeneration);
        vtables.clear(); // their modules may be unloaded now (VtableCache)
        binding.uninitialize();
    }

    @Override
    protected int doLogon(long uiParam, String profileName, int flags, Out<MapiSessionHandle> session) {
        // The password was checked by the skeleton (LOGON-2c) and is never passed on.
        return binding.logon(this, uiParam, profileName, flags, session);
    }

    /** {@return the number of native objects this provider holds a reference on (diagnostics and tests)} */
    public int outstandingNativeObjects() {
        return outstanding.size();
    }

    NativeBinding binding() {
        return binding;
    }

    Outstanding outstanding() {
        return outstanding;
    }

    VtableCache vtables() {
        return vtables;
    }

    /** @return the instance generation new native objects belong to */
    long currentGeneration() {
        return generation();
    }

    /** A successful DoFastShutdown: the instance is terminated (FAST-5). */
    void fastShutdown() {
        terminate();
        if (binding.reference) {
            ReferenceLibrary.fastShutdownHappened();
        }
        LOG.debug("Fast shutdown: instance terminated (FAST-5)");
    }

    private void restartAfterAnotherProvidersFastShutdown() {
        if (binding.reference && ReferenceLibrary.restartIfPending(binding::resetInstance)) {
            LOG.debug("The reference library was fast-shut down by another provider: started afresh");
        }
    }

    @Override
    public String toString() {
        return "NativeProvider[" + libraryName + "]";
    }
}
