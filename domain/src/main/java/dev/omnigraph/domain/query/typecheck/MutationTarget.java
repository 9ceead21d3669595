package dev.omnigraph.domain.query.typecheck;

import java.util.Objects;

/** The namespace a mutation statement resolved to (a node and an edge type may share a name). */
public sealed interface MutationTarget {

    String typeName();

    record Node(String typeName) implements MutationTarget {
        public Node {
            Objects.requireNonNull(typeName, "typeName");
        }
    }

    record Edge(String typeName) implements MutationTarget {
        public Edge {
            Objects.requireNonNull(typeName, "typeName");
        }
    }
}
