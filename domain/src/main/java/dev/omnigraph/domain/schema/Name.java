package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.lang.Span;

import java.util.Objects;

/** A name as written in the source: a declared name or a reference to one. */
public record Name(String text, Span span) {

    public Name {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(span, "span");
    }

    public static Name synthetic(String text) {
        return new Name(text, Positions.NONE);
    }

    public Name withoutPositions() {
        return new Name(text, Positions.NONE);
    }

    @Override
    public String toString() {
        return text;
    }
}
