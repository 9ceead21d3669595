package dev.omnigraph.domain.query.parse;

import dev.omnigraph.domain.query.ast.Assignment;
import dev.omnigraph.domain.query.ast.Clause;
import dev.omnigraph.domain.query.ast.Expr;
import dev.omnigraph.domain.query.ast.Literal;
import dev.omnigraph.domain.query.ast.MatchValue;
import dev.omnigraph.domain.query.ast.Mutation;
import dev.omnigraph.domain.query.ast.MutationPredicate;
import dev.omnigraph.domain.query.ast.Ordering;
import dev.omnigraph.domain.query.ast.Param;
import dev.omnigraph.domain.query.ast.Projection;
import dev.omnigraph.domain.query.ast.PropMatch;
import dev.omnigraph.domain.query.ast.QueryBody;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.ast.QueryFile;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a syntax tree as canonical {@code .gq} text.
 *
 * <p>Contract: for every tree the parser can produce, {@code parse(print(tree))} equals {@code tree}.
 * The layout is fixed (four-space indentation, one clause per line, default bounds and {@code asc}
 * omitted), so printing is also a formatter. A bare text-search clause, which the tree stores as
 * {@code call = true}, is printed bare again.
 */
public final class QueryPrinter {

    private static final String INDENT = "    ";

    private QueryPrinter() {
    }

    /** The whole file, declarations separated by a blank line. */
    public static String print(QueryFile file) {
        return file.queries().stream().map(QueryPrinter::print).collect(Collectors.joining("\n"));
    }

    /** One declaration, ending with a newline. */
    public static String print(QueryDecl query) {
        StringBuilder out = new StringBuilder();
        out.append("query ").append(query.name()).append('(');
        out.append(query.params().stream().map(QueryPrinter::param).collect(Collectors.joining(", ")));
        out.append(')');
        query.description().ifPresent(text -> out.append(" @description(").append(quote(text)).append(')'));
        query.instruction().ifPresent(text -> out.append(" @instruction(").append(quote(text)).append(')'));
        out.append(" {\n");
        if (query.body() instanceof QueryBody.ReadBody read) {
            readBody(read, out);
        } else if (query.body() instanceof QueryBody.MutationBody mutations) {
            for (Mutation mutation : mutations.statements()) {
                out.append(INDENT).append(mutation(mutation)).append('\n');
            }
        }
        out.append("}\n");
        return out.toString();
    }

    private static String param(Param param) {
        return "$" + param.name() + ": " + param.type().render();
    }

    private static void readBody(QueryBody.ReadBody read, StringBuilder out) {
        out.append(INDENT).append("match {\n");
        clauses(read.match(), 2, out);
        out.append(INDENT).append("}\n");
        out.append(INDENT).append("return { ")
                .append(read.returns().stream().map(QueryPrinter::projection).collect(Collectors.joining(", ")))
                .append(" }\n");
        if (!read.order().isEmpty()) {
            out.append(INDENT).append("order { ")
                    .append(read.order().stream().map(QueryPrinter::ordering).collect(Collectors.joining(", ")))
                    .append(" }\n");
        }
        read.limit().ifPresent(limit -> out.append(INDENT).append("limit ").append(limit).append('\n'));
    }

    private static void clauses(List<Clause> clauses, int depth, StringBuilder out) {
        String indent = INDENT.repeat(depth);
        for (Clause clause : clauses) {
            if (clause instanceof Clause.Negation negation) {
                out.append(indent).append("not {\n");
                clauses(negation.clauses(), depth + 1, out);
                out.append(indent).append("}\n");
            } else {
                out.append(indent).append(clause(clause)).append('\n');
            }
        }
    }

    /** One non-negation clause on a single line. */
    public static String clause(Clause clause) {
        if (clause instanceof Clause.Binding binding) {
            String head = "$" + binding.variable() + ": " + binding.typeName();
            if (binding.propMatches().isEmpty()) {
                return head;
            }
            return head + " { " + binding.propMatches().stream().map(QueryPrinter::propMatch)
                    .collect(Collectors.joining(", ")) + " }";
        }
        if (clause instanceof Clause.Traversal traversal) {
            StringBuilder out = new StringBuilder("$").append(traversal.source()).append(' ');
            traversal.edgeBinding().ifPresent(binding -> out.append('$').append(binding).append(':'));
            out.append(traversal.undirected() ? "<" + traversal.edgeName() + ">" : traversal.edgeName());
            if (!traversal.isSingleHop()) {
                out.append('{').append(traversal.minHops()).append(',');
                traversal.maxHops().ifPresent(out::append);
                out.append('}');
            }
            return out.append(" $").append(traversal.destination()).toString();
        }
        if (clause instanceof Clause.Filter filter) {
            if (filter.isTextSearchClause()) {
                return expr(filter.left());
            }
            return expr(filter.left()) + " " + filter.op().spelling() + " " + expr(filter.right());
        }
        if (clause instanceof Clause.Negation negation) {
            StringBuilder out = new StringBuilder();
            clauses(negation.clauses(), 0, out);
            return "not { " + out.toString().strip().replace("\n", " ") + " }";
        }
        throw new IllegalStateException("unknown clause " + clause);
    }

