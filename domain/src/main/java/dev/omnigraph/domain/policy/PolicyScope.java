package dev.omnigraph.domain.policy;

import java.util.Objects;

/**
 * What one compiled policy engine governs: one graph's contents (a bundle bound to that graph) or the
 * server's graph registry (the bundle bound to {@code cluster}). A scope has at most one engine; requests
 * are authorized against the engine of their scope. Records, so scopes are usable as map keys.
 */
public sealed interface PolicyScope {

    /** The Cedar id of the single {@code Omnigraph::Server} entity, and the placeholder graph id of a server engine. */
    String SERVER_RESOURCE_ID = "root";

    /** The kind of actions this scope's engine evaluates. */
    PolicyKind kind();

    /** The id of this scope's Cedar resource entity: the graph id, or {@value #SERVER_RESOURCE_ID}. */
    String resourceId();

    record Graph(String graphId) implements PolicyScope {
        public Graph {
            Objects.requireNonNull(graphId, "graphId");
            if (graphId.isBlank()) {
                throw new IllegalArgumentException("a graph scope names a graph");
            }
        }

        @Override
        public PolicyKind kind() {
            return PolicyKind.GRAPH;
        }

        @Override
        public String resourceId() {
            return graphId;
        }

        @Override
        public String toString() {
            return "graph." + graphId;
        }
    }

    record Server() implements PolicyScope {
        @Override
        public PolicyKind kind() {
            return PolicyKind.SERVER;
        }

        @Override
        public String resourceId() {
            return SERVER_RESOURCE_ID;
        }

        @Override
        public String toString() {
            return "cluster";
        }
    }

    static PolicyScope graph(String graphId) {
        return new Graph(graphId);
    }

    static PolicyScope server() {
        return new Server();
    }
}
