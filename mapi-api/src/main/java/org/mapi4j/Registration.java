package org.mapi4j;

/** A registration that {@link #close()} cancels. Closing twice does nothing. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    /** Cancels the registration; never throws. */
    @Override
    void close();
}
