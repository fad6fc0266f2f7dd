package org.mapi4j.tck.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.mapi4j.tck.Rule;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Turns an exception that escaped a provider's SPI method into a failure of GEN-5 (spec decision 7:
 * an SPI method never throws) that names the call. The call is the outermost stack frame outside the
 * TCK's own packages; an exception raised by the TCK's own code is left alone.
 */
public final class EscapedExceptions {

    private static final String TCK = "org.mapi4j.tck.";

    private EscapedExceptions() {
    }

    /**
     * @param thrown what a rule's test threw
     * @param rule the rule that was running
     * @return a GEN-5 failure if {@code thrown} (or the cause it wraps) escaped a provider, else {@code thrown}
     */
    public static Throwable translate(Throwable thrown, Rule rule) {
        if (thrown instanceof TestAbortedException || thrown instanceof VirtualMachineError) {
            return thrown;
        }
        Throwable cause = thrown;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException
                || cause instanceof InvocationTargetException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TestAbortedException || cause instanceof VirtualMachineError) {
            return cause;
        }
        // An AssertionError is the TCK's own failure unless a provider threw it (an assert of its own).
        String call = escapedCall(cause);
        if (call == null) {
            return cause instanceof AssertionError ? cause : thrown;
        }
        return new AssertionFailedError(message(call, cause, rule), cause);
    }

    /**
     * @param thrown an exception or error
     * @return whether the TCK's own code raised it (a rule, the fixture, a callback of the TCK), not a
     *     provider
     */
    public static boolean raisedByTck(Throwable thrown) {
        StackTraceElement[] stack = thrown.getStackTrace();
        return stack.length > 0 && isTck(stack[0].getClassName());
    }

    /**
     * @param call the SPI method, for example {@code MapiSessionHandle.logoff}
     * @param cause what it threw
     * @param rule the rule that was running
     * @return the GEN-5 failure message
     */
    public static String message(String call, Throwable cause, Rule rule) {
        return Rule.GEN_5.id() + ": " + call + " threw " + cause.getClass().getName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                + " while checking " + rule.id() + "; an SPI method must return an HRESULT, never throw";
    }

    /**
     * @param cause an exception
     * @return the provider method it escaped from ({@code SimpleClassName.method}), or {@code null} if it
     *     was raised by the TCK itself
     */
    static String escapedCall(Throwable cause) {
        StackTraceElement[] stack = cause.getStackTrace();
        if (stack.length > 0 && isTestFramework(stack[0].getClassName())) {
            return null; // an assertion of JUnit's, wherever it was called from
        }
        for (int i = 0; i < stack.length; i++) {
            if (isTck(stack[i].getClassName())) {
                if (i == 0) {
                    return null;
                }
                StackTraceElement call = stack[i - 1];
                return spiType(call.getClassName(), call.getMethodName()) + "." + call.getMethodName();
            }
        }
        return null;
    }

    /** The SPI interface that declares the method, else the class's simple name. */
    private static String spiType(String className, String method) {
        try {
            Class<?> type = Class.forName(className, false, EscapedExceptions.class.getClassLoader());
            String found = spiInterface(type, method);
            if (found != null) {
                return found;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // a class of another loader: fall back to its name
        }
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String spiInterface(Class<?> type, String method) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Class<?> i : t.getInterfaces()) {
                if (i.getPackageName().equals("org.mapi4j.spi")) {
                    for (java.lang.reflect.Method m : i.getMethods()) {
                        if (m.getName().equals(method)) {
                            return m.getDeclaringClass().getSimpleName();
                        }
                    }
                }
                String deeper = spiInterface(i, method);
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }

    private static boolean isTestFramework(String className) {
        return className.startsWith("org.junit.") || className.startsWith("org.opentest4j.");
    }

    private static boolean isTck(String className) {
        if (!className.startsWith(TCK)) {
            return false;
        }
        String rest = className.substring(TCK.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return true;
        }
        String pkg = rest.substring(0, dot);
        return pkg.equals("rules") || pkg.equals("fixture") || pkg.equals("run") || pkg.equals("cli")
                || pkg.equals("internal");
    }
}
