package dev.omnigraph.domain.query.plan;

import dev.omnigraph.domain.query.ast.AggFunc;
import dev.omnigraph.domain.query.ast.Literal;

import java.util.Objects;
import java.util.Optional;

/** Expressions of the logical plan: the AST's expressions with variables and parameters told apart. */
public sealed interface PlanExpr {

    /** {@code $variable.property} of a bound node or edge binding. */
    record Property(String variable, String property) implements PlanExpr {
        public Property {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(property, "property");
        }
    }

    /** A bare bound variable; its value is the entity's {@code id}. */
    record Entity(String variable) implements PlanExpr {
        public Entity {
            Objects.requireNonNull(variable, "variable");
        }
    }

    /** A declared parameter, by name without {@code $}. */
    record Param(String name) implements PlanExpr {
        public Param {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A literal. */
    record Constant(Literal value) implements PlanExpr {
        public Constant {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code now()}: one timestamp per query execution, supplied by the executor (never a clock here). */
    record Now() implements PlanExpr {
    }

    /** Vector distance of {@code $variable.property} to {@code query} (a vector, or a String to embed). */
    record Nearest(String variable, String property, PlanExpr query) implements PlanExpr {
        public Nearest {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(query, "query");
        }
    }

    /** A full-text predicate or score over a String field. */
    record TextSearch(TextFunction function, PlanExpr field, PlanExpr query, Optional<PlanExpr> maxEdits)
            implements PlanExpr {
        public TextSearch {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(maxEdits, "maxEdits");
        }
    }

    /** Reciprocal-rank fusion of two ranks; {@code k} defaults to 60 at execution when absent. */
    record Rrf(PlanExpr primary, PlanExpr secondary, Optional<PlanExpr> k) implements PlanExpr {
        public Rrf {
            Objects.requireNonNull(primary, "primary");
            Objects.requireNonNull(secondary, "secondary");
            Objects.requireNonNull(k, "k");
        }
    }

    /** An aggregate over the rows of one group. */
    record Aggregate(AggFunc function, PlanExpr argument) implements PlanExpr {
        public Aggregate {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(argument, "argument");
        }
    }

    /** A reference to a result column by its alias. */
    record ColumnRef(String alias) implements PlanExpr {
        public ColumnRef {
            Objects.requireNonNull(alias, "alias");
        }
    }

    /** The text functions: three predicates and one score. */
    enum TextFunction {
        SEARCH("search"), FUZZY("fuzzy"), MATCH_TEXT("match_text"), BM25("bm25");

        private final String spelling;

        TextFunction(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }

        /** True for search/fuzzy/match_text, which filter rows; false for the bm25 score. */
        public boolean isPredicate() {
            return this != BM25;
        }
    }
}
