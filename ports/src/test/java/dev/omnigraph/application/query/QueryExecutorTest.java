package dev.omnigraph.application.query;

import static dev.omnigraph.application.query.QueryTestGraphs.TEST_CATALOG;
import static dev.omnigraph.application.query.QueryTestGraphs.person;
import static dev.omnigraph.application.query.QueryTestGraphs.row;
import static dev.omnigraph.application.query.QueryTestGraphs.run;
import static dev.omnigraph.application.query.QueryTestGraphs.sortedRows;
import static dev.omnigraph.application.query.QueryTestGraphs.testGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The executor's answers on the reference's TEST fixture (engine notes §11), computed by hand: these
 * are the behaviours the reference's own acceptance tests pin (direction inference, anti-join,
 * variable-length set semantics, undirected union, edge bindings, aggregates, total order, limit).
 */
class QueryExecutorTest {

    private final InMemoryGraphReader graph = testGraph().build("test:v1");

    @Test
    void one_hop_traversal_follows_edges_out_of_the_source() {
        QueryResult result = run(graph, """
                query friends_of($name: String) {
                    match { $p: Person { name: $name }  $p knows $f }
                    return { $f.name, $f.age }
                }
                """, Map.of("name", "Alice"));
        assertEquals(List.of("f.name", "f.age"), result.columnNames());
        assertEquals(List.of(row("Bob", 25L), row("Charlie", 35L)), sortedRows(result));
    }

    @Test
    void reverse_traversal_direction_is_inferred_from_the_bound_type() {
        QueryResult result = run(graph, """
                query employees_of($company: String) {
                    match { $c: Company { name: $company }  $p worksAt $c }
                    return { $p.name }
                }
                """, Map.of("company", "Acme"));
        assertEquals(List.of(row("Alice")), result.rows());
    }

    @Test
    void two_hops_chain_two_expansions() {
        QueryResult result = run(graph, """
                query fof($name: String) {
                    match { $p: Person { name: $name }  $p knows $mid  $mid knows $fof }
                    return { $fof.name }
                }
                """, Map.of("name", "Alice"));
        assertEquals(List.of(row("Diana")), result.rows());
    }

    @Test
    void negation_keeps_rows_without_a_match() {
        QueryResult result = run(graph, """
                query unemployed() {
                    match { $p: Person  not { $p worksAt $_ } }
                    return { $p.name }
                }
                """);
        assertEquals(List.of(row("Charlie"), row("Diana")), sortedRows(result));
    }

    @Test
    void negation_with_an_inner_filter_only_removes_rows_whose_inner_match_passes_it() {
        QueryResult result = run(graph, """
                query q() {
                    match { $p: Person  not { $p knows $f  $f.age > 30 } }
                    return { $p.name }
                }
                """);
        // Alice knows Charlie (35): removed; Bob knows Diana (28): kept; Charlie, Diana know nobody.
        assertEquals(List.of(row("Bob"), row("Charlie"), row("Diana")), sortedRows(result));
    }

    @Test
    void cross_variable_filters_run_in_memory() {
        QueryResult result = run(graph, """
                query q() {
                    match { $p: Person  $p knows $f  $f.age < $p.age }
                    return { $p.name, $f.name }
                }
                """);
        assertEquals(List.of(row("Alice", "Bob")), sortedRows(result));
    }

    @Test
    void a_cycle_between_bound_variables_is_closed_by_id() {
        InMemoryGraphReader triangle = QueryTestGraphs.people(TEST_CATALOG, Map.of("A", 1, "B", 2, "C", 3, "D", 4))
                .edge("Knows", "e1", "A", "B", Map.of())
                .edge("Knows", "e2", "B", "C", Map.of())
                .edge("Knows", "e3", "C", "A", Map.of())
                .edge("Knows", "e4", "C", "D", Map.of())
                .build("triangle:v1");
        QueryResult result = run(triangle, """
                query q() {
                    match { $a: Person  $a knows $b  $b knows $c  $c knows $a }
                    return { $a.name, $b.name, $c.name }
                }
                """);
        assertEquals(List.of(row("A", "B", "C"), row("B", "C", "A"), row("C", "A", "B")), sortedRows(result));
    }

    @Test
    void disconnected_bindings_form_a_cross_product() {
        QueryResult result = run(graph, """
                query q() {
                    match { $p: Person { name: "Bob" }  $c: Company }
                    return { $p.name, $c.name }
                }
                """);
        assertEquals(List.of(row("Bob", "Acme"), row("Bob", "Globex")), sortedRows(result));
    }

    @Test
    void a_bare_variable_returns_its_id() {
        QueryResult result = run(graph, """
                query q() {
                    match { $p: Person { name: "Bob" }  $p worksAt $c }
                    return { $p, $c }
                }
                """);
        assertEquals(List.of("p", "c"), result.columnNames());
        assertEquals(List.of(row("Bob", "Globex")), result.rows());
        assertEquals(ValueType.scalar(ScalarKind.STRING, false), result.columns().get(0).type());
    }

    @Test
    void literal_parameter_and_now_projections() {
        QueryResult result = run(graph, """
                query q($x: I64) {
                    match { $p: Person { name: "Bob" } }
                    return { $x, 7 as seven, now() as at }
                }
                """, Map.of("x", 42L));
        assertEquals(List.of("x", "seven", "at"), result.columnNames());
        assertEquals(List.of(row(42L, 7L, QueryTestGraphs.NOW.toEpochMilli())), result.rows());
    }

    @Test
    void search_functions_are_refused_before_any_read() {
        UnsupportedQueryFeatureException refused = assertThrows(UnsupportedQueryFeatureException.class, () -> run(graph, """
                query q($q: String) {
                    match { $p: Person  search($p.name, $q) }
                    return { $p.name }
                }
                """, Map.of("q", "ali")));
        assertEquals("search", refused.feature());
        assertEquals("query_feature_not_supported", refused.code());
        assertTrue(refused.getMessage().contains("is not supported by this build yet"), refused.getMessage());
        assertTrue(graph.scans().isEmpty(), "nothing may be read for a refused query");
    }

    @Test
    void fuzzy_and_match_text_are_refused_too() {
        for (String predicate : List.of("fuzzy($p.name, $q, 2)", "match_text($p.name, $q)")) {
            UnsupportedQueryFeatureException refused = assertThrows(UnsupportedQueryFeatureException.class,
                    () -> run(graph, "query q($q: String) { match { $p: Person  " + predicate + " } return { $p.name } }",
                            Map.of("q", "x")));
            assertTrue(predicate.startsWith(refused.feature()), refused.feature());
        }
    }

    @Test
    void bm25_in_a_projection_is_refused() {
        UnsupportedQueryFeatureException refused = assertThrows(UnsupportedQueryFeatureException.class, () -> run(graph, """
                query q($q: String) {
                    match { $p: Person }
                    return { $p.name, bm25($p.name, $q) as score }
                    order { score desc }
                    limit 3
                }
                """, Map.of("q", "x")));
        assertEquals("bm25", refused.feature());
    }
}
