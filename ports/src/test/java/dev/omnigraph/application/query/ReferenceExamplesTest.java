package dev.omnigraph.application.query;

import static dev.omnigraph.application.query.QueryTestGraphs.days;
import static dev.omnigraph.application.query.QueryTestGraphs.row;
import static dev.omnigraph.application.query.QueryTestGraphs.run;
import static dev.omnigraph.application.query.QueryTestGraphs.sortedRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.ports.out.table.TableFilter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The non-search example queries of the engine notes (§3.6, schema §2.3 A/B) over a small graph with
 * hand-computed answers, and the pushdown contract: single-variable filters reach the table scan as
 * {@link TableFilter}s (the reference pushes them to Lance so indexes serve them), while filters that
 * cannot be expressed exactly stay in memory and are never dropped.
 */
class ReferenceExamplesTest {

    static final String SCHEMA = """
            interface Named { name: String @key @description("display name") }

            node Person implements Named @description("a human") {
              age: I32?
              email: String?
              tags: [String]?
              role: enum(admin, member, guest)
              born: Date?
              @unique(email)
              @range(age, 0..150)
              @check(email, "^[^@]+@[^@]+$")
            }
            node Company { slug: String @key  founded: DateTime? }

            edge WorksAt: Person -> Company @card(0..1) @instruction("current employer only") {
              since: Date?
              title: String? @index
            }
            edge Knows: Person -> Person {
              weight: F64?
              @unique(src, dst)
            }
            """;

    static final QueryCatalog CATALOG = QueryTestGraphs.catalog(SCHEMA);

