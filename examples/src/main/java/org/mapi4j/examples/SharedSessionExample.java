package org.mapi4j.examples;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.mapi4j.LogoffFlag;
import org.mapi4j.LogonFlag;
import org.mapi4j.MapiSession;
import org.mapi4j.MapiSubsystem;

/**
 * A shared session with three clients (spec B.7): the owner publishes it (MAPI_ALLOW_OTHERS), two
 * clients join it, the owner logs off with MAPI_LOGOFF_SHARED, and the two others are notified and
 * log off. The default {@code SharedLogoffPolicy.WARN} logs the fast-shutdown caution (SHARED-6).
 * Run it with {@code mvn -q -pl examples exec:java -Dexample=SharedSessionExample}.
 */
public final class SharedSessionExample {

    private SharedSessionExample() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * @param out where the steps are printed
     * @return how many clients were notified
     */
    static int run(PrintStream out) {
        AtomicInteger notified = new AtomicInteger();
        try (MapiSubsystem mapi = MapiSubsystem.builder().initialize()) {
            MapiSession owner = mapi.logon(0L, null,
                    Set.of(LogonFlag.USE_DEFAULT, LogonFlag.NEW_SESSION, LogonFlag.ALLOW_OTHERS, LogonFlag.EXTENDED));
            out.println("owner: published the shared session");
            for (String name : new String[] {"client-2", "client-3"}) {
                MapiSession client = mapi.logon(0L, null, Set.of(LogonFlag.EXTENDED)); // no NEW_SESSION: joins
                client.onSharedLogoff((session, scode) -> {
                    notified.incrementAndGet();
                    out.println(name + ": notified, scode " + scode + "; logging off");
                    session.close();
                    out.println(name + ": logged off");
                });
                out.println(name + ": joined the shared session");
            }
            owner.logoff(LogoffFlag.SHARED);
            out.println("owner: logged off with MAPI_LOGOFF_SHARED; " + notified.get() + " clients notified");
            owner.close();
        }
        return notified.get();
    }
}
