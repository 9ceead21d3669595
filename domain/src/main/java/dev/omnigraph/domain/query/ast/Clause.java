package dev.omnigraph.domain.query.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** One clause inside {@code match { … }} or {@code not { … }}. */
public sealed interface Clause {

    /** {@code $x: Type} or {@code $x: Type { prop: value, … }}. */
    record Binding(String variable, String typeName, List<PropMatch> propMatches) implements Clause {
        public Binding {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(typeName, "typeName");
            propMatches = List.copyOf(propMatches);
        }
    }

    /**
     * {@code $a [$w:]edge[{min,max}] $b} or the undirected {@code $a [$w:]<edge>[{min,max}] $b}.
     *
     * @param edgeName the edge name as written (lowercase-initial; resolved case-insensitively)
     * @param edgeBinding the variable naming the matched edge row, if written
     * @param minHops lower hop bound (1 when no bounds were written)
     * @param maxHops upper hop bound; absent for an open {@code {min,}} bound, which typechecking rejects
     */
    record Traversal(
            String source,
            Optional<String> edgeBinding,
            String edgeName,
            boolean undirected,
            long minHops,
            OptionalLong maxHops,
            String destination)
            implements Clause {
        public Traversal {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(edgeBinding, "edgeBinding");
            Objects.requireNonNull(edgeName, "edgeName");
            Objects.requireNonNull(maxHops, "maxHops");
            Objects.requireNonNull(destination, "destination");
        }

        /** A single-hop directed traversal without an edge binding. */
        public static Traversal simple(String source, String edgeName, String destination) {
            return new Traversal(source, Optional.empty(), edgeName, false, 1, OptionalLong.of(1), destination);
        }

        /** True when the bounds are the default {@code {1,1}}. */
        public boolean isSingleHop() {
            return minHops == 1 && maxHops.isPresent() && maxHops.getAsLong() == 1;
        }
    }

    /**
     * {@code left op right}. A bare text-search clause ({@code search(f, q)}, {@code fuzzy(…)},
     * {@code match_text(…)}) is represented, as in the reference, as {@code call = true}.
     */
    record Filter(Expr left, CompOp op, Expr right) implements Clause {
        public Filter {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(right, "right");
        }

        /** True when this filter is the desugared form of a bare text-search clause. */
        public boolean isTextSearchClause() {
            return op == CompOp.EQ
                    && right instanceof Expr.Lit lit
                    && lit.value() instanceof Literal.BoolLit bool
                    && bool.value()
                    && (left instanceof Expr.Search || left instanceof Expr.Fuzzy || left instanceof Expr.MatchText);
        }
    }

    /** {@code not { clause+ }}: rows for which the inner clauses match are removed (anti-join). */
    record Negation(List<Clause> clauses) implements Clause {
        public Negation {
            clauses = List.copyOf(clauses);
        }
    }
}
