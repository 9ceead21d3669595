package dev.omnigraph.application.query;

import static dev.omnigraph.application.query.QueryTestGraphs.TEST_CATALOG;
import static dev.omnigraph.application.query.QueryTestGraphs.person;
import static dev.omnigraph.application.query.QueryTestGraphs.row;
import static dev.omnigraph.application.query.QueryTestGraphs.run;
import static dev.omnigraph.application.query.QueryTestGraphs.sortedRows;
import static dev.omnigraph.application.query.QueryTestGraphs.testGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.typecheck.ScalarKind;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Result shaping as the reference pins it: aggregate result types (count → I64, sum/avg → F64,
 * min/max keep the input type), one row for a global aggregate even over no input, a total order
 * with NULLs first ascending and last descending and ties broken by entity id, and the limit taken
 * after ordering. Clients page and cache on these orders, so they must be reproducible.
 */
class OrderingAndAggregationTest {

    private final InMemoryGraphReader graph = testGraph().build("test:v1");

    @Test
    void aggregates_per_group_have_the_reference_types() {
        QueryResult result = run(graph, """
                query age_stats() {
                    match { $p: Person  $p worksAt $c }
                    return {
                        $c.name
                        sum($p.age) as total_age
                        avg($p.age) as avg_age
                        min($p.age) as youngest
                        max($p.age) as oldest
                        count($p) as headcount
                    }
                }
                """);
        assertEquals(List.of(row("Acme", 30.0, 30.0, 30L, 30L, 1L), row("Globex", 25.0, 25.0, 25L, 25L, 1L)),
                sortedRows(result));
        assertEquals(List.of(ScalarKind.STRING, ScalarKind.F64, ScalarKind.F64, ScalarKind.I32, ScalarKind.I32,
                ScalarKind.I64), result.columns().stream().map(c -> c.type().kind()).toList());
        assertEquals("[{\"c.name\":\"Acme\",\"total_age\":30.0,\"avg_age\":30.0,\"youngest\":30,\"oldest\":30,"
                        + "\"headcount\":1}]",
                JsonWriter.compact(run(graph, """
                        query q() {
                            match { $p: Person { name: "Alice" }  $p worksAt $c }
                            return { $c.name, sum($p.age) as total_age, avg($p.age) as avg_age,
                                     min($p.age) as youngest, max($p.age) as oldest, count($p) as headcount }
                        }
                        """).toJson()));
    }

    @Test
    void a_global_aggregate_yields_one_row() {
        QueryResult total = run(graph, """
                query total_people() {
                    match { $p: Person }
                    return { count($p) as total }
                }
                """);
        assertEquals(List.of(row(4L)), total.rows());

        QueryResult none = run(graph, """
                query q() {
                    match { $p: Person  $p.age > 100 }
                    return { count($p) as n, avg($p.age) as mean, min($p.name) as first }
                }
                """);
        assertEquals(List.of(row(0L, null, null)), none.rows());
    }

    @Test
    void grouped_counts_omit_groups_without_rows_and_order_by_alias() {
        QueryResult result = run(graph, """
                query friend_counts() {
                    match { $p: Person  $p knows $f }
                    return { $p.name, count($f) as friends }
                    order { friends desc }
                    limit 20
                }
                """);
        assertEquals(List.of(row("Alice", 2L), row("Bob", 1L)), result.rows());

        QueryResult top = run(graph, """
                query top_connected() {
                    match { $p: Person  $p knows $f }
                    return { $p.name, count($f) as friends }
                    order { friends desc }
                    limit 1
                }
                """);
        assertEquals(List.of(row("Alice", 2L)), top.rows());
    }

