package dev.omnigraph.domain.query.ast;

import java.util.Objects;

/** {@code prop: value} inside a binding's braces (list properties match by membership). */
public record PropMatch(String property, MatchValue value) {
    public PropMatch {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
    }
}
