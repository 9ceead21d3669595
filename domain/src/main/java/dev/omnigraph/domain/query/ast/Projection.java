package dev.omnigraph.domain.query.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code expr [as alias]} inside {@code return { … }}. */
public record Projection(Expr expr, Optional<String> alias) {
    public Projection {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(alias, "alias");
    }
}
