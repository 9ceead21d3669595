package dev.omnigraph.domain.query;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.lang.LanguageException;
import dev.omnigraph.domain.query.typecheck.BoundVariable;
import dev.omnigraph.domain.query.typecheck.CheckedQuery;
import dev.omnigraph.domain.query.typecheck.Direction;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every typecheck code with one query it accepts and one it rejects, against {@code example.pg}. The
 * codes and message texts follow the reference, because users and tools match on them.
 */
class QueryTypeCheckerTest {

    private static final QueryCatalog CATALOG = QueryTestSupport.exampleCatalog();

    private static String read(String params, String match, String rest) {
        return "query q(" + params + ") {\n  match {\n    " + match + "\n  }\n  " + rest + "\n}\n";
    }

    private static String ret(String params, String match, String projections) {
        return read(params, match, "return { " + projections + " }");
    }

    private static String mutation(String params, String body) {
        return "query m(" + params + ") {\n  " + body + "\n}\n";
    }

    static Stream<Arguments> codes() {
        return Stream.of(
                Arguments.of("T1", ret("", "$p: Person", "$p.name"), ret("", "$p: Persons", "$p"),
                        "unknown node type `Persons`"),
                Arguments.of("T2", ret("", "$p: Person { age: 3 }", "$p.name"), ret("", "$p: Person { agee: 3 }", "$p"),
                        "type `Person` has no property `agee`"),
                Arguments.of("T3", ret("", "$p: Person { role: \"admin\" }", "$p.name"),
                        ret("", "$p: Person { role: \"boss\" }", "$p"),
                        "property `role` expects one of [admin, guest, member], got 'boss'"),
                Arguments.of("T4", ret("", "$p: Person\n    $p knows $f", "$f.name"),
                        ret("", "$p: Person\n    $p likes $f", "$f"), "unknown edge type `likes`"),
                Arguments.of("T5", ret("", "$c: Company\n    $p worksAt $c", "$p.name"),
                        ret("", "$c: Company\n    $c knows $f", "$f"),
                        "variable `$c` has type `Company`, which is not an endpoint of edge `Knows: Person -> Person`"),
                Arguments.of("T6", ret("", "$p: Person", "$p.age"), ret("", "$p: Person", "$p.height"),
                        "type `Person` has no property `height`"),
                Arguments.of("T7", ret("$n: I32", "$p: Person\n    $p.age > $n", "$p.name"),
                        ret("", "$p: Person\n    $p.age > \"old\"", "$p"), "cannot compare I32? with String"),
                Arguments.of("T8", ret("", "$p: Person", "sum($p.age)"), ret("", "$p: Person", "sum($p.name)"),
                        "sum requires numeric type, got String"),
                Arguments.of("T9", ret("", "$p: Person", "$p.name, count($p)"),
                        ret("", "$p: Person", "now(), count($p)"),
                        "non-aggregate expressions in an aggregate query must be property accesses or variables"),
                Arguments.of("T10", mutation("$n: String", "delete Person where name = $n"),
                        mutation("$n: String", "delete Robot where name = $n"), "unknown node/edge type `Robot`"),
                Arguments.of("T11", mutation("$n: String", "update Person set { age: 3 } where name = $n"),
                        mutation("$n: String", "update Person set { height: 3 } where name = $n"),
                        "type `Person` has no property `height`"),
                Arguments.of("T12", mutation("$n: String", "insert Person { name: $n, role: \"guest\" }"),
                        mutation("$n: String", "insert Person { name: $n }"),
                        "insert for `Person` must provide non-nullable property `role`"),
                Arguments.of("T13", mutation("$n: String", "update Person set { age: 1 } where name = $n"),
                        mutation("$n: String", "update Person set { age: 1, age: 2 } where name = $n"),
                        "duplicate assignment for property `age`"),
                Arguments.of("T14", mutation("$n: String", "delete Person where name = $n"),
                        mutation("", "delete Person where name = $n"),
                        "mutation variable `$n` must be a declared query parameter"),
                Arguments.of("T15", ret("", "$p: Person\n    $p knows{1,3} $f", "$f.name"),
                        ret("", "$p: Person\n    $p knows{3,1} $f", "$f"),
                        "invalid traversal bounds {3,1}; max must be >= min"),
                Arguments.of("T16", mutation("$n: String", "update Person set { age: 1 } where name = $n"),
                        mutation("$n: String", "update Knows set { weight: 1.0 } where from = $n"),
                        "update mutation for edge type `Knows` is not supported"),
                Arguments.of("T17", read("$v: Vector(3)", "$d: Doc", "return { $d.slug }\n  order { nearest($d.embedding, $v) }\n  limit 3"),
                        read("$v: Vector(3)", "$d: Doc", "return { $d.slug }\n  order { nearest($d.embedding, $v) }"),
                        "nearest ordering requires a limit clause"),
                Arguments.of("T18", read("$v: Vector(3)", "$d: Doc", "return { $d.slug as s }\n  order { s }"),
                        read("$v: Vector(3)", "$d: Doc",
                                "return { $d.slug as s }\n  order { nearest($d.embedding, $v), s }\n  limit 2"),
                        "alias-based ordering is not supported together with nearest in phase 1"),
                Arguments.of("T19", ret("$q: String", "$d: Doc\n    fuzzy($d.title, $q, 2)", "$d.slug"),
                        ret("$q: String", "$d: Doc\n    fuzzy($d.title, $q, 2.5)", "$d.slug"),
                        "fuzzy max_edits must be an integer scalar, got F64"),
                Arguments.of("T20", ret("$q: String", "$d: Doc", "bm25($d.body, $q)"),
                        ret("", "$d: Doc", "bm25($d.body, 3)"), "bm25 query must be String, got I64"),
                Arguments.of("T21", read("$q: String", "$d: Doc",
                                "return { $d.slug }\n  order { rrf(nearest($d.embedding, $q), bm25($d.body, $q), 10) }\n  limit 2"),
                        read("$q: String", "$d: Doc",
                                "return { $d.slug }\n  order { rrf(nearest($d.embedding, $q), bm25($d.body, $q), 0) }\n  limit 2"),
                        "rrf k must be greater than 0"),
                Arguments.of("T22", ret("", "$p: Person\n    $p <knows> $f", "$f.name"),
                        ret("", "$p: Person\n    $p <worksAt> $c", "$c.slug"),
                        "undirected traversal `<WorksAt>` requires a same-endpoint-type edge, but "
                                + "`WorksAt: Person -> Company` is asymmetric; use the directional form"),
                Arguments.of("T23", ret("", "$p: Person\n    $p $w:knows $f", "$w.weight"),
                        ret("", "$p: Person\n    $p $w:knows{1,2} $f", "$f.name"),
                        "edge binding `$w` cannot be combined with traversal bounds; a multi-hop traversal matches "
                                + "a path of edges, not one edge"),
                Arguments.of("T24", ret("", "$d: Doc", "$d.note"), ret("", "$d: Doc", "$d.attachment"),
                        "Blob property `$d.attachment` is not available as a .gq read value; Blob values require a "
                                + "dedicated API"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void each_code_accepts_and_rejects(String code, String accepted, String rejected, String message) {
        assertDoesNotThrow(() -> QueryTestSupport.check(CATALOG, accepted), () -> code + " accept case");
        LanguageException error = QueryTestSupport.checkFails(CATALOG, rejected, code);
        assertEquals(message, error.primary().message());
        assertNotNull(error.primary().span(), "typecheck errors carry a position");
        assertTrue(error.primary().span().line() >= 1);
        assertTrue(error.getMessage().contains("error[" + code + "]"));
    }

    @Test
    void errors_point_at_the_offending_node() {
        LanguageException error = QueryTestSupport.checkFails(CATALOG,
                "query q() {\n  match {\n    $p: Person\n    $p.height > 3\n  }\n  return { $p }\n}\n", "T6");
        assertEquals(4, error.primary().span().line());
        assertEquals(5, error.primary().span().column());
    }

    @Test
    void uncoded_reference_errors_get_q1xx_codes() {
        QueryTestSupport.checkFails(CATALOG, ret("", "$p: Person\n    $p: Company", "$p"), "Q101");
        QueryTestSupport.checkFails(CATALOG, ret("$v: Vector(0)", "$p: Person", "$p"), "Q102");
        QueryTestSupport.checkFails(CATALOG, ret("$__nanograph_now: String", "$p: Person", "$p"), "Q103");
        QueryTestSupport.checkFails(CATALOG, ret("", "$p: Person { tags: [\"a\", 1] }", "$p"), "Q104");
    }

    @Test
    void traversal_direction_is_inferred_from_the_bound_endpoint() {
        CheckedQuery.Read read = (CheckedQuery.Read) QueryTestSupport.check(CATALOG,
                ret("", "$c: Company\n    $p worksAt $c\n    $c worksAt $r\n    $x <knows> $q", "$p.name"));
        assertEquals(new BoundVariable.Node("Person"), read.bindings().get("p"));
        assertEquals(Direction.OUT, read.traversals().get(0).direction());
        assertEquals(Direction.IN, read.traversals().get(1).direction());
        assertEquals(Direction.BOTH, read.traversals().get(2).direction());
    }

    @Test
    void more_rules_of_the_reference() {
        // negation must reference an outer variable (T9)
        QueryTestSupport.checkFails(CATALOG, ret("", "$p: Person\n    not { $a knows $b }", "$p"), "T9");
        // list equality in a binding (T3), list comparisons (T7), string contains needs String (T7)
        QueryTestSupport.checkFails(CATALOG, ret("", "$p: Person { tags: [\"a\"] }", "$p"), "T3");
        QueryTestSupport.checkFails(CATALOG, ret("", "$p: Person\n    $p.tags = \"a\"", "$p"), "T7");
        QueryTestSupport.checkFails(CATALOG, ret("", "$p: Person\n    $p.name contains 3", "$p"), "T7");
        // now() only for DateTime (T7); non-nullable edge property on insert (T12)
        QueryTestSupport.checkFails(CATALOG, mutation("$n: String", "update Person set { age: now() } where name = $n"), "T7");
        QueryTestSupport.checkFails(CATALOG, mutation("$a: String, $b: String", "insert WorksAt { from: $a, to: $b }"), "T12");
        // @embed target may be omitted when its source is given
        assertDoesNotThrow(() -> QueryTestSupport.check(CATALOG,
                mutation("$s: String", "insert Doc { slug: $s, title: \"t\", body: \"b\", status: \"live\" }")));
        // blob params only for assignment (T24 as a read value), String param may fill a Blob
        QueryTestSupport.checkFails(CATALOG, ret("$b: Blob", "$d: Doc", "$b"), "T24");
        assertDoesNotThrow(() -> QueryTestSupport.check(CATALOG,
                mutation("$s: String, $u: String", "update Doc set { attachment: $u } where slug = $s")));
        // edge binding used bare or as a search target (T23); unbound nearest variable (T15)
        QueryTestSupport.checkFails(CATALOG, ret("", "$p: Person\n    $p $w:knows $f", "$w"), "T23");
        QueryTestSupport.checkFails(CATALOG, read("$v: Vector(3)", "$d: Doc",
                "return { $d.slug }\n  order { nearest($x.embedding, $v) }\n  limit 1"), "T15");
        // unbounded traversal (T15) and vector dimension mismatch (T15)
        QueryTestSupport.checkFails(CATALOG, ret("", "$p: Person\n    $p knows{1,} $f", "$f"), "T15");
        QueryTestSupport.checkFails(CATALOG, read("$v: Vector(4)", "$d: Doc",
                "return { $d.slug }\n  order { nearest($d.embedding, $v) }\n  limit 1"), "T15");
    }
}
