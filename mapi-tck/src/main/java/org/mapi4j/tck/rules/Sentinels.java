package org.mapi4j.tck.rules;

import java.lang.reflect.Proxy;

/**
 * Placeholder objects to pre-fill out-parameters with, so that a test can see whether a failing call
 * set them to NULL (GEN-4). Calling one throws.
 */
final class Sentinels {

    private Sentinels() {
    }

    static <T> T of(Class<T> type) {
        Object proxy = Proxy.newProxyInstance(Sentinels.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                        return "sentinel " + type.getSimpleName();
                    }
                    if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                        return System.identityHashCode(self);
                    }
                    if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                        return self == args[0];
                    }
                    throw new UnsupportedOperationException("a TCK sentinel " + type.getSimpleName()
                            + " was used as a real object");
                });
        return type.cast(proxy);
    }
}