    @Test
    void count_of_a_property_skips_nulls_and_min_max_work_on_strings() {
        InMemoryGraphReader.Builder builder = InMemoryGraphReader.builder(TEST_CATALOG);
        person(builder, "Alice", 30);
        person(builder, "Bob", null);
        person(builder, "Charlie", 25);
        QueryResult result = run(builder.build("nulls"), """
                query q() {
                    match { $p: Person }
                    return { count($p.age) as aged, count($p) as everyone, min($p.name) as first, max($p.name) as last,
                             sum($p.age) as total }
                }
                """);
        assertEquals(List.of(row(2L, 3L, "Alice", "Charlie", 55.0)), result.rows());
    }

    @Test
    void nulls_sort_first_ascending_and_last_descending() {
        InMemoryGraphReader.Builder builder = InMemoryGraphReader.builder(TEST_CATALOG);
        person(builder, "Alice", 30);
        person(builder, "Bob", null);
        person(builder, "Charlie", 25);
        InMemoryGraphReader reader = builder.build("nulls");
        QueryResult ascending = run(reader, """
                query q() { match { $p: Person } return { $p.name } order { $p.age asc } }
                """);
        assertEquals(List.of(row("Bob"), row("Charlie"), row("Alice")), ascending.rows());
        QueryResult descending = run(reader, """
                query q() { match { $p: Person } return { $p.name } order { $p.age desc } }
                """);
        assertEquals(List.of(row("Alice"), row("Charlie"), row("Bob")), descending.rows());
    }

    @Test
    void ties_break_by_entity_id_ascending_whatever_the_load_order() {
        InMemoryGraphReader.Builder builder = InMemoryGraphReader.builder(TEST_CATALOG).batchSize(1);
        person(builder, "Bob", 30);
        person(builder, "Alice", 30);
        person(builder, "Charlie", 25);
        QueryResult result = run(builder.build("ties"), """
                query q() { match { $p: Person } return { $p.name, $p.age } order { $p.age asc } }
                """);
        assertEquals(List.of(row("Charlie", 25L), row("Alice", 30L), row("Bob", 30L)), result.rows());
    }

    @Test
    void ties_break_on_every_bound_variable_in_name_order() {
        QueryResult result = run(graph, """
                query q() {
                    match { $p: Person  $c: Company }
                    return { $p.name, $c.name }
                    order { $p.name desc }
                }
                """);
        // Within one person, ties break by $c then $p ids: Acme before Globex.
        assertEquals(List.of(row("Diana", "Acme"), row("Diana", "Globex"), row("Charlie", "Acme"),
                row("Charlie", "Globex"), row("Bob", "Acme"), row("Bob", "Globex"), row("Alice", "Acme"),
                row("Alice", "Globex")), result.rows());
    }

    @Test
    void limit_applies_after_ordering() {
        QueryResult result = run(graph, """
                query top_by_age() {
                    match { $p: Person }
                    return { $p.name, $p.age }
                    order { $p.age desc }
                    limit 2
                }
                """);
        assertEquals(List.of(row("Charlie", 35L), row("Alice", 30L)), result.rows());
    }

    @Test
    void ordering_by_a_return_alias_and_by_several_keys() {
        QueryResult result = run(graph, """
                query q() {
                    match { $p: Person }
                    return { $p.name as who, $p.age as years }
                    order { years desc, who }
                }
                """);
        assertEquals(List.of(row("Charlie", 35L), row("Alice", 30L), row("Diana", 28L), row("Bob", 25L)),
                result.rows());
    }

    @Test
    void aggregate_results_order_by_group_key_property() {
        QueryResult result = run(graph, """
                query q() {
                    match { $p: Person  $p worksAt $c }
                    return { $c.name, count($p) as n }
                    order { $c.name desc }
                }
                """);
        assertEquals(List.of(row("Globex", 1L), row("Acme", 1L)), result.rows());
    }

    @Test
    void limit_without_order_keeps_that_many_rows() {
        QueryResult result = run(graph, """
                query q() { match { $p: Person } return { $p.name } limit 3 }
                """);
        assertEquals(3, result.rowCount());
    }
}
