package dev.omnigraph.domain.query.ast;

import java.util.Objects;
import java.util.Optional;

/** Expressions of filters, projections and orderings. */
public sealed interface Expr {

    /** {@code now()}: the query's single evaluation timestamp (a DateTime). */
    record NowCall() implements Expr, MatchValue {}

    /** {@code $variable.property}. */
    record Prop(String variable, String property) implements Expr {
        public Prop {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(property, "property");
        }
    }

    /** {@code $name}: a bound variable or a declared parameter (resolved by the typechecker). */
    record Var(String name) implements Expr, MatchValue {
        public Var {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A literal value. */
    record Lit(Literal value) implements Expr, MatchValue {
        public Lit {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code nearest($x.vectorProp, query)}: vector distance, ascending = closest first. */
    record Nearest(String variable, String property, Expr query) implements Expr {
        public Nearest {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(query, "query");
        }
    }

    /** {@code search(field, query)}: full-text match predicate. */
    record Search(Expr field, Expr query) implements Expr {
        public Search {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(query, "query");
        }
    }

    /** {@code fuzzy(field, query [, maxEdits])}: Levenshtein-tolerant text predicate. */
    record Fuzzy(Expr field, Expr query, Optional<Expr> maxEdits) implements Expr {
        public Fuzzy {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(maxEdits, "maxEdits");
        }
    }

    /** {@code match_text(field, query)}: phrase match predicate. */
    record MatchText(Expr field, Expr query) implements Expr {
        public MatchText {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(query, "query");
        }
    }

    /** {@code bm25(field, query)}: BM25 relevance score. */
    record Bm25(Expr field, Expr query) implements Expr {
        public Bm25 {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * {@code rrf(primary, secondary [, k])}: reciprocal-rank fusion; the grammar only admits
     * {@link Nearest} or {@link Bm25} as the two ranks.
     */
    record Rrf(Expr primary, Expr secondary, Optional<Expr> k) implements Expr {
        public Rrf {
            Objects.requireNonNull(primary, "primary");
            Objects.requireNonNull(secondary, "secondary");
            Objects.requireNonNull(k, "k");
        }
    }

    /** {@code count|sum|avg|min|max(arg)}. */
    record Aggregate(AggFunc function, Expr argument) implements Expr {
        public Aggregate {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(argument, "argument");
        }
    }

    /** A bare identifier: a reference to a {@code return} alias. */
    record AliasRef(String name) implements Expr {
        public AliasRef {
            Objects.requireNonNull(name, "name");
        }
    }
}
