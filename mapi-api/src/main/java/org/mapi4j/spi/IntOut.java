package org.mapi4j.spi;

/**
 * A {@code ULONG *} out-parameter without boxing. Per GEN-4 a callee that fails sets it to 0.
 * Not thread-safe: one call, one holder.
 */
public final class IntOut {

    private int value;

    /** Creates a holder that reads 0. */
    public IntOut() {
    }

    /** {@return the stored value} */
    public int get() {
        return value;
    }

    /**
     * Stores a value.
     *
     * @param value the value
     */
    public void set(int value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "IntOut[" + value + "]";
    }
}
