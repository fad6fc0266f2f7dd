package org.mapi4j.tck.internal;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.mapi4j.tck.MapiProviderTck;
import org.mapi4j.tck.Rule;

/**
 * Reports an exception that escaped a provider during a rule's {@code @Test} method as a GEN-5
 * failure naming the call ({@link EscapedExceptions}), and a failure that the TCK subclass lists as a
 * known provider gap as such ({@link KnownGaps}); dynamic cases do the same in {@code TckContext.tckCase}.
 */
public final class EscapedExceptionHandler implements TestExecutionExceptionHandler {

    /** JUnit creates it. */
    public EscapedExceptionHandler() {
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Optional<Rule> rule = context.getTags().stream().map(Rule::byId).flatMap(Optional::stream).findFirst();
        if (rule.isEmpty()) {
            throw throwable;
        }
        Throwable translated = EscapedExceptions.translate(throwable, rule.get());
        Object instance = context.getTestInstance().orElse(null);
        if (instance instanceof MapiProviderTck tck) {
            throw KnownGaps.apply(tck.knownProviderGaps(), rule.get(), null, translated);
        }
        throw translated;
    }
}
