import org.mapi4j.provider.inmemory.InMemoryProvider;
import org.mapi4j.spi.MapiProvider;

/** The in-memory MAPI provider: pure Java, every rule of the spec; the embedded default. */
module org.mapi4j.provider.inmemory {
    requires org.mapi4j;
    requires org.slf4j;

    exports org.mapi4j.provider.inmemory;

    provides MapiProvider with InMemoryProvider;
}
