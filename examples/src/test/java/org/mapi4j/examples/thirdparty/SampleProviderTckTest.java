package org.mapi4j.examples.thirdparty;

import java.util.List;
import org.mapi4j.spi.MapiProvider;
import org.mapi4j.tck.MapiProviderTck;

/**
 * Certifies the third-party {@link SampleProvider} with the mapi4j TCK, exactly as the README's
 * "Certify your provider" shows: one subclass, a fresh provider per test, and the profile hooks,
 * because the sample's profiles are not the TCK's defaults ("Default" / "Personal Folders" / "Work").
 */
class SampleProviderTckTest extends MapiProviderTck {

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
