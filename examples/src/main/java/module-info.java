/** Runnable mapi4j examples. */
module org.mapi4j.examples {
    requires org.mapi4j;
    requires org.slf4j;
    requires org.mapi4j.guice;
    requires jakarta.inject;

    // Guice injects the example's services reflectively.
    opens org.mapi4j.examples to com.google.guice;

    exports org.mapi4j.examples;
    // The third-party sample provider, used by instance. Deliberately no
    // "provides org.mapi4j.spi.MapiProvider with ...SampleProvider": discovery would then find it
    // next to the in-memory and native providers and change what the other examples select.
    exports org.mapi4j.examples.thirdparty;
}
