package dev.omnigraph.application.query;

import static dev.omnigraph.application.query.QueryTestGraphs.row;
import static dev.omnigraph.application.query.QueryTestGraphs.testGraph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnigraph.domain.query.result.QueryResult;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The adjacency of an edge type is built once per snapshot and reused by later queries on that
 * snapshot (scanning an edge table per query would make every traversal O(|E|) in I/O), but never
 * reused for another snapshot, whose edges may differ.
 */
class AdjacencyCacheTest {

    private static final String FRIENDS = """
            query q($n: String) { match { $p: Person { name: $n }  $p knows $f } return { $f.name } }
            """;

    private static long topologyScans(InMemoryGraphReader reader, String edgeTable) {
        return reader.scansOf(edgeTable).stream()
                .filter(s -> s.request().columns().orElse(List.of()).equals(List.of("id", "src", "dst")))
                .count();
    }

    @Test
    void one_snapshot_builds_each_edge_topology_once() {
        AdjacencyCache cache = new AdjacencyCache();
        QueryExecutor executor = new QueryExecutor(cache, InstantSource.fixed(QueryTestGraphs.NOW));
        InMemoryGraphReader snapshot = testGraph().build("test:v1");
        QueryResult alice = QueryTestGraphs.run(executor, snapshot, FRIENDS, Map.of("n", "Alice"));
        QueryResult bob = QueryTestGraphs.run(executor, snapshot, FRIENDS, Map.of("n", "Bob"));
        assertEquals(2, alice.rowCount());
        assertEquals(List.of(row("Diana")), bob.rows());
        assertEquals(1, cache.buildCount());
        assertEquals(1, topologyScans(snapshot, "edge:Knows"));

        InMemoryGraphReader sameIdentity = testGraph().build("test:v1");
        QueryTestGraphs.run(executor, sameIdentity, FRIENDS, Map.of("n", "Alice"));
        assertEquals(0, topologyScans(sameIdentity, "edge:Knows"), "a snapshot id names one content");
    }

    @Test
    void another_snapshot_builds_its_own_topology() {
        AdjacencyCache cache = new AdjacencyCache();
        QueryExecutor executor = new QueryExecutor(cache, InstantSource.fixed(QueryTestGraphs.NOW));
        InMemoryGraphReader before = testGraph().build("test:v1");
        InMemoryGraphReader after = testGraph().edge("Knows", "k9", "Diana", "Alice", Map.of()).build("test:v2");
        assertEquals(List.of(), QueryTestGraphs.run(executor, before, FRIENDS, Map.of("n", "Diana")).rows());
        assertEquals(List.of(row("Alice")), QueryTestGraphs.run(executor, after, FRIENDS, Map.of("n", "Diana")).rows());
        assertEquals(2, cache.buildCount());
        assertEquals(1, topologyScans(after, "edge:Knows"));
    }

    @Test
    void the_least_recently_used_topology_is_evicted_at_capacity() {
        AdjacencyCache cache = new AdjacencyCache(1);
        QueryExecutor executor = new QueryExecutor(cache, InstantSource.fixed(QueryTestGraphs.NOW));
        InMemoryGraphReader snapshot = testGraph().build("test:v1");
        QueryTestGraphs.run(executor, snapshot, FRIENDS, Map.of("n", "Alice"));
        QueryTestGraphs.run(executor, snapshot, """
                query q() { match { $p: Person  $p worksAt $c } return { $c.name } }
                """, Map.of());
        QueryTestGraphs.run(executor, snapshot, FRIENDS, Map.of("n", "Alice"));
        assertEquals(3, cache.buildCount());
        assertEquals(1, cache.size());
        assertEquals(2, topologyScans(snapshot, "edge:Knows"));
    }

    @Test
    void an_anti_join_uses_the_cached_topology_too() {
        AdjacencyCache cache = new AdjacencyCache();
        QueryExecutor executor = new QueryExecutor(cache, InstantSource.fixed(QueryTestGraphs.NOW));
        InMemoryGraphReader snapshot = testGraph().build("test:v1");
        for (int i = 0; i < 3; i++) {
            QueryTestGraphs.run(executor, snapshot, """
                    query unemployed() { match { $p: Person  not { $p worksAt $_ } } return { $p.name } }
                    """, Map.of());
        }
        assertEquals(1, cache.buildCount());
        assertEquals(1, topologyScans(snapshot, "edge:WorksAt"));
    }
}
