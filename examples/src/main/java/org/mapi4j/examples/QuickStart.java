package org.mapi4j.examples;

import java.util.HexFormat;
import org.mapi4j.Mapi;
import org.mapi4j.MapiSession;
import org.mapi4j.MapiSubsystem;
import org.mapi4j.MessageStore;

/**
 * The README's quick start: initialize, log on to the default profile, read the session, close.
 * Run it with {@code mvn -q -pl examples exec:java -Dexample=QuickStart}.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        // quick-start:begin
        try (MapiSubsystem mapi = Mapi.initialize();      // MAPIInitialize on the selected provider
             MapiSession session = mapi.logon()) {        // MAPILogonEx: default profile, new session
            System.out.println("provider: " + mapi.provider().name());
            System.out.println("identity: " + HexFormat.of().formatHex(session.identity()));
            for (MessageStore store : session.messageStores()) {
                System.out.println("store:    " + store.displayName() + (store.isDefault() ? " (default)" : ""));
            }
        }                                                 // Logoff, Release, MAPIUninitialize
        // quick-start:end
    }
}
