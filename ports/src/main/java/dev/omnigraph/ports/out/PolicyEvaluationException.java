package dev.omnigraph.ports.out;

/**
 * A request a compiled decider could not evaluate (an engine error, not a denial). Served as a 500
 * ({@code policy: <message>}), never as an allow or a deny.
 */
public final class PolicyEvaluationException extends PolicyEngineException {

    public PolicyEvaluationException(String message) {
        super(message, null);
    }

    public PolicyEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
