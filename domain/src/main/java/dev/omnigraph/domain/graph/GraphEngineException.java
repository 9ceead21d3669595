package dev.omnigraph.domain.graph;

import java.util.Objects;

/** A typed engine failure: a {@link GraphErrorKind} and a message written for the user. */
public final class GraphEngineException extends RuntimeException {
    private final GraphErrorKind kind;

    public GraphEngineException(GraphErrorKind kind, String message) {
        this(kind, message, null);
    }

    public GraphEngineException(GraphErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public GraphErrorKind kind() {
        return kind;
    }

    public String code() {
        return kind.code();
    }
}
