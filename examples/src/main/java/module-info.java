/** Runnable mapi4j examples. */
module org.mapi4j.examples {
    requires org.mapi4j;
    requires org.slf4j;

    exports org.mapi4j.examples;
}
