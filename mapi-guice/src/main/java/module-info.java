/** Guice integration for mapi4j: {@link org.mapi4j.guice.MapiModule}. */
module org.mapi4j.guice {
    requires transitive org.mapi4j;
    requires transitive com.google.guice;
    requires jakarta.inject;
    requires org.slf4j;

    exports org.mapi4j.guice;
    // Guice creates the module's bindings reflectively.
    opens org.mapi4j.guice to com.google.guice;
}