    private static String propMatch(PropMatch match) {
        return match.property() + ": " + value(match.value());
    }

    private static String projection(Projection projection) {
        return expr(projection.expr()) + projection.alias().map(alias -> " as " + alias).orElse("");
    }

    private static String ordering(Ordering ordering) {
        return expr(ordering.expr()) + (ordering.descending() ? " desc" : "");
    }

    /** One mutation statement on a single line. */
    public static String mutation(Mutation mutation) {
        if (mutation instanceof Mutation.Insert insert) {
            return "insert " + insert.typeName() + " " + assignments(insert.assignments());
        }
        if (mutation instanceof Mutation.Update update) {
            return "update " + update.typeName() + " set " + assignments(update.assignments())
                    + " where " + predicate(update.where());
        }
        Mutation.Delete delete = (Mutation.Delete) mutation;
        return "delete " + delete.typeName() + " where " + predicate(delete.where());
    }

    private static String assignments(List<Assignment> assignments) {
        return "{ " + assignments.stream().map(a -> a.property() + ": " + value(a.value()))
                .collect(Collectors.joining(", ")) + " }";
    }

    private static String predicate(MutationPredicate predicate) {
        return predicate.property() + " " + predicate.op().spelling() + " " + value(predicate.value());
    }

    private static String value(MatchValue value) {
        return expr((Expr) value);
    }

    /** An expression in source form. */
    public static String expr(Expr expr) {
        if (expr instanceof Expr.NowCall) {
            return "now()";
        }
        if (expr instanceof Expr.Prop prop) {
            return "$" + prop.variable() + "." + prop.property();
        }
        if (expr instanceof Expr.Var variable) {
            return "$" + variable.name();
        }
        if (expr instanceof Expr.Lit lit) {
            return literal(lit.value());
        }
        if (expr instanceof Expr.Nearest nearest) {
            return "nearest($" + nearest.variable() + "." + nearest.property() + ", " + expr(nearest.query()) + ")";
        }
        if (expr instanceof Expr.Search search) {
            return "search(" + expr(search.field()) + ", " + expr(search.query()) + ")";
        }
        if (expr instanceof Expr.Fuzzy fuzzy) {
            return "fuzzy(" + expr(fuzzy.field()) + ", " + expr(fuzzy.query())
                    + fuzzy.maxEdits().map(edits -> ", " + expr(edits)).orElse("") + ")";
        }
        if (expr instanceof Expr.MatchText matchText) {
            return "match_text(" + expr(matchText.field()) + ", " + expr(matchText.query()) + ")";
        }
        if (expr instanceof Expr.Bm25 bm25) {
            return "bm25(" + expr(bm25.field()) + ", " + expr(bm25.query()) + ")";
        }
        if (expr instanceof Expr.Rrf rrf) {
            return "rrf(" + expr(rrf.primary()) + ", " + expr(rrf.secondary())
                    + rrf.k().map(k -> ", " + expr(k)).orElse("") + ")";
        }
        if (expr instanceof Expr.Aggregate aggregate) {
            return aggregate.function().spelling() + "(" + expr(aggregate.argument()) + ")";
        }
        if (expr instanceof Expr.AliasRef alias) {
            return alias.name();
        }
        throw new IllegalStateException("unknown expression " + expr);
    }

    /** A literal in source form. */
    public static String literal(Literal literal) {
        if (literal instanceof Literal.StringLit string) {
            return quote(string.value());
        }
        if (literal instanceof Literal.IntLit integer) {
            return Long.toString(integer.value());
        }
        if (literal instanceof Literal.FloatLit floating) {
            return floatText(floating.value());
        }
        if (literal instanceof Literal.BoolLit bool) {
            return Boolean.toString(bool.value());
        }
        if (literal instanceof Literal.DateLit date) {
            return "date(" + quote(date.text()) + ")";
        }
        if (literal instanceof Literal.DateTimeLit dateTime) {
            return "datetime(" + quote(dateTime.text()) + ")";
        }
        Literal.ListLit list = (Literal.ListLit) literal;
        return "[" + list.items().stream().map(QueryPrinter::literal).collect(Collectors.joining(", ")) + "]";
    }

    /** {@code digits.digits}, the only float shape the grammar accepts, denoting exactly this double. */
    private static String floatText(double value) {
        String plain = BigDecimal.valueOf(value).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** A string literal with the five escapes the lexer understands. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
