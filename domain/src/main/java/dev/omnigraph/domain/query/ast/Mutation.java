package dev.omnigraph.domain.query.ast;

import java.util.List;
import java.util.Objects;

/** Mutation statements. */
public sealed interface Mutation {

    /** The node or edge type name the statement targets. */
    String typeName();

    /** {@code insert Type { prop: value, … }} (edges use {@code from:} / {@code to:}). */
    record Insert(String typeName, List<Assignment> assignments) implements Mutation {
        public Insert {
            Objects.requireNonNull(typeName, "typeName");
            assignments = List.copyOf(assignments);
        }
    }

    /** {@code update Type set { prop: value, … } where prop op value}. */
    record Update(String typeName, List<Assignment> assignments, MutationPredicate where) implements Mutation {
        public Update {
            Objects.requireNonNull(typeName, "typeName");
            assignments = List.copyOf(assignments);
            Objects.requireNonNull(where, "where");
        }
    }

    /** {@code delete Type where prop op value}. */
    record Delete(String typeName, MutationPredicate where) implements Mutation {
        public Delete {
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(where, "where");
        }
    }
}
