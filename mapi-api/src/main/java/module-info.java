/**
 * mapi4j: the MAPI session lifecycle for Java. {@code org.mapi4j} is the application API,
 * {@code org.mapi4j.spi} the COM-faithful provider SPI with its reusable guard.
 */
module org.mapi4j {
    requires org.slf4j;

    exports org.mapi4j;
    exports org.mapi4j.spi;
    exports org.mapi4j.spi.support;

    uses org.mapi4j.spi.MapiProvider;
}
