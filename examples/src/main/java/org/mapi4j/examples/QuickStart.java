package org.mapi4j.examples;

// The README's quick start, word for word between the markers (QuickStartTest checks it): initialize,
// log on to the default profile, read the session, close. Run it with
// mvn -q -pl examples exec:java -Dexample=QuickStart
// quick-start:begin
import java.util.HexFormat;
import org.mapi4j.Mapi;
import org.mapi4j.MapiSession;
import org.mapi4j.MapiSubsystem;
import org.mapi4j.MessageStore;

public class QuickStart {

    public static void main(String[] args) {
        try (MapiSubsystem mapi = Mapi.initialize();      // MAPIInitialize on the selected provider
             MapiSession session = mapi.logon()) {        // MAPILogonEx: default profile, new session
            System.out.println("provider: " + mapi.provider().name());
            System.out.println("identity: " + HexFormat.of().formatHex(session.identity()));
            for (MessageStore store : session.messageStores()) {
                System.out.println("store:    " + store.displayName() + (store.isDefault() ? " (default)" : ""));
            }
        }                                                 // Logoff, Release, MAPIUninitialize
    }
}
// quick-start:end
