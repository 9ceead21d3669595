package dev.omnigraph.domain.query.typecheck;

import java.util.Objects;

/**
 * What a query variable is bound to. Node and edge bindings share one variable namespace but name
 * types in different namespaces, so the kind is part of the binding.
 */
public sealed interface BoundVariable {

    String typeName();

    /** A node variable ({@code $p: Person} or a traversal endpoint). */
    record Node(String typeName) implements BoundVariable {
        public Node {
            Objects.requireNonNull(typeName, "typeName");
        }
    }

    /** An edge binding ({@code $p $w:knows $f}); {@code typeName} is the declared edge name. */
    record Edge(String typeName) implements BoundVariable {
        public Edge {
            Objects.requireNonNull(typeName, "typeName");
        }
    }
}
