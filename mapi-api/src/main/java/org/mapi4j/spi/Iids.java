package org.mapi4j.spi;

import java.util.UUID;

/** The interface identifiers of spec A.4. */
public final class Iids {

    private Iids() {
    }

    /** {@code IID_IUnknown}. */
    public static final UUID IID_IUNKNOWN = UUID.fromString("00000000-0000-0000-C000-000000000046");
    /** {@code IID_IMAPISession}. */
    public static final UUID IID_IMAPISESSION = UUID.fromString("00020300-0000-0000-C000-000000000046");
    /** {@code IID_IMAPIAdviseSink}. */
    public static final UUID IID_IMAPIADVISESINK = UUID.fromString("00020302-0000-0000-C000-000000000046");
    /** {@code IID_IMAPIClientShutdown}. */
    public static final UUID IID_IMAPICLIENTSHUTDOWN = UUID.fromString("00020397-0000-0000-C000-000000000046");
    /** {@code IID_IMAPIProviderShutdown}. */
    public static final UUID IID_IMAPIPROVIDERSHUTDOWN = UUID.fromString("00020398-0000-0000-C000-000000000046");
}
