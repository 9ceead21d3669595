package dev.omnigraph.domain.query.plan;

import java.util.Objects;

/**
 * One ordering key. NULLs sort first when ascending and last when descending, as in the reference
 * ({@code nullsFirst == !descending}); a {@code nearest(...)} key sorts by ascending distance.
 */
public record SortKey(PlanExpr expr, boolean descending, boolean nullsFirst) {
    public SortKey {
        Objects.requireNonNull(expr, "expr");
    }

    public static SortKey of(PlanExpr expr, boolean descending) {
        return new SortKey(expr, descending, !descending);
    }
}
