package dev.omnigraph.application.query;

import static dev.omnigraph.application.query.QueryTestGraphs.TEST_CATALOG;
import static dev.omnigraph.application.query.QueryTestGraphs.days;
import static dev.omnigraph.application.query.QueryTestGraphs.row;
import static dev.omnigraph.application.query.QueryTestGraphs.run;
import static dev.omnigraph.application.query.QueryTestGraphs.sortedRows;
import static dev.omnigraph.application.query.QueryTestGraphs.testGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnigraph.domain.query.result.QueryResult;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Traversal semantics the reference pins (engine notes §3.2): variable-length walks report each
 * destination at most once per source (BFS with visited pruning, the source never re-entered), an
 * undirected traversal is the set union of both directions, and an edge binding yields one row per
 * edge row. Getting any of these wrong changes row counts silently, so each is asserted on a graph
 * built to expose it.
 */
class TraversalSemanticsTest {

    private static InMemoryGraphReader knows(String snapshot, String... pairs) {
        InMemoryGraphReader.Builder builder = QueryTestGraphs.people(TEST_CATALOG,
                Map.of("A", 1, "B", 2, "C", 3, "D", 4, "E", 5));
        for (int i = 0; i < pairs.length; i++) {
            String[] ends = pairs[i].split(">");
            builder.edge("Knows", "e" + i, ends[0], ends[1], Map.of());
        }
        return builder.build(snapshot);
    }

    private static List<List<Object>> reached(InMemoryGraphReader graph, String bounds, String from) {
        QueryResult result = run(graph, """
                query q($n: String) {
                    match { $p: Person { name: $n }  $p knows%s $f }
                    return { $f.name }
                }
                """.formatted(bounds), Map.of("n", from));
        return sortedRows(result);
    }

    @Test
    void variable_hops_on_a_chain() {
        InMemoryGraphReader chain = knows("chain", "A>B", "B>C", "C>D");
        assertEquals(List.of(row("B"), row("C"), row("D")), reached(chain, "{1,3}", "A"));
        assertEquals(List.of(row("C"), row("D")), reached(chain, "{2,3}", "A"));
        assertEquals(List.of(row("C")), reached(chain, "{2,2}", "A"));
        assertEquals(List.of(row("B")), reached(chain, "", "A"));
    }

    @Test
    void a_destination_reached_twice_is_reported_once() {
        InMemoryGraphReader diamond = knows("diamond", "A>B", "A>C", "B>D", "C>D");
        assertEquals(List.of(row("B"), row("C"), row("D")), reached(diamond, "{1,2}", "A"));
        assertEquals(List.of(row("D")), reached(diamond, "{2,2}", "A"));
    }

    @Test
    void parallel_edges_reach_a_destination_once_without_an_edge_binding() {
        InMemoryGraphReader parallel = knows("parallel", "A>B", "A>B");
        assertEquals(List.of(row("B")), reached(parallel, "", "A"));
    }

    @Test
    void a_node_already_visited_at_a_shorter_distance_is_not_reported_again() {
        // C is first reached at hop 1 (below min), so hop 2 via B does not report it.
        InMemoryGraphReader shortcut = knows("shortcut", "A>B", "A>C", "B>C");
        assertEquals(List.of(), reached(shortcut, "{2,2}", "A"));
        assertEquals(List.of(row("B"), row("C")), reached(shortcut, "{1,2}", "A"));
    }

    @Test
    void a_walk_back_to_the_source_does_not_report_the_source() {
        InMemoryGraphReader cycle = knows("cycle", "A>B", "B>A");
        assertEquals(List.of(row("B")), reached(cycle, "{1,3}", "A"));
    }

    @Test
    void a_self_loop_reports_its_node() {
        InMemoryGraphReader loop = knows("loop", "A>A", "A>B");
        assertEquals(List.of(row("A"), row("B")), reached(loop, "", "A"));
    }

