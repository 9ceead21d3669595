package dev.omnigraph.domain.query.ast;

import java.util.Objects;

/** A declared parameter {@code $name: Type}; {@code name} excludes the {@code $}. */
public record Param(String name, ParamType type) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
