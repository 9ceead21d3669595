package dev.omnigraph.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.lang.Span;
import dev.omnigraph.domain.schema.BaseType;
import dev.omnigraph.domain.query.ast.Clause;
import dev.omnigraph.domain.query.ast.CompOp;
import dev.omnigraph.domain.query.ast.Expr;
import dev.omnigraph.domain.query.ast.Literal;
import dev.omnigraph.domain.query.ast.Mutation;
import dev.omnigraph.domain.query.ast.ParamType;
import dev.omnigraph.domain.query.ast.QueryBody;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.query.parse.ParsedQueries;
import dev.omnigraph.domain.query.parse.QueryParser;
import dev.omnigraph.domain.query.parse.QueryPrinter;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table per grammar construct: accepted text and the canonical form it parses to, and rejected
 * text with the exact code, line and column of the diagnostic. Positions matter because editors and
 * the CLI point users at them.
 */
class QueryParserTest {

    private static final String HEAD = "query q($s: String, $n: I32) {\n    match {\n        $p: Person\n        ";
    private static final String TAIL = "\n    }\n    return { $p.name }\n}\n";

    /** Wraps one match clause into a read query; the clause starts at line 4, column 9. */
    private static String clause(String text) {
        return HEAD + text + TAIL;
    }

    static Stream<Arguments> acceptedClauses() {
        return Stream.of(
                Arguments.of("binding", "$c: Company", "$c: Company"),
                Arguments.of("binding with property map", "$c: Company { slug: \"a\", rank: 3, }",
                        "$c: Company { slug: \"a\", rank: 3 }"),
                Arguments.of("binding with param and now", "$c: Company { slug: $s, founded: now() }",
                        "$c: Company { slug: $s, founded: now() }"),
                Arguments.of("traversal", "$p knows $f", "$p knows $f"),
                Arguments.of("bounded traversal", "$p knows{1,3} $f", "$p knows{1,3} $f"),
                Arguments.of("default bounds normalise", "$p knows{1,1} $f", "$p knows $f"),
                Arguments.of("open bound parses (typecheck rejects)", "$p knows{2,} $f", "$p knows{2,} $f"),
                Arguments.of("undirected traversal", "$p <knows> $f", "$p <knows> $f"),
                Arguments.of("edge binding", "$p $w:knows $f", "$p $w:knows $f"),
                Arguments.of("undirected edge binding", "$p $w:<knows> $f", "$p $w:<knows> $f"),
                Arguments.of("anonymous endpoint", "$p worksAt $_", "$p worksAt $_"),
                Arguments.of("bare variable contains is a traversal", "$p contains $m", "$p contains $m"),
                Arguments.of("filter =", "$p.age = 3", "$p.age = 3"),
                Arguments.of("filter !=", "$p.age != $n", "$p.age != $n"),
                Arguments.of("filter <", "$p.age < 3", "$p.age < 3"),
                Arguments.of("filter <=", "$p.age <= 3", "$p.age <= 3"),
                Arguments.of("filter >", "$p.age > 3.25", "$p.age > 3.25"),
                Arguments.of("filter >=", "$p.age >= 3", "$p.age >= 3"),
                Arguments.of("filter < variable is not a traversal", "$p < $q", "$p < $q"),
                Arguments.of("contains", "$p.tags contains \"x\"", "$p.tags contains \"x\""),
                Arguments.of("starts_with", "$p.name starts_with \"A\"", "$p.name starts_with \"A\""),
                Arguments.of("search clause", "search($p.name, $s)", "search($p.name, $s)"),
                Arguments.of("fuzzy clause", "fuzzy($p.name, $s, 2)", "fuzzy($p.name, $s, 2)"),
                Arguments.of("match_text clause", "match_text($p.name, \"a b\")", "match_text($p.name, \"a b\")"),
                Arguments.of("search compared explicitly", "search($p.name, $s) = false", "search($p.name, $s) = false"),
                Arguments.of("string escapes", "$p.name = \"a\\\"b\\\\c\\n\\t\\r\"", "$p.name = \"a\\\"b\\\\c\\n\\t\\r\""),
                Arguments.of("date and datetime", "$p.born < date(\"2020-01-02\")", "$p.born < date(\"2020-01-02\")"),
                Arguments.of("datetime", "$p.seen >= datetime(\"2020-01-02T03:04:05Z\")",
                        "$p.seen >= datetime(\"2020-01-02T03:04:05Z\")"),
                Arguments.of("bools", "$p.ok = true", "$p.ok = true"),
                Arguments.of("lists", "$p.tags = [\"a\", [1, 2.5], []]", "$p.tags = [\"a\", [1, 2.5], []]"),
                Arguments.of("keywords are not reserved", "$p.match = $p.return", "$p.match = $p.return"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedClauses")
    void accepts_clause(String construct, String text, String canonical) {
        ParsedQueries parsed = QueryParser.parse(clause(text));
        QueryBody.ReadBody body = (QueryBody.ReadBody) parsed.file().queries().get(0).body();
        Clause parsedClause = body.match().get(1);
        assertEquals(canonical, QueryPrinter.clause(parsedClause), construct);
        Span span = parsed.positions().spanOf(parsedClause).orElseThrow();
        assertEquals(4, span.line());
        assertEquals(9, span.column());
    }

    static Stream<Arguments> rejectedClauses() {
        return Stream.of(
                Arguments.of("binding needs an upper-case type", "$c: company", "Q009", 4, 13),
                Arguments.of("empty property map", "$c: Company { }", "Q001", 4, 23),
                Arguments.of("property map needs a value", "$c: Company { slug: }", "Q001", 4, 29),
                Arguments.of("filter needs an operator", "$p.age 3", "Q001", 4, 16),
                Arguments.of("bounds need a comma", "$p knows{2} $f", "Q001", 4, 12),
                Arguments.of("traversal needs a destination variable", "$p knows \"x\" = 1", "Q001", 4, 12),
                Arguments.of("negative numbers do not exist", "$p.age > -1", "Q001", 4, 18),
                Arguments.of("lone bang", "$p.age ! 1", "L001", 4, 16),
                Arguments.of("unterminated string", "$p.name = \"abc", "L002", 4, 19),
                Arguments.of("unknown escape", "$p.name = \"a\\qb\"", "L003", 4, 21),
                Arguments.of("upper-case variable", "$P.age = 1", "L005", 4, 9),
                Arguments.of("integer overflow", "$p.age = 99999999999999999999", "Q003", 4, 18),
                Arguments.of("hop bound overflow", "$p knows{1,99999999999} $f", "Q003", 4, 20),
                Arguments.of("rrf rank must be nearest or bm25", "rrf($p.x, bm25($p.name, $s)) = 1", "Q007", 4, 13),
                Arguments.of("empty not block", "not { }", "Q001", 4, 15),
                Arguments.of("unterminated list", "$p.tags = [1, 2", "Q001", 5, 5),
                Arguments.of("text search needs two arguments", "search($p.name)", "Q001", 4, 23));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedClauses")
    void rejects_clause(String construct, String text, String code, int line, int column) {
        LanguageException error = assertThrows(LanguageException.class, () -> QueryParser.parse(clause(text)));
        assertEquals(code, error.code(), () -> construct + ": " + error.getMessage());
        assertEquals(line, error.primary().span().line(), () -> construct + ": " + error.getMessage());
        assertEquals(column, error.primary().span().column(), () -> construct + ": " + error.getMessage());
        assertTrue(error.getMessage().contains("^"), "diagnostics render a caret excerpt");
    }

    static Stream<Arguments> rejectedQueries() {
        return Stream.of(
                Arguments.of("missing query keyword", "qery q() { match { $p: P } return { $p } }", "Q001", 1, 1),
                Arguments.of("query name is lower-case", "query Q() { match { $p: P } return { $p } }", "Q009", 1, 7),
                Arguments.of("unknown param type", "query q($a: Strin) { match { $p: P } return { $p } }", "Q001", 1, 13),
                Arguments.of("params need commas", "query q($a: String $b: I32) { match { $p: P } return { $p } }",
                        "Q001", 1, 20),
                Arguments.of("duplicate description",
                        "query q() @description(\"a\") @description(\"b\") { match { $p: P } return { $p } }", "Q004", 1, 29),
                Arguments.of("unsupported annotation", "query q() @tag(\"a\") { match { $p: P } return { $p } }",
                        "Q005", 1, 11),
                Arguments.of("empty body", "query q() { }", "Q001", 1, 13),
                Arguments.of("match needs return", "query q() { match { $p: P } }", "Q001", 1, 29),
                Arguments.of("empty return", "query q() { match { $p: P } return { } }", "Q001", 1, 38),
                Arguments.of("order needs commas", "query q() { match { $p: P } return { $p } order { $p.a $p.b } }",
                        "Q001", 1, 56),
                Arguments.of("nearest ordering takes no direction",
                        "query q($v: Vector(3)) { match { $d: D } return { $d } order { nearest($d.e, $v) desc } limit 1 }",
                        "Q006", 1, 82),
                Arguments.of("limit needs an integer", "query q() { match { $p: P } return { $p } limit ten }",
                        "Q001", 1, 49),
                Arguments.of("update needs where", "query q() { update P set { a: 1 } }", "Q001", 1, 35),
                Arguments.of("insert needs assignments", "query q() { insert P { } }", "Q001", 1, 24),
                Arguments.of("delete needs where", "query q() { delete P }", "Q001", 1, 22),
                Arguments.of("where takes comparisons only", "query q() { delete P where a contains \"x\" }",
                        "Q008", 1, 30),
                Arguments.of("unterminated block comment", "/* never closed", "L004", 1, 1),
                Arguments.of("read and mutation never mix", "query q() { insert P { a: 1 } match { $p: P } }",
                        "Q001", 1, 31));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedQueries")
    void rejects_query(String construct, String text, String code, int line, int column) {
        LanguageException error = assertThrows(LanguageException.class, () -> QueryParser.parse(text));
        assertEquals(code, error.code(), () -> construct + ": " + error.getMessage());
        assertEquals(line, error.primary().span().line(), () -> construct + ": " + error.getMessage());
        assertEquals(column, error.primary().span().column(), () -> construct + ": " + error.getMessage());
    }

    @Test
    void declaration_header_params_and_annotations() {
        QueryDecl query = QueryParser.parse("""
                // comment
                query find($a: String, $b: [I32]?, $c: Vector(8), $d: DateTime?, $e: Blob)
                    @instruction("use \\"b\\"") @description("finds") {
                    match { $p: P /* inline */ }
                    return { $p }
                }
                """).file().queries().get(0);
        assertEquals("find", query.name());
        assertEquals(List.of(
                ParamType.scalar(BaseType.STRING, false), ParamType.listOf(BaseType.I32, true),
                ParamType.vector(8, false), ParamType.scalar(BaseType.DATE_TIME, true),
                ParamType.scalar(BaseType.BLOB, false)), query.params().stream().map(p -> p.type()).toList());
        assertEquals(Optional.of("finds"), query.description());
        assertEquals(Optional.of("use \"b\""), query.instruction());
    }

    @Test
    void return_order_and_limit() {
        QueryBody.ReadBody body = (QueryBody.ReadBody) QueryParser.parse("""
                query q($q: String) {
                    match { $p: P }
                    return {
                        $p.name as n
                        count($p), sum($p.a) avg($p.a) min($p.a) max($p.a)
                        bm25($p.t, $q) as s, rrf(nearest($p.v, $q), bm25($p.t, $q)), now(), 1, n
                    }
                    order { n desc, $p.name asc, s }
                    limit 7
                }
                """).file().queries().get(0).body();
        assertEquals(11, body.returns().size());
        assertEquals(Optional.of("n"), body.returns().get(0).alias());
        assertEquals(new Expr.AliasRef("n"), body.returns().get(10).expr());
        assertEquals(List.of(true, false, false), body.order().stream().map(o -> o.descending()).toList());
        assertEquals(OptionalLong.of(7), body.limit());
    }

    @Test
    void mutations_in_source_order() {
        List<Mutation> statements = ((QueryBody.MutationBody) QueryParser.parse("""
                query m($n: String) {
                    insert Person { name: $n age: 3, seen: now() }
                    update Person set { age: 4 } where name = $n
                    delete Knows where from != "x"
                }
                """).file().queries().get(0).body()).statements();
        assertEquals(3, statements.size());
        Mutation.Update update = (Mutation.Update) statements.get(1);
        assertEquals(CompOp.EQ, update.where().op());
        assertEquals(new Expr.Lit(new Literal.IntLit(4)), update.assignments().get(0).value());
        assertEquals(CompOp.NE, ((Mutation.Delete) statements.get(2)).where().op());
        assertEquals(new Expr.NowCall(), ((Mutation.Insert) statements.get(0)).assignments().get(2).value());
    }

    @Test
    void deep_nesting_fails_cleanly_instead_of_overflowing_the_stack() {
        String deepList = "[".repeat(100_000);
        LanguageException list = assertThrows(LanguageException.class,
                () -> QueryParser.parse(clause("$p.tags = " + deepList)));
        assertEquals("Q002", list.code());
        String deepCalls = "count(".repeat(100_000);
        assertEquals("Q002", assertThrows(LanguageException.class,
                () -> QueryParser.parse(clause(deepCalls))).code());
        String deepNot = "not { ".repeat(100_000);
        assertEquals("Q002", assertThrows(LanguageException.class,
                () -> QueryParser.parse(clause(deepNot))).code());
    }

    @Test
    void an_empty_file_has_no_queries() {
        assertTrue(QueryParser.parse("  // nothing\n").file().queries().isEmpty());
    }
}
