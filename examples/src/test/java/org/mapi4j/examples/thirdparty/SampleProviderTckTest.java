package org.mapi4j.examples.thirdparty;

import java.util.List;
import java.util.Set;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.tck.MapiProviderTck;

/**
 * Certifies the third-party {@link SampleProvider} with the mapi4j TCK, exactly as the README's
 * "Certify your provider" shows: one subclass, a fresh provider per test, and the profile hooks,
 * because the sample's profiles are not the TCK's defaults ("Default" / "Personal Folders" / "Work").
 */
class SampleProviderTckTest extends MapiProviderTck {

    /**
     * The rules and cases the sample provider is known to fail until it is rebuilt on the provider
     * skeleton (spec decisions 6 to 11). Each is reported as aborted with its full failure text; a
     * listed case that passes fails, so this list must shrink to empty, never grow.
     */
    static final Set<String> KNOWN_PROVIDER_GAPS = Set.of(
            // Decisions 6, 10, 11: a final Release inside the confirmation, an Error from a sink, a second shared logoff.
            "CALLBACK-1 the confirmation makes the final Release of its own session",
            "CALLBACK-2 a sink throws an Error during the shared-logoff delivery",
            "CALLBACK-3 a second MAPI_LOGOFF_SHARED during the delivery notifies nobody again",
            // Decision 8: QueryInterface with a NULL IID on a live child; OpenMsgStore with an unknown entry ID.
            "CHILD-1 queryInterface(NULL, &obj) on the message-stores table of a logged-on session",
            "CHILD-1 queryInterface(NULL, &obj) on a message store of a logged-on session",
            "CHILD-1 queryInterface(NULL, &obj) on the profile section of a logged-on session",
            "GEN-3 openMsgStore with an entry ID no store of the session has: MAPI_E_UNKNOWN_ENTRYID",
            // GEN-5 (decision 7): the NULL out-parameter is checked only after MAPI_E_NO_SUPPORT, or not at all.
            "GEN-5 getLastError(MAPI_E_CALL_FAILED, 0, NULL) on a logged-on handle",
            "GEN-5 openAddressBook(0, NULL, 0, NULL) on a logged-on handle",
            "GEN-5 getStatusTable(0, NULL) on a logged-on handle",
            "GEN-5 openEntry(storeEntryId, NULL, 0, &type, NULL) on a logged-on handle",
            "GEN-5 openEntry(storeEntryId, NULL, 0, NULL, &obj) on a logged-on handle",
            "GEN-5 queryDefaultMessageOpt(\"SMTP\", 0, NULL) on a logged-on handle",
            "GEN-5 enumAdrTypes(0, NULL) on a logged-on handle",
            "GEN-5 adminServices(0, NULL) on a logged-on handle",
            "GEN-5 prepareForm(NULL, NULL, NULL) on a logged-on handle");

    @Override
    public Set<String> knownProviderGaps() {
        return KNOWN_PROVIDER_GAPS;
    }

    @Override
    protected MapiProvider createProvider() {
        return new SampleProvider(); // new, uninitialized, nothing published
    }

    // The profiles of sample-profiles.properties.

    @Override
    protected String defaultProfileName() {
        return "Sample";
    }

    @Override
    protected List<String> defaultProfileStores() {
        return List.of("Sample Mailbox");
    }

    @Override
    protected String otherProfileName() {
        return "Travel";
    }
}
