package dev.omnigraph.ports.out;

/** A bundle that cannot be compiled for the requested scope; the message says why. */
public final class PolicyCompilationException extends PolicyEngineException {

    public PolicyCompilationException(String message) {
        super(message, null);
    }

    public PolicyCompilationException(String message, Throwable cause) {
        super(message, cause);
    }
}
