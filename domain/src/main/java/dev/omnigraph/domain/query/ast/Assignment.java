package dev.omnigraph.domain.query.ast;

import java.util.Objects;

/** {@code prop: value} inside an {@code insert} or {@code update … set}. */
public record Assignment(String property, MatchValue value) {
    public Assignment {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
    }
}
