package dev.omnigraph.domain.cluster.config;

import java.util.Objects;

/**
 * How a policy bundle must compile, decided by its bindings: as the server engine when it binds
 * {@code cluster}, as a graph engine for its first bound graph, or not at all when its bindings
 * are empty or mixed (those already have their own diagnostics; the file is still parsed).
 */
public sealed interface PolicyRuntime {

    record Server() implements PolicyRuntime {
    }

    record Graph(String graphId) implements PolicyRuntime {
        public Graph {
            Objects.requireNonNull(graphId, "graphId");
        }
    }

    record Unbound() implements PolicyRuntime {
    }
}
