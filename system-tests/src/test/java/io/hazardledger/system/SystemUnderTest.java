package io.hazardledger.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every test class of the run the same {@link RunningStack}: started on first use, stopped when the run ends
 * (the root store closes it). Starting the four services, PostgreSQL databases and a broker takes about a minute,
 * so each class starting its own would multiply that.
 */
final class SystemUnderTest implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SystemUnderTest.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningStack.class, type -> {
            try {
                return RunningStack.start();
            } catch (Exception e) {
                throw new IllegalStateException("The system did not start", e);
            }
        }, RunningStack.class);
    }
}
