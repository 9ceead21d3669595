package dev.omnigraph.domain.query.plan;

import java.util.List;

/**
 * A total, deterministic order: the user's keys, then the tie-break — the {@code id} of every bound
 * entity variable, in variable-name order, ascending (edge bindings by their edge id). Aggregate
 * results have no tie-break variables: their group rows are already distinct.
 */
public record Order(List<SortKey> keys, List<String> tieBreakVariables) {
    public Order {
        keys = List.copyOf(keys);
        tieBreakVariables = List.copyOf(tieBreakVariables);
    }

    /** True when a key is {@code nearest(...)} or {@code rrf(...)}, whose top-k is taken with the limit. */
    public boolean isRankedRetrieval() {
        return keys.stream().anyMatch(k -> k.expr() instanceof PlanExpr.Nearest || k.expr() instanceof PlanExpr.Rrf);
    }
}
