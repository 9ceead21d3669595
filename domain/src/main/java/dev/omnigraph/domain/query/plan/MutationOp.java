package dev.omnigraph.domain.query.plan;

import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.List;
import java.util.Objects;

/** One typed mutation statement. Values are literals, parameters or {@code now()} only. */
public sealed interface MutationOp {

    String typeName();

    /** A property value to write, with the property's declared type. */
    record PlanAssignment(String property, PlanExpr value, ValueType type) {
        public PlanAssignment {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
        }
    }

    /** The single {@code where property op value}; for edges {@code from}/{@code to} are endpoint ids. */
    record PlanPredicate(String property, FilterOp op, PlanExpr value, ValueType type) {
        public PlanPredicate {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
        }
    }

    /** Inserts one node (an upsert when the type has an {@code @key}). */
    record InsertNode(String typeName, List<PlanAssignment> assignments) implements MutationOp {
        public InsertNode {
            Objects.requireNonNull(typeName, "typeName");
            assignments = List.copyOf(assignments);
        }
    }

    /** Inserts one edge between the nodes whose ids are {@code from} and {@code to}. */
    record InsertEdge(String typeName, PlanExpr from, PlanExpr to, List<PlanAssignment> assignments)
            implements MutationOp {
        public InsertEdge {
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            assignments = List.copyOf(assignments);
        }
    }

    /** Sets properties on every node of the type matching the predicate. */
    record UpdateNodes(String typeName, List<PlanAssignment> assignments, PlanPredicate where) implements MutationOp {
        public UpdateNodes {
            Objects.requireNonNull(typeName, "typeName");
            assignments = List.copyOf(assignments);
            Objects.requireNonNull(where, "where");
        }
    }

    /**
     * Deletes the matching nodes and, by cascade, every edge of {@code cascadeEdgeTypes} incident to
     * them (all edge types with this node type as an endpoint, in declaration order).
     */
    record DeleteNodes(String typeName, PlanPredicate where, List<String> cascadeEdgeTypes) implements MutationOp {
        public DeleteNodes {
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(where, "where");
            cascadeEdgeTypes = List.copyOf(cascadeEdgeTypes);
        }
    }

    /** Deletes the matching edges. */
    record DeleteEdges(String typeName, PlanPredicate where) implements MutationOp {
        public DeleteEdges {
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(where, "where");
        }
    }

    /** True for inserts and updates, false for deletes (see {@link MutationRules}). */
    default boolean isConstructive() {
        return !(this instanceof DeleteNodes || this instanceof DeleteEdges);
    }
}