    @Test
    void undirected_traversal_unions_in_and_out_neighbours_once_each() {
        InMemoryGraphReader graph = testGraph().build("test:v1");
        QueryResult result = run(graph, """
                query q() {
                    match { $p: Person { name: "Bob" }  $p <knows> $f }
                    return { $f.name }
                }
                """);
        assertEquals(List.of(row("Alice"), row("Diana")), sortedRows(result));

        InMemoryGraphReader mutual = knows("mutual", "A>B", "B>A", "C>A");
        QueryResult both = run(mutual, """
                query q() {
                    match { $p: Person { name: "A" }  $p <knows> $f }
                    return { $f.name }
                }
                """);
        assertEquals(List.of(row("B"), row("C")), sortedRows(both));
    }

    @Test
    void undirected_multi_hop_walks_both_ways() {
        // B <- A -> C, D -> C: from B, two undirected hops reach A then C; three reach D.
        InMemoryGraphReader graph = knows("undirected", "A>B", "A>C", "D>C");
        QueryResult result = run(graph, """
                query q() {
                    match { $p: Person { name: "B" }  $p <knows>{1,3} $f }
                    return { $f.name }
                }
                """);
        assertEquals(List.of(row("A"), row("C"), row("D")), sortedRows(result));
    }

    @Test
    void an_edge_binding_yields_one_row_per_edge_and_exposes_its_properties() {
        InMemoryGraphReader graph = QueryTestGraphs.people(TEST_CATALOG, Map.of("A", 1, "B", 2, "C", 3))
                .edge("Knows", "k1", "A", "B", Map.of("since", days("2020-01-01")))
                .edge("Knows", "k2", "A", "B", Map.of("since", days("2024-06-01")))
                .edge("Knows", "k3", "A", "C", Map.of())
                .build("bound");
        QueryResult all = run(graph, """
                query q() {
                    match { $a: Person { name: "A" }  $a $w:knows $b }
                    return { $b.name, $w.since }
                    order { $w.since desc }
                }
                """);
        // NULLs sort last descending; parallel edges stay separate rows.
        assertEquals(List.of(row("B", days("2024-06-01")), row("B", days("2020-01-01")), row("C", null)), all.rows());

        QueryResult filtered = run(graph, """
                query q() {
                    match { $a: Person  $a $w:knows $b  $w.since >= date("2021-01-01") }
                    return { $a.name, $b.name }
                }
                """);
        assertEquals(List.of(row("A", "B")), filtered.rows());
    }

    @Test
    void an_undirected_edge_binding_lists_a_self_loop_once() {
        InMemoryGraphReader graph = knows("selfloop", "A>A", "B>A");
        QueryResult result = run(graph, """
                query q() {
                    match { $a: Person { name: "A" }  $a $w:<knows> $b }
                    return { $b.name }
                }
                """);
        assertEquals(List.of(row("A"), row("B")), sortedRows(result));
    }

    @Test
    void destination_filters_apply_to_the_reached_nodes() {
        QueryResult result = run(testGraph().build("test:v1"), """
                query q() {
                    match { $p: Person { name: "Alice" }  $p knows $f  $f.age > 26 }
                    return { $f.name }
                }
                """);
        assertEquals(List.of(row("Charlie")), result.rows());
    }

    @Test
    void cross_type_edges_do_not_chain_beyond_one_hop() {
        QueryResult result = run(testGraph().build("test:v1"), """
                query q() {
                    match { $p: Person  $p worksAt{1,3} $c }
                    return { $p.name, $c.name }
                }
                """);
        assertEquals(List.of(row("Alice", "Acme"), row("Bob", "Globex")), sortedRows(result));
    }

    @Test
    void a_person_and_a_company_sharing_an_id_are_not_confused() {
        // Person "Acme" works at Company "Acme"; the walk must not treat it as a self-loop or chain on.
        InMemoryGraphReader graph = QueryTestGraphs.people(TEST_CATALOG, Map.of("Acme", 1))
                .node("Company", "Acme", Map.of("name", "Acme"))
                .edge("WorksAt", "w", "Acme", "Acme", Map.of())
                .build("shared-id");
        QueryResult result = run(graph, """
                query q() {
                    match { $c: Company  $p worksAt $c }
                    return { $p.name, $c.name }
                }
                """);
        assertEquals(List.of(row("Acme", "Acme")), result.rows());
    }
}
