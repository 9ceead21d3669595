package dev.omnigraph.application.query;

import dev.omnigraph.domain.query.plan.MatchOp;
import dev.omnigraph.domain.query.plan.OutputColumn;
import dev.omnigraph.domain.query.plan.PlanExpr;
import dev.omnigraph.domain.query.plan.PlanFilter;
import dev.omnigraph.domain.query.plan.ReadPlan;
import dev.omnigraph.domain.query.plan.SortKey;

import java.util.List;
import java.util.Optional;

/**
 * The search functions ({@code nearest}, {@code bm25}, {@code rrf}, {@code search}, {@code fuzzy},
 * {@code match_text}) are a later milestone. A plan using one anywhere is refused before any data is
 * read, with {@link UnsupportedQueryFeatureException}, so no caller gets an approximated answer.
 */
final class SearchFeatures {

    private SearchFeatures() {
    }

    /** Refuses the plan if any of its expressions is a search function. */
    static void rejectUnsupported(ReadPlan plan) {
        checkOps(plan.match());
        for (OutputColumn column : plan.output().columns()) {
            check(column.expr());
        }
        plan.order().ifPresent(order -> {
            for (SortKey key : order.keys()) {
                check(key.expr());
            }
        });
    }

    private static void checkOps(List<MatchOp> ops) {
        for (MatchOp op : ops) {
            if (op instanceof MatchOp.NodeScan scan) {
                scan.filters().forEach(SearchFeatures::check);
            } else if (op instanceof MatchOp.Expand expand) {
                expand.destinationFilters().forEach(SearchFeatures::check);
            } else if (op instanceof MatchOp.Filter filter) {
                check(filter.filter());
            } else if (op instanceof MatchOp.AntiJoin antiJoin) {
                checkOps(antiJoin.inner());
            }
        }
    }

    private static void check(PlanFilter filter) {
        check(filter.left());
        check(filter.right());
    }

    private static void check(PlanExpr expr) {
        find(expr).ifPresent(found -> {
            throw unsupported(found);
        });
    }

    private static Optional<PlanExpr> find(PlanExpr expr) {
        if (expr instanceof PlanExpr.Nearest || expr instanceof PlanExpr.TextSearch || expr instanceof PlanExpr.Rrf) {
            return Optional.of(expr);
        }
        if (expr instanceof PlanExpr.Aggregate aggregate) {
            return find(aggregate.argument());
        }
        return Optional.empty();
    }

    /** The refusal for one search expression, naming the function as the query spells it. */
    static UnsupportedQueryFeatureException unsupported(PlanExpr expr) {
        String feature;
        if (expr instanceof PlanExpr.Nearest) {
            feature = "nearest";
        } else if (expr instanceof PlanExpr.Rrf) {
            feature = "rrf";
        } else if (expr instanceof PlanExpr.TextSearch search) {
            feature = search.function().spelling();
        } else {
            feature = expr.getClass().getSimpleName();
        }
        return new UnsupportedQueryFeatureException(feature,
                feature + "() is not supported by this build yet (search functions are a later milestone)");
    }
}
