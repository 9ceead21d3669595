package dev.omnigraph.domain.access;

import java.util.Objects;
import java.util.Optional;

/** The outcome of classifying a server's configuration: serve in a runtime state, or refuse to start. */
public sealed interface RuntimeClassification {

    /** Start in {@code state}; {@code warning} is logged at start when present. */
    record Serve(RuntimeState state, Optional<String> warning) implements RuntimeClassification {
        public Serve {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(warning, "warning");
        }
    }

    /** Do not start; {@code message} tells the operator why and what to configure. */
    record Refuse(String message) implements RuntimeClassification {
        public Refuse {
            Objects.requireNonNull(message, "message");
        }
    }
}