    private static Map<String, Object> props(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private final InMemoryGraphReader graph = InMemoryGraphReader.builder(CATALOG)
            .node("Person", "ann", props("name", "ann", "age", 40, "email", "ann@x.io", "tags", List.of("ml", "ops"), "role", "admin"))
            .node("Person", "abe", props("name", "abe", "age", 35, "email", "abe@y.io", "tags", List.of("ml"), "role", "member"))
            .node("Person", "bea", props("name", "bea", "age", 50, "email", "bea@z.io", "tags", List.of(), "role", "member"))
            .node("Person", "cal", props("name", "cal", "age", 29, "email", "al@q.io", "role", "guest"))
            .node("Person", "dan", props("name", "dan", "role", "member"))
            .node("Company", "acme", props("slug", "acme"))
            .node("Company", "bolt", props("slug", "bolt"))
            .edge("WorksAt", "w1", "ann", "acme", props("since", days("2020-01-01"), "title", "lead"))
            .edge("WorksAt", "w2", "abe", "acme", props("title", "intern"))
            .edge("WorksAt", "w3", "bea", "bolt", props())
            .edge("WorksAt", "w4", "cal", "bolt", props("title", "eng"))
            .edge("WorksAt", "w5", "dan", "bolt", props())
            .edge("Knows", "k1", "ann", "abe", props())
            .edge("Knows", "k2", "abe", "bea", props())
            .edge("Knows", "k3", "abe", "cal", props())
            .edge("Knows", "k4", "cal", "ann", props())
            .build("examples:v1");

    /**
     * Asserts that the table was read by one point lookup: its only scan is the unfiltered id scan
     * that numbers its rows, and one row was taken by position.
     */
    private void assertPointLookup(String tableKey) {
        List<InMemoryGraphReader.Scan> scans = graph.scansOf(tableKey);
        assertEquals(1, scans.size(), () -> "scans of " + tableKey + ": " + graph.scans());
        assertEquals(TableFilter.ALL, scans.get(0).request().filter());
        assertEquals(List.of("id"), scans.get(0).request().columns().orElseThrow());
        List<InMemoryGraphReader.Take> takes = graph.takesOf(tableKey);
        assertEquals(1, takes.size(), takes::toString);
        assertEquals(1, takes.get(0).positions().size(), takes::toString);
    }

    private TableFilter pushedTo(String tableKey) {
        List<InMemoryGraphReader.Scan> scans = graph.scansOf(tableKey);
        assertEquals(1, scans.size(), () -> "scans of " + tableKey + ": " + graph.scans());
        return scans.get(0).request().filter();
    }

    @Test
    void person() {
        QueryResult result = run(graph, """
                query person($name: String) {
                  match { $p: Person { name: $name } }
                  return { $p.name, $p.age, $p.role }
                }
                """, Map.of("name", "ann"));
        assertEquals(List.of(row("ann", 40L, "admin")), result.rows());
        assertPointLookup("node:Person");
    }

    @Test
    void seniors() {
        QueryResult result = run(graph, """
                query seniors($min: I32) @description("people older than min") {
                  match { $p: Person
                          $p.age >= $min
                          $p.email starts_with "a" }
                  return { $p.name, $p.age }
                  order { $p.age desc, $p.name asc }
                  limit 10
                }
                """, Map.of("min", 30L));
        assertEquals(List.of(row("ann", 40L), row("abe", 35L)), result.rows());
        assertEquals(new TableFilter.And(List.of(new TableFilter.Compare("age", TableFilter.Operator.GE, 30L),
                new TableFilter.StartsWith("email", "a"))), pushedTo("node:Person"));
    }

    @Test
    void colleagues_within_two() {
        QueryResult result = run(graph, """
                query colleagues_within_two($name: String) {
                  match { $p: Person { name: $name }
                          $p knows{1,2} $q
                          $q worksAt $c
                          not { $q <knows> $p } }
                  return { $q.name, $c.slug }
                }
                """, Map.of("name", "ann"));
        // Within two hops of ann: abe, bea, cal; abe and cal are connected to ann directly.
        assertEquals(List.of(row("bea", "bolt")), result.rows());
    }

    @Test
    void employment() {
        QueryResult acme = run(graph, """
                query employment($slug: String) {
                  match { $c: Company { slug: $slug }
                          $p $w:worksAt $c
                          $w.title != "intern" }
                  return { $p.name, $w.since, $w.title }
                }
                """, Map.of("slug", "acme"));
        assertEquals(List.of(row("ann", days("2020-01-01"), "lead")), acme.rows());
        graph.clearScans();
        QueryResult bolt = run(graph, """
                query employment($slug: String) {
                  match { $c: Company { slug: $slug }
                          $p $w:worksAt $c
                          $w.title != "intern" }
                  return { $p.name, $w.since, $w.title }
                }
                """, Map.of("slug", "bolt"));
        // bea's and dan's titles are NULL: `!=` never matches NULL.
        assertEquals(List.of(row("cal", null, "eng")), bolt.rows());
        assertPointLookup("node:Company");
    }

    @Test
    void headcount() {
        QueryResult result = run(graph, """
                query headcount() {
                  match { $p: Person
                          $p worksAt $c }
                  return { $c.slug, count($p) as n, avg($p.age) as mean_age, min($p.name) as first }
                  order { n desc }
                }
                """);
        assertEquals(List.of(row("bolt", 3L, 39.5, "bea"), row("acme", 2L, 37.5, "abe")), result.rows());
    }

    @Test
    void tagged() {
        QueryResult result = run(graph, """
                query tagged($t: String) {
                  match { $p: Person { tags: $t } }
                  return { $p.name }
                }
                """, Map.of("t", "ml"));
        assertEquals(List.of(row("abe"), row("ann")), sortedRows(result));
        assertEquals(new TableFilter.ListContains("tags", "ml"), pushedTo("node:Person"));
    }

    @Test
    void substring_and_mirrored_comparisons_are_pushed() {
        QueryResult result = run(graph, """
                query q() {
                  match { $p: Person  $p.email contains "@y"  30 < $p.age  $p.role != "guest" }
                  return { $p.name }
                }
                """);
        assertEquals(List.of(row("abe")), result.rows());
        assertEquals(new TableFilter.And(List.of(new TableFilter.Contains("email", "@y"),
                new TableFilter.Compare("age", TableFilter.Operator.GT, 30L),
                new TableFilter.Compare("role", TableFilter.Operator.NE, "guest"))), pushedTo("node:Person"));
    }

    @Test
    void reached_destinations_are_read_by_position_and_their_filters_apply() {
        QueryResult result = run(graph, """
                query q() {
                  match { $p: Person { name: "abe" }  $p knows $f  $f.age > 30 }
                  return { $f.name }
                }
                """);
        assertEquals(List.of(row("bea")), result.rows());
        List<InMemoryGraphReader.Take> takes = graph.takesOf("node:Person");
        assertEquals(2, takes.size(), takes::toString);
        assertEquals(1, takes.get(0).positions().size(), "the start node");
        assertEquals(2, takes.get(1).positions().size(), "bea and cal, before the age filter");
        assertEquals(1, graph.scansOf("node:Person").size(), "only the id scan numbering the rows");
    }

    @Test
    void a_key_lookup_with_another_filter_that_fails_returns_nothing() {
        QueryResult result = run(graph, """
                query q() { match { $p: Person { name: "abe" }  $p.age > 1000 } return { $p.name } }
                """);
        assertEquals(List.of(), result.rows());
        QueryResult missing = run(graph, """
                query q() { match { $p: Person { name: "nobody" } } return { $p.name } }
                """);
        assertEquals(List.of(), missing.rows());
    }

    @Test
    void scans_read_only_the_columns_the_query_uses() {
        run(graph, """
                query q() { match { $p: Person  $p.name = "abe" } return { $p.age } }
                """);
        List<String> columns = graph.takesOf("node:Person").get(0).columns();
        assertEquals("id", columns.get(0));
        assertEquals(java.util.Set.of("id", "name", "age"), java.util.Set.copyOf(columns));
        graph.clearScans();
        run(graph, """
                query q() { match { $p: Person  $p.age > 30 } return { $p.role } }
                """);
        List<String> scanned = graph.scansOf("node:Person").get(0).request().columns().orElseThrow();
        assertEquals(java.util.Set.of("id", "age", "role"), java.util.Set.copyOf(scanned));
    }

    @Test
    void inexact_filters_stay_in_memory_and_still_apply() {
        QueryResult result = run(graph, """
                query q($cutoff: F64) {
                  match { $p: Person  $p.age > $cutoff }
                  return { $p.name }
                  order { $p.name }
                }
                """, Map.of("cutoff", 39.5));
        assertEquals(List.of(row("ann"), row("bea")), result.rows());
        assertEquals(TableFilter.ALL, pushedTo("node:Person"), "an I32 column is never compared with a float in storage");
    }

    @Test
    void a_null_parameter_is_not_pushed_and_matches_nothing() {
        QueryResult result = run(graph, """
                query q($n: String?) { match { $p: Person  $p.email = $n } return { $p.name } }
                """, new HashMap<>());
        assertTrue(result.rows().isEmpty());
        assertEquals(TableFilter.ALL, pushedTo("node:Person"));
    }

    @Test
    void date_and_datetime_literals_and_now_filter_typed_columns() {
        InMemoryGraphReader dated = InMemoryGraphReader.builder(CATALOG)
                .node("Person", "ann", props("name", "ann", "role", "admin", "born", days("1990-05-01")))
                .node("Person", "abe", props("name", "abe", "role", "admin", "born", days("2001-01-01")))
                .node("Company", "old", props("slug", "old", "founded", QueryTestGraphs.millis("1999-12-31T23:59:59Z")))
                .node("Company", "new", props("slug", "new", "founded", QueryTestGraphs.millis("2030-01-01T00:00:00Z")))
                .build("dated:v1");
        assertEquals(List.of(row("abe")), run(dated, """
                query q() { match { $p: Person  $p.born >= date("2000-01-01") } return { $p.name } }
                """).rows());
        assertEquals(List.of(row("old")), run(dated, """
                query q() { match { $c: Company  $c.founded < datetime("2000-01-01T00:00:00Z") } return { $c.slug } }
                """).rows());
        assertEquals(List.of(row("new")), run(dated, """
                query q() { match { $c: Company  $c.founded > now() } return { $c.slug } }
                """).rows());
    }
}
