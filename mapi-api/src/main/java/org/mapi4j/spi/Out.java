package org.mapi4j.spi;

/**
 * An out-parameter ({@code T **ppv} in C): the callee stores a result, the caller reads it.
 *
 * <p>Per GEN-4 a callee that fails sets it to {@code null}. Not thread-safe: one call, one holder.
 *
 * @param <T> the type of the result
 */
public final class Out<T> {

    private T value;

    /** Creates an empty holder. */
    public Out() {
    }

    /** {@return the stored value, or {@code null} if none was stored} */
    public T get() {
        return value;
    }

    /**
     * Stores a value.
     *
     * @param value the value, may be {@code null}
     */
    public void set(T value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "Out[" + value + "]";
    }
}
