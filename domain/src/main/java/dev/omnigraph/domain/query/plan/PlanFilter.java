package dev.omnigraph.domain.query.plan;

import java.util.Objects;

/**
 * {@code left op right}. A text-search predicate is {@code search(...) EQ true}; NULL operands never
 * match.
 */
public record PlanFilter(PlanExpr left, FilterOp op, PlanExpr right) {
    public PlanFilter {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(right, "right");
    }

    /** True for a search/fuzzy/match_text predicate, which the executor runs as an index prefilter. */
    public boolean isTextSearch() {
        return left instanceof PlanExpr.TextSearch search && search.function().isPredicate();
    }
}
