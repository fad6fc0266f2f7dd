package org.mapi4j.examples.thirdparty;

import static org.mapi4j.spi.HResult.MAPI_E_CALL_FAILED;
import static org.mapi4j.spi.HResult.MAPI_E_LOGON_FAILED;
import static org.mapi4j.spi.HResult.S_OK;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mapi4j.spi.Availability;
import org.mapi4j.spi.MapiConstants;
import org.mapi4j.spi.MapiInit;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.spi.ProviderCapability;
import org.mapi4j.spi.support.AbstractMapiProvider;

/**
 * A small MAPI provider written the way a third party would write one: on the public SPI of
 * {@code mapi-api} only, extending its skeleton ({@link AbstractMapiProvider} and the handle and
 * child classes of {@code org.mapi4j.spi.support}), which does the rules every provider must follow.
 *
 * <p>Its profiles come from {@code sample-profiles.properties}, bundled next to this class; each
 * profile has one message store. It offers the message-stores table, the store, the profile section,
 * QueryIdentity, advise sinks and shared sessions (publish, join, MAPI_LOGOFF_SHARED notifying the
 * other participants). It leaves out fast shutdown (no IMAPIClientShutdown, no
 * {@link ProviderCapability#FAST_SHUTDOWN}), the address book, the status table and forms; the TCK
 * reports the rules that need them as not applicable.
 *
 * <p>Use it by instance: {@code MapiSubsystem.builder().provider(new SampleProvider())}. It is
 * deliberately <em>not</em> registered for {@link java.util.ServiceLoader} (no
 * {@code META-INF/services} entry, no {@code provides} in the module descriptor): the examples module
 * already carries the in-memory and native providers, and a third one found by discovery would change
 * which provider the other examples select. A real provider jar would register itself.
 *
 * <p>Thread-safe: one instance is one MAPI instance; sessions are published and joined under one lock.
 */
public final class SampleProvider extends AbstractMapiProvider {

    /** The name applications select the provider by. */
    public static final String NAME = "sample";

    private final SampleProfiles profiles; // null when the resource could not be read
    private final String loadProblem;
    private final Object lock = new Object();
    private SampleSession published; // guarded by lock: at most one shared session (LOGON-5)
    /** Creates a provider instance: uninitialized, nothing published; reads the bundled profiles. */
    public SampleProvider() {
        SampleProfiles loaded = null;
        String problem = null;
        try {
            loaded = SampleProfiles.load();
        } catch (IOException | IllegalArgumentException e) {
            // Loading a provider must never fail: it reports itself unavailable instead.
            problem = "cannot read " + SampleProfiles.RESOURCE + ": " + e.getMessage();
        }
        this.profiles = loaded;
        this.loadProblem = problem;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 1; // below the bundled providers: an example, never the one chosen by default
    }

    @Override
    public Availability availability() {
        return profiles != null
                ? Availability.available(profiles.size() + " profiles from " + SampleProfiles.RESOURCE)
                : Availability.unavailable(loadProblem);
    }

    @Override
    public Set<ProviderCapability> capabilities() {
        // The skeleton calls the LogoffConfirmation itself, and notifications are delivered on the
        // calling thread with MAPI_E_END_OF_SESSION; no FAST_SHUTDOWN, and nothing leaves the JVM.
        return EnumSet.of(ProviderCapability.SCRIPTED_LOGOFF_CONFIRMATION,
                ProviderCapability.SYNCHRONOUS_NOTIFICATIONS, ProviderCapability.END_OF_SESSION_SCODE);
    }

    @Override
    protected int doInitialize(MapiInit init, boolean first) {
        return profiles != null ? S_OK : MAPI_E_CALL_FAILED;
    }

    @Override
    protected void doUninitialize(boolean last, long endedGeneration) {
        if (last) {
            synchronized (lock) {
                published = null; // INIT-8: the last MAPIUninitialize clears the published session
            }
        }
    }

    // The provider's part of a logon whose arguments the skeleton accepted.
    @Override
    protected int doLogon(long uiParam, String profileName, int flags, Out<MapiSessionHandle> out) {
        synchronized (lock) {
            // LOGON-3: without MAPI_NEW_SESSION join the published session, whatever the profile name.
            SampleSession session = (flags & MapiConstants.MAPI_NEW_SESSION) == 0 ? published : null;
            if (session == null) {
                SampleProfiles.Profile profile = choose(profileName, flags);
                if (profile == null) {
                    return MAPI_E_LOGON_FAILED;
                }
                // LOGON-5: MAPI_ALLOW_OTHERS publishes, and the first publisher keeps the slot.
                boolean publish = (flags & MapiConstants.MAPI_ALLOW_OTHERS) != 0 && published == null;
                session = new SampleSession(profile, publish);
                if (publish) {
                    published = session;
                }
            }
            SampleSessionHandle handle = new SampleSessionHandle(this, session);
            session.add(handle);
            out.set(handle);
            return S_OK;
        }
    }

    // LOGON-4; this provider has no dialog, so without a name and MAPI_USE_DEFAULT the logon fails.
    private SampleProfiles.Profile choose(String name, int flags) {
        if (name != null && !name.isEmpty()) {
            return profiles.find(name);
        }
        return (flags & MapiConstants.MAPI_USE_DEFAULT) != 0 ? profiles.defaultProfile() : null;
    }

    /**
     * A handle leaves its session (its Logoff, or the implicit one of REL-1 / INIT-8). A shared logoff
     * of a shared session unpublishes it and notifies every other participant (SHARED-5); the last
     * handle to leave unpublishes it (SHARED-3).
     */
    void leave(SampleSessionHandle handle, boolean sharedLogoff) {
        SampleSession session = handle.session();
        List<SampleSessionHandle> others;
        synchronized (lock) {
            session.remove(handle);
            // SHARED-4: ignored on an individual session; decision 11: a session ends, and notifies, once.
            boolean ending = sharedLogoff && session.isShared() && session.beginEnding();
            if ((ending || session.isEmpty()) && published == session) {
                published = null;
            }
            others = ending ? session.participants() : List.of();
        }
        // Outside the lock: a sink may well log its own handle off from onNotify, which comes back here.
        for (SampleSessionHandle other : others) {
            if (other.isLoggedOn()) {
                other.endOfSession();
            }
        }
    }
}
