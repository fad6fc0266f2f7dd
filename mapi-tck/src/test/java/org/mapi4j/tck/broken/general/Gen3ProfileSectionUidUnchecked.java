package org.mapi4j.tck.broken.general;

import java.util.UUID;
import org.mapi4j.spi.MapiProp;
import org.mapi4j.spi.MapiSessionHandle;
import org.mapi4j.spi.Out;
import org.mapi4j.tck.Rule;
import org.mapi4j.tck.broken.Breakage;
import org.mapi4j.tck.broken.DelegatingProvider;
import org.mapi4j.tck.broken.DelegatingSession;

/** Breaks GEN-3: OpenProfileSection opens the profile's own section for a MAPIUID that is not 16 bytes. */
public final class Gen3ProfileSectionUidUnchecked extends Breakage {

    /** Names the rule it breaks, what is wrong, and the exact failure the TCK must report. */
    public Gen3ProfileSectionUidUnchecked() {
        super(Rule.GEN_3, "OpenProfileSection opens the profile's own section for a MAPIUID that is not 16 bytes",
                "[openProfileSection with a MAPIUID that is not 16 bytes: MAPI_E_INVALID_PARAMETER] GEN-3:"
                        + " openProfileSection(0-byte MAPIUID, NULL, 0, &section) expected MAPI_E_INVALID_PARAMETER"
                        + " (0x80070057) but was S_OK (0x00000000)");
    }

    @Override
    protected DelegatingSession session(DelegatingProvider p, MapiSessionHandle h, int f, String pr) {
        return new DelegatingSession(p, h, f, pr) {
            @Override
            public int openProfileSection(byte[] uid, UUID iid, int flags, Out<MapiProp> section) {
                return super.openProfileSection(uid != null && uid.length != 16 ? null : uid, iid, flags, section);
            }
        };
    }
}
