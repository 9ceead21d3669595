package dev.omnigraph.application.query;

import static dev.omnigraph.application.query.QueryTestGraphs.row;
import static dev.omnigraph.application.query.QueryTestGraphs.run;
import static dev.omnigraph.application.query.QueryTestGraphs.sortedRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Comparisons must respect each column's type whether they run in storage or in memory: U64 values
 * above 2^63 are large (not negative), an F32 column equals the F32 rounding of a float literal (as
 * the reference casts the literal to the column type), integer lists match integer members, strings
 * order by code point. A wrong answer here is silent, so each case is pinned.
 */
class TypedComparisonTest {

    private static final QueryCatalog CATALOG = QueryTestGraphs.catalog("""
            node Item {
                name: String @key
                big: U64?
                score: F32?
                sizes: [I32]?
            }
            """);

    private final InMemoryGraphReader graph = InMemoryGraphReader.builder(CATALOG)
            .node("Item", "a", Map.of("name", "a", "big", -1L, "score", (double) 0.1f, "sizes", List.of(1L, 2L)))
            .node("Item", "b", Map.of("name", "b", "big", 5L, "score", 2.5, "sizes", List.of(3L)))
            .node("Item", "é", Map.of("name", "é", "big", 9_007_199_254_740_993L))
            .node("Item", "z", Map.of("name", "z"))
            .build("items:v1");

    @Test
    void unsigned_64_bit_values_compare_as_unsigned_and_render_as_strings() {
        QueryResult result = run(graph, """
                query q($min: U64) { match { $i: Item  $i.big > $min } return { $i.name, $i.big } order { $i.big desc } }
                """, Map.of("min", 10L));
        assertEquals(List.of(row("a", -1L), row("é", 9_007_199_254_740_993L)), result.rows());
        assertEquals("[{\"i.name\":\"a\",\"i.big\":\"18446744073709551615\"},"
                + "{\"i.name\":\"é\",\"i.big\":\"9007199254740993\"}]", JsonWriter.compact(result.toJson()));
    }

    @Test
    void a_float_literal_equals_an_f32_column_at_f32_precision() {
        QueryResult result = run(graph, """
                query q() { match { $i: Item  $i.score = 0.1 } return { $i.name } }
                """);
        assertEquals(List.of(row("a")), result.rows());
    }

    @Test
    void integer_lists_match_integer_members() {
        QueryResult result = run(graph, """
                query q() { match { $i: Item  $i.sizes contains 3 } return { $i.name } }
                """);
        assertEquals(List.of(row("b")), result.rows());
    }

    @Test
    void strings_order_by_code_point_and_max_follows_the_same_order() {
        QueryResult ordered = run(graph, """
                query q() { match { $i: Item } return { $i.name } order { $i.name desc } }
                """);
        assertEquals(List.of(row("é"), row("z"), row("b"), row("a")), ordered.rows());
        QueryResult max = run(graph, """
                query q() { match { $i: Item } return { max($i.name) as last, min($i.score) as low } }
                """);
        assertEquals(List.of(row("é", (double) 0.1f)), max.rows());
    }

    @Test
    void a_malformed_date_literal_is_a_typed_error() {
        QueryCatalog dated = QueryTestGraphs.catalog("node Day { name: String @key  on: Date? }");
        InMemoryGraphReader days = InMemoryGraphReader.builder(dated).node("Day", "d", Map.of("name", "d")).build("days");
        InvalidQueryValueException error = assertThrows(InvalidQueryValueException.class, () -> run(days, """
                query q() { match { $d: Day  $d.on > date("2024-13-45") } return { $d.name } }
                """));
        assertEquals("query_invalid_literal", error.code());
    }

    @Test
    void nulls_never_match_any_operator() {
        for (String filter : List.of("$i.big != 5", "$i.score < 100.0", "$i.sizes contains 1")) {
            QueryResult result = run(graph, "query q() { match { $i: Item  " + filter + " } return { $i.name } }");
            assertEquals(false, sortedRows(result).contains(row("z")), filter);
        }
    }
}
