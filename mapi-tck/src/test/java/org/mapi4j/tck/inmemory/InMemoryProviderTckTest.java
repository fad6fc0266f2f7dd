package org.mapi4j.tck.inmemory;

import java.util.Set;
import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.spi.FastShutdownPolicy;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.tck.MapiProviderTck;

/**
 * The project's own build certifies the in-memory provider: every rule of the catalogue runs against a
 * fresh {@link InMemoryProvider}, and the build fails if one fails that {@link #KNOWN_PROVIDER_GAPS}
 * does not list.
 */
public class InMemoryProviderTckTest extends MapiProviderTck {

    /**
     * The rules and cases the in-memory provider is known to fail until it is rebuilt on the provider
     * skeleton (spec decisions 6 to 11). Each is reported as aborted with its full failure text; a
     * listed case that passes fails, so this list must shrink to empty, never grow.
     */
    public static final Set<String> KNOWN_PROVIDER_GAPS = Set.of(
            // Decision 6: a final Release inside the confirmation destroys the handle before Logoff returns.
            "CALLBACK-1 the confirmation makes the final Release of its own session",
            // Decision 10: an Error thrown by a sink escapes the shared Logoff.
            "CALLBACK-2 a sink throws an Error during the shared-logoff delivery",
            // Decision 8: CompareEntryIDs ignores its reserved flags; an unknown store entry ID is "invalid".
            "GEN-3 compareEntryIDs with a flag bit set: MAPI_E_UNKNOWN_FLAGS",
            "GEN-3 openMsgStore with an entry ID no store of the session has: MAPI_E_UNKNOWN_ENTRYID",
            // Decision 8: the optional extended notification is sent on an explicit Logoff only.
            "LOGOFF-4 the final release() without logoff",
            "LOGOFF-4 the last uninitialize()",
            // GEN-5 (decision 7): the NULL out-parameter is checked only after MAPI_E_NO_SUPPORT.
            "GEN-5 openAddressBook(0, NULL, 0, NULL) on a logged-on handle",
            "GEN-5 getStatusTable(0, NULL) on a logged-on handle",
            "GEN-5 openEntry(storeEntryId, NULL, 0, &type, NULL) on a logged-on handle",
            "GEN-5 openEntry(storeEntryId, NULL, 0, NULL, &obj) on a logged-on handle",
            "GEN-5 queryDefaultMessageOpt(\"SMTP\", 0, NULL) on a logged-on handle",
            "GEN-5 enumAdrTypes(0, NULL) on a logged-on handle",
            "GEN-5 adminServices(0, NULL) on a logged-on handle",
            "GEN-5 prepareForm(NULL, NULL, NULL) on a logged-on handle");

    /** JUnit and the self-test's broken candidates create it. */
    public InMemoryProviderTckTest() {
    }

    @Override
    protected MapiProvider createProvider() {
        return new InMemoryProvider();
    }

    @Override
    protected MapiProvider createProvider(FastShutdownPolicy policy) {
        return InMemoryProvider.builder()
                .profile("Default", "Personal Folders")
                .profile("Work", "Mailbox - Work", "Archive")
                .defaultProfile("Default")
                .fastShutdownPolicy(policy)
                .build();
    }

    @Override
    public Set<String> knownProviderGaps() {
        return KNOWN_PROVIDER_GAPS;
    }
}
