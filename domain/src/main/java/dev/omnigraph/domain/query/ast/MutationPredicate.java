package dev.omnigraph.domain.query.ast;

import java.util.Objects;

/** The single {@code where prop op value} of an update or delete (no AND/OR exists). */
public record MutationPredicate(String property, CompOp op, MatchValue value) {
    public MutationPredicate {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        if (!op.isComparison()) {
            throw new IllegalArgumentException("mutation predicates accept only = != < <= > >=");
        }
    }
}
