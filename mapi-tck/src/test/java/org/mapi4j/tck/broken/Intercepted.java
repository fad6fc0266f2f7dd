package org.mapi4j.tck.broken;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** A stand-in for one SPI object that answers some calls itself and forwards every other call. */
public final class Intercepted {

    /** What an {@link Answer} returns for a call it leaves to the real object. */
    public static final Object FORWARD = new Object();

    /** Answers a call in place of the real object, or returns {@link #FORWARD}. */
    @FunctionalInterface
    public interface Answer {

        /**
         * Answers one call.
         *
         * @param proxy the stand-in
         * @param method the method called
         * @param args its arguments
         * @return the result, or {@link #FORWARD} to call the real object
         */
        Object answer(Object proxy, Method method, Object[] args);
    }

    private Intercepted() {
    }

    /**
     * Makes a stand-in.
     *
     * @param type the SPI interface
     * @param real the object calls are forwarded to
     * @param answer what answers calls first
     * @param <T> the interface
     * @return the stand-in
     */
    public static <T> T of(Class<T> type, T real, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object answered = answer.answer(proxy, method, args);
            if (answered != FORWARD) {
                return answered;
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
