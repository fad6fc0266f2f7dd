package org.mapi4j.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Inject;
import java.io.PrintStream;
import org.mapi4j.spi.LogoffConfirmation;
import org.mapi4j.MapiSession;
import org.mapi4j.MessageStore;
import org.mapi4j.guice.MapiModule;
import org.mapi4j.guice.MapiResources;

/**
 * A Guice application: install {@link MapiModule}, inject a {@link MapiSession}, and close
 * {@link MapiResources} at the end (Logoff, Release, MAPIUninitialize). The logoff confirmation
 * is an ordinary binding.
 * Run it with {@code mvn -q -pl examples exec:java -Dexample=GuiceExample}.
 */
public final class GuiceExample {

    /** An application service that needs a MAPI session. */
    static final class StoreLister {
        private final MapiSession session;

        @Inject
        StoreLister(MapiSession session) {
            this.session = session;
        }

        void print(PrintStream out) {
            for (MessageStore store : session.messageStores()) {
                out.println("store: " + store.displayName());
            }
        }
    }

    private GuiceExample() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * @param out where the stores are printed
     * @return the injector, already closed
     */
    static Injector run(PrintStream out) {
        Injector injector = Guice.createInjector(new MapiModule(), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), LogoffConfirmation.class).setBinding()
                        .toInstance(parentWindow -> true);
            }
        });
        try {
            injector.getInstance(StoreLister.class).print(out);
        } finally {
            injector.getInstance(MapiResources.class).close();
            out.println("closed: " + injector.getInstance(MapiResources.class).isClosed());
        }
        return injector;
    }
}
