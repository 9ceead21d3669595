package dev.omnigraph.domain.query.ast;

import dev.omnigraph.domain.schema.BaseType;

import java.util.Objects;

/**
 * A parameter's declared type as written: a base type, {@code [Base]}, or {@code Vector(n)}, each with
 * an optional {@code ?}.
 *
 * <p>The vector dimension is kept exactly as written (a {@code long}) because validating it (1 ≤ n ≤
 * 2³¹−1) is the typechecker's job, as in the reference; for non-vector types it is 0.
 */
public record ParamType(BaseType base, long vectorDimension, boolean list, boolean nullable) {
    public ParamType {
        Objects.requireNonNull(base, "base");
        if (base == BaseType.VECTOR && list) {
            throw new IllegalArgumentException("the grammar has no list of vectors");
        }
        if (base != BaseType.VECTOR && vectorDimension != 0) {
            throw new IllegalArgumentException("only Vector carries a dimension");
        }
    }

    public static ParamType scalar(BaseType base, boolean nullable) {
        return new ParamType(base, 0, false, nullable);
    }

    public static ParamType listOf(BaseType base, boolean nullable) {
        return new ParamType(base, 0, true, nullable);
    }

    public static ParamType vector(long dimension, boolean nullable) {
        return new ParamType(BaseType.VECTOR, dimension, false, nullable);
    }

    /** The type as the reference spells it without the {@code ?}: {@code String}, {@code [I32]}, {@code Vector(4)}. */
    public String typeName() {
        String core = base == BaseType.VECTOR ? "Vector(" + vectorDimension + ")" : base.spelling();
        return list ? "[" + core + "]" : core;
    }

    /** The type as written in source, including a trailing {@code ?} when nullable. */
    public String render() {
        return nullable ? typeName() + "?" : typeName();
    }
}
