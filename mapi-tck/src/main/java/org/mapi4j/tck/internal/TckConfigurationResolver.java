package org.mapi4j.tck.internal;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.mapi4j.tck.TckConfiguration;

/**
 * Gives lifecycle methods the {@link TckConfiguration}: the JUnit Platform configuration parameters of
 * the running launcher (so the command-line runner can configure a run without global state).
 */
public final class TckConfigurationResolver implements ParameterResolver {

    /** Creates the resolver; JUnit calls this. */
    public TckConfigurationResolver() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TckConfiguration.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return new TckConfiguration(extensionContext::getConfigurationParameter);
    }
}
