package dev.omnigraph.domain.query.plan;

import dev.omnigraph.domain.query.typecheck.ResolvedType;

import java.util.Objects;

/**
 * One result column.
 *
 * @param name the runtime column name: the alias, else {@code var.prop} for {@code $var.prop},
 *     {@code var} for a bare variable (its id), the parameter name for {@code $param}, the function
 *     name for calls and aggregates, {@code literal} for literals, {@code now} for {@code now()}
 * @param type the static type inferred by the typechecker
 */
public record OutputColumn(String name, PlanExpr expr, ResolvedType type, boolean nullable) {
    public OutputColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(type, "type");
    }

    public boolean isAggregate() {
        return expr instanceof PlanExpr.Aggregate;
    }
}
