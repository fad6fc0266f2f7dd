package org.mapi4j.examples.thirdparty;

import java.io.PrintStream;
import java.util.Set;
import org.mapi4j.LogoffFlag;
import org.mapi4j.LogonFlag;
import org.mapi4j.MapiSession;
import org.mapi4j.MapiSubsystem;
import org.mapi4j.MessageStore;
import org.mapi4j.spi.SharedLogoffPolicy;

/**
 * The third-party {@link SampleProvider} used through the ordinary API, handed to the builder by
 * instance (it is not registered for discovery): the default and a named profile with their stores,
 * then a shared session whose owner logs off with MAPI_LOGOFF_SHARED and notifies the client that
 * joined. Run it with {@code mvn -B -q -pl examples exec:java -Dexample=thirdparty.SampleProviderDemo}.
 */
public final class SampleProviderDemo {

    private SampleProviderDemo() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * @param out where the steps are printed
     */
    static void run(PrintStream out) {
        SampleProvider provider = new SampleProvider();
        out.println("provider: " + provider.name() + " (" + provider.availability().reason() + ")");
        // ALLOW: the sample's shared sessions live in this JVM, so the fast-shutdown caution of WARN
        // (SHARED-6) does not apply to it.
        try (MapiSubsystem mapi = MapiSubsystem.builder().provider(provider)
                .sharedLogoffPolicy(SharedLogoffPolicy.ALLOW).initialize()) {
            try (MapiSession session = mapi.logon()) {
                printStores(out, "default profile", session);
            }
            try (MapiSession session = mapi.logon("Travel")) {
                printStores(out, "profile Travel", session);
            }
            try (MapiSession owner = mapi.logon(0L, null, Set.of(LogonFlag.USE_DEFAULT, LogonFlag.NEW_SESSION,
                         LogonFlag.ALLOW_OTHERS, LogonFlag.EXTENDED));
                 MapiSession client = mapi.logon(0L, null, Set.of(LogonFlag.EXTENDED))) { // no NEW_SESSION: joins
                client.onSharedLogoff((session, scode) -> out.println("client: notified, " + scode.name()));
                printStores(out, "client joined, shared session", client);
                owner.logoff(LogoffFlag.SHARED);
                out.println("owner: logged off with MAPI_LOGOFF_SHARED; client still logged on: "
                        + client.isLoggedOn());
            }
        }
    }

    private static void printStores(PrintStream out, String what, MapiSession session) {
        for (MessageStore store : session.messageStores()) {
            out.println(what + ", store: " + store.displayName() + (store.isDefault() ? " (default)" : ""));
        }
    }
}
