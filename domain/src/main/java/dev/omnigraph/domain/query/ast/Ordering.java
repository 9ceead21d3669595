package dev.omnigraph.domain.query.ast;

import java.util.Objects;

/** {@code expr [asc|desc]} inside {@code order { … }}; ascending unless {@code desc} was written. */
public record Ordering(Expr expr, boolean descending) {
    public Ordering {
        Objects.requireNonNull(expr, "expr");
    }
}
