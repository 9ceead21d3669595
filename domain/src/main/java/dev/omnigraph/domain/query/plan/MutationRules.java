package dev.omnigraph.domain.query.plan;

import dev.omnigraph.domain.lang.Diagnostic;
import dev.omnigraph.domain.query.QueryCodes;
import dev.omnigraph.domain.query.typecheck.NodeTypeInfo;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;

import java.util.Optional;

/**
 * The static rules the engine applies to a mutation plan before any I/O. They are not typecheck
 * rules in the reference (a stored mutation that breaks them still typechecks and lists), so the
 * engine calls {@link #enforce} when it runs the mutation.
 */
public final class MutationRules {

    private MutationRules() {
    }

    /**
     * A query is either constructive (inserts/updates) or destructive (deletes), never both, so its
     * read-your-writes stays unambiguous.
     */
    public static Optional<Diagnostic> mixedStatements(MutationPlan plan) {
        boolean constructive = plan.operations().stream().anyMatch(MutationOp::isConstructive);
        boolean destructive = plan.operations().stream().anyMatch(op -> !op.isConstructive());
        if (!constructive || !destructive) {
            return Optional.empty();
        }
        return Optional.of(Diagnostic.error(QueryCodes.MIXED_MUTATION, "mutation '" + plan.name()
                + "' on the same query mixes inserts/updates and deletes; split into separate mutations: "
                + "(1) inserts and updates, then (2) deletes. A query is deliberately constructive or "
                + "destructive, not both, so its read-your-writes stays unambiguous; run the two on a branch "
                + "and merge if you need them in one atomic commit.", null));
    }

    /** An update may not assign any {@code @key} property: identity is the key, so re-insert instead. */
    public static Optional<Diagnostic> keyUpdate(MutationPlan plan, QueryCatalog catalog) {
        for (MutationOp op : plan.operations()) {
            if (!(op instanceof MutationOp.UpdateNodes update)) {
                continue;
            }
            Optional<NodeTypeInfo> node = catalog.nodeType(update.typeName());
            if (node.isEmpty()) {
                continue;
            }
            for (String key : node.get().keyProperties()) {
                if (update.assignments().stream().anyMatch(a -> a.property().equals(key))) {
                    return Optional.of(Diagnostic.error(QueryCodes.KEY_UPDATE, "cannot update @key property '" + key
                            + "' — delete and re-insert instead", null));
                }
            }
        }
        return Optional.empty();
    }

    /** Throws the first violated rule, mixed statements first (the reference checks it before planning writes). */
    public static void enforce(MutationPlan plan, QueryCatalog catalog) {
        Optional<Diagnostic> violation = mixedStatements(plan).or(() -> keyUpdate(plan, catalog));
        if (violation.isPresent()) {
            throw new MutationRejectedException(violation.get());
        }
    }
}
