package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.BranchService;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.MutationService;
import dev.omnigraph.application.engine.QueryService;
import dev.omnigraph.application.query.AdjacencyCache;
import dev.omnigraph.application.query.MutationExecutor;
import dev.omnigraph.application.query.QueryExecutor;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.load.GraphDataException;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.ManageBranchesUseCase.BranchResult;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.MutateGraphResult;
import dev.omnigraph.ports.in.QueryGraphCommand;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutations and branches on real Lance tables, with the example people graph: each expectation is
 * derived from the seed data by hand (see examples/people/seed.jsonl), not recorded from the engine.
 */
class WritesOnLanceTest {

    @TempDir
    Path temp;

    private static TableStorage tables;
    private static GraphEngineService engine;
    private static MutationService mutations;
    private static QueryService queries;
    private static BranchService branches;

    @BeforeAll
    static void startEngine() {
        tables = TableStorages.lance(LanceProperties.defaults());
        engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(), SystemServices.ids());
        mutations = new MutationService(engine, Codecs.json(), new MutationExecutor(() -> SystemServices.clock().now()));
        queries = new QueryService(engine, tables, Codecs.json(), new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now()));
        branches = new BranchService(engine);
    }

    @AfterAll
    static void stopEngine() throws Exception {
        tables.close();
    }

    private String seededGraph() throws IOException {
        Path examples = GraphEngineOnLanceTest.examples();
        String uri = temp.resolve("g").toString();
        engine.initGraph(new InitGraphCommand(uri, "schema.pg", Files.readString(examples.resolve("schema.pg")), Optional.empty()));
        engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.OVERWRITE, "seed.jsonl",
                Files.readString(examples.resolve("seed.jsonl")), Optional.empty()), ProgressListener.NONE);
        return uri;
    }

    private MutateGraphResult mutate(String uri, String branch, String gq, String params) {
        return mutate(uri, branch, gq, params, Optional.empty());
    }

    private MutateGraphResult mutate(String uri, String branch, String gq, String params, Optional<String> ifCommit) {
        return mutations.mutateGraph(new MutateGraphCommand(uri, branch, "test.gq", gq, Optional.empty(), params, ifCommit,
                Optional.of("tester")));
    }

    private String rows(String uri, String branch, String gq) {
        return JsonWriter.compact(queries.queryGraph(new QueryGraphCommand(uri, branch, Optional.empty(), "read.gq", gq,
                Optional.empty(), "{}")).result().toJson());
    }

    private String head(String uri, String branch) {
        return engine.snapshot(new SnapshotQuery(uri, branch)).headCommitId().orElseThrow();
    }

    private static final String PEOPLE = "query q() { match { $p: Person } return { $p.name, $p.age } order { $p.name } }";

    @Test
    void a_multi_statement_insert_reads_its_own_writes_and_publishes_one_commit() throws IOException {
        String uri = seededGraph();
        int commitsBefore = engine.listCommits(new CommitListQuery(uri, "main")).commits().size();
        MutateGraphResult result = mutate(uri, "main", """
                query add($name: String) {
                  insert Person { name: $name, age: 30, role: "member" }
                  insert Knows { from: $name, to: "Ada" }
                  update Person set { age: 31 } where name = $name
                }
                """, "{\"name\":\"Eve\"}");
        assertEquals(2, result.affectedNodes());
        assertEquals(1, result.affectedEdges());
        assertTrue(result.commitId().isPresent());
        assertEquals(commitsBefore + 1, engine.listCommits(new CommitListQuery(uri, "main")).commits().size());
        assertEquals("[{\"p.name\":\"Ada\"}]", rows(uri, "main",
                "query q() { match { $e: Person { name: \"Eve\" }  $e knows $p } return { $p.name } }"));
        assertEquals("[{\"p.age\":31}]", rows(uri, "main", "query q() { match { $p: Person { name: \"Eve\" } } return { $p.age } }"));
    }

    @Test
    void inserting_an_existing_key_replaces_it_and_updates_keep_other_properties() throws IOException {
        String uri = seededGraph();
        assertEquals(1, mutate(uri, "main", "query q() { insert Person { name: \"Alan\", age: 99, role: \"guest\" } }", "{}")
                .affectedNodes());
        assertEquals("[{\"p.age\":99,\"p.role\":\"guest\"}]", rows(uri, "main",
                "query q() { match { $p: Person { name: \"Alan\" } } return { $p.age, $p.role } }"));
        // ages now: Ada 36, Grace 45, Alan 99, Edsger 72, Barbara null
        assertEquals(3, mutate(uri, "main", "query q() { update Person set { role: \"admin\" } where age > 44 }", "{}")
                .affectedNodes());
        assertEquals("[{\"p.name\":\"Ada\",\"p.role\":\"admin\",\"p.email\":\"ada@example.org\"},"
                        + "{\"p.name\":\"Alan\",\"p.role\":\"admin\",\"p.email\":null},"
                        + "{\"p.name\":\"Barbara\",\"p.role\":\"member\",\"p.email\":null},"
                        + "{\"p.name\":\"Edsger\",\"p.role\":\"admin\",\"p.email\":\"ewd@example.org\"},"
                        + "{\"p.name\":\"Grace\",\"p.role\":\"admin\",\"p.email\":\"grace@example.org\"}]",
                rows(uri, "main", "query q() { match { $p: Person } return { $p.name, $p.role, $p.email } order { $p.name } }"));
    }

    @Test
    void deleting_a_node_cascades_to_its_edges_and_counts_them() throws IOException {
        String uri = seededGraph();
        // Edsger: Knows from Grace and Alan, Knows to Barbara; no WorksAt.
        MutateGraphResult result = mutate(uri, "main", "query q($n: String) { delete Person where name = $n }",
                "{\"n\":\"Edsger\"}");
        assertEquals(1, result.affectedNodes());
        assertEquals(3, result.affectedEdges());
        assertEquals("[]", rows(uri, "main",
                "query q() { match { $a: Person  $a knows $b  $b.name = \"Edsger\" } return { $a.name } }"));
        assertEquals("[{\"n\":2}]", rows(uri, "main", "query q() { match { $a: Person  $a knows $b } return { count($a) as n } }"));
    }

    @Test
    void a_mutation_that_changes_nothing_publishes_nothing() throws IOException {
        String uri = seededGraph();
        String before = engine.snapshot(new SnapshotQuery(uri, "main")).snapshotId();
        MutateGraphResult result = mutate(uri, "main", "query q() { delete Person where name = \"Nobody\" }", "{}");
        assertEquals(0, result.affectedNodes());
        assertEquals(Optional.empty(), result.commitId());
        assertEquals(before, engine.snapshot(new SnapshotQuery(uri, "main")).snapshotId());
    }

    @Test
    void refused_mutations_change_nothing() throws IOException {
        String uri = seededGraph();
        String before = engine.snapshot(new SnapshotQuery(uri, "main")).snapshotId();
        GraphEngineException mixed = assertThrows(GraphEngineException.class, () -> mutate(uri, "main", """
                query q() { insert Person { name: "Zed", role: "guest" } delete Person where name = "Ada" }
                """, "{}"));
        assertTrue(mixed.getMessage().contains("inserts/updates and deletes"), mixed.getMessage());
        GraphEngineException key = assertThrows(GraphEngineException.class, () -> mutate(uri, "main",
                "query q() { update Person set { name: \"X\" } where name = \"Ada\" }", "{}"));
        assertTrue(key.getMessage().contains("@key"), key.getMessage());
        assertThrows(GraphDataException.class, () -> mutate(uri, "main",
                "query q() { insert Person { name: \"Zed\", role: \"guest\" } insert Knows { from: \"Zed\", to: \"Nobody\" } }", "{}"));
        assertThrows(GraphDataException.class, () -> mutate(uri, "main",
                "query q() { insert Person { name: \"Zed\", role: \"guest\", age: 200 } }", "{}"));
        assertEquals(before, engine.snapshot(new SnapshotQuery(uri, "main")).snapshotId());
        assertEquals(1, mutate(uri, "main", "query q() { insert Person { name: \"Zed\", role: \"guest\" } }", "{}").affectedNodes());
    }

    @Test
    void a_conditional_mutation_against_a_moved_head_fails_with_no_effect() throws IOException {
        String uri = seededGraph();
        String stale = head(uri, "main");
        mutate(uri, "main", "query q() { insert Person { name: \"Zed\", role: \"guest\" } }", "{}", Optional.of(stale));
        String current = head(uri, "main");
        GraphEngineException lost = assertThrows(GraphEngineException.class, () -> mutate(uri, "main",
                "query q() { insert Person { name: \"Yan\", role: \"guest\" } }", "{}", Optional.of(stale)));
        assertEquals(GraphErrorKind.PRECONDITION_FAILED, lost.kind());
        assertEquals(current, head(uri, "main"));
    }

    @Test
    void a_branch_forks_on_first_write_and_leaves_main_untouched() throws IOException {
        String uri = seededGraph();
        String mainHead = head(uri, "main");
        BranchResult created = branches.createBranch(uri, "review/one", "main", Optional.of("tester"));
        assertEquals(Optional.of(mainHead), created.headCommitId());
        mutate(uri, "review/one", "query q() { update Person set { age: 1 } where name = \"Ada\" }", "{}");
        assertEquals("[{\"p.age\":1}]", rows(uri, "review/one", "query q() { match { $p: Person { name: \"Ada\" } } return { $p.age } }"));
        assertEquals("[{\"p.age\":36}]", rows(uri, "main", "query q() { match { $p: Person { name: \"Ada\" } } return { $p.age } }"));
        String branchHead = head(uri, "review/one");
        assertEquals(Optional.of(mainHead), engine.showCommit(new dev.omnigraph.ports.in.CommitQuery(uri, "review/one", branchHead)).parentCommitId());
        assertEquals(List.of("main", "review/one"), branches.listBranches(uri).stream().map(BranchResult::name).toList());

        GraphEngineException overlap = assertThrows(GraphEngineException.class,
                () -> branches.createBranch(uri, "review", "main", Optional.empty()));
        assertEquals(GraphErrorKind.BAD_REQUEST, overlap.kind());
        branches.createBranch(uri, "review/two", "review/one", Optional.empty());
        assertEquals("[{\"p.age\":1}]", rows(uri, "review/two", "query q() { match { $p: Person { name: \"Ada\" } } return { $p.age } }"));
        GraphEngineException dependents = assertThrows(GraphEngineException.class,
                () -> branches.deleteBranch(uri, "review/one", Optional.empty()));
        assertEquals(GraphErrorKind.CONFLICT, dependents.kind());
        branches.deleteBranch(uri, "review/two", Optional.empty());
        branches.deleteBranch(uri, "review/one", Optional.empty());
        assertEquals(List.of("main"), branches.listBranches(uri).stream().map(BranchResult::name).toList());
        GraphEngineException gone = assertThrows(GraphEngineException.class, () -> rows(uri, "review/one", PEOPLE));
        assertEquals(GraphErrorKind.BRANCH_NOT_FOUND, gone.kind());
        assertFalse(rows(uri, "main", PEOPLE).isEmpty());
    }
}
