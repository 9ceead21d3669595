package dev.omnigraph.ports.out;

/**
 * The typed failures of a {@link PolicyEngine} and its deciders; an engine library's own exceptions never
 * cross the port.
 */
public abstract sealed class PolicyEngineException extends RuntimeException
        permits PolicyCompilationException, PolicyEvaluationException {

    protected PolicyEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
