package dev.omnigraph.domain.query.typecheck;

import java.util.Objects;

/**
 * One column of a read query's result as the compiler infers it.
 *
 * @param name the column name the reference's result-shape inference gives it: the alias, else the
 *     property name for {@code $x.p}, the variable for {@code $x}, the function name for calls and
 *     aggregates, {@code literal} for literals
 * @param type the column's static type ({@link ResolvedType.NodeRef} for a bare node variable)
 * @param nullable whether the column may hold nulls
 */
public record ResultField(String name, ResolvedType type, boolean nullable) {
    public ResultField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
