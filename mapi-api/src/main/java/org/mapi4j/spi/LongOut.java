package org.mapi4j.spi;

/**
 * A {@code ULONG_PTR *} out-parameter (connection numbers, form tokens) without boxing. Per GEN-4 a
 * callee that fails sets it to 0. Not thread-safe: one call, one holder.
 */
public final class LongOut {

    private long value;

    /** Creates a holder that reads 0. */
    public LongOut() {
    }

    /** {@return the stored value} */
    public long get() {
        return value;
    }

    /**
     * Stores a value.
     *
     * @param value the value
     */
    public void set(long value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "LongOut[" + value + "]";
    }
}
