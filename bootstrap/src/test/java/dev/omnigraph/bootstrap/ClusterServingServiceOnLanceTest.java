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
import dev.omnigraph.application.serving.AccessGate;
import dev.omnigraph.application.serving.AdmissionControl;
import dev.omnigraph.application.serving.CallerAuthentication;
import dev.omnigraph.application.serving.ClusterServingService;
import dev.omnigraph.application.serving.ServedGraph;
import dev.omnigraph.application.serving.StoredQuery;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.ast.QueryDecl;
import dev.omnigraph.domain.policy.PolicyAction;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ApiErrorDetail;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.domain.serving.ServingException;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.InvokeStoredQueryCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.ServedBranchCreateCommand;
import dev.omnigraph.ports.in.ServedChangeResult;
import dev.omnigraph.ports.in.ServedExportCommand;
import dev.omnigraph.ports.in.ServedLoadCommand;
import dev.omnigraph.ports.in.ServedLoadResult;
import dev.omnigraph.ports.in.ServedMutateCommand;
import dev.omnigraph.ports.in.ServedReadCommand;
import dev.omnigraph.ports.in.ServedReadResult;
import dev.omnigraph.ports.in.ServedSchemaApplyCommand;
import dev.omnigraph.ports.in.ServedSnapshotQuery;
import dev.omnigraph.ports.in.ServedSnapshotResult;
import dev.omnigraph.ports.in.StoredQueryCatalogResult;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served surface over a real graph on Lance, with a gate that records what it was asked: each
 * operation asks for the action, branch and target branch of the reference's request-shape table
 * (cluster-server notes §9.2) before touching the engine, and reports engine refusals as the API errors
 * the front doors render. Authorization itself (Cedar, runtime states) is tested where it is decided.
 */
class ClusterServingServiceOnLanceTest {

    private static TableStorage tables;
    private static GraphEngineService engine;
    private static ClusterServingService.Engines engines;

    @TempDir
    Path temp;

    private final RecordingGate gate = new RecordingGate();
    private ClusterServingService server;
    private final Caller alice = Caller.actor("act-alice");

    @BeforeAll
    static void startEngine() {
        tables = TableStorages.lance(LanceProperties.defaults());
        engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(), SystemServices.ids());
        engines = new ClusterServingService.Engines(engine,
                new QueryService(engine, tables, Codecs.json(), new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now())),
                new MutationService(engine, Codecs.json(), new MutationExecutor(() -> SystemServices.clock().now())),
                engine, engine, new BranchService(engine));
    }

    @AfterAll
    static void stopEngine() throws Exception {
        tables.close();
    }

    @BeforeEach
    void serveThePeopleGraph() throws IOException {
        Path examples = GraphEngineOnLanceTest.examples();
        String uri = temp.resolve("people.omni").toString();
        engine.initGraph(new InitGraphCommand(uri, "schema.pg", Files.readString(examples.resolve("schema.pg")), Optional.empty()));
        engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.OVERWRITE, "seed.jsonl",
                Files.readString(examples.resolve("seed.jsonl")), Optional.empty()), ProgressListener.NONE);
        String stored = """
                query person($name: String) @description("one person by name") {
                    match { $p: Person { name: $name } }
                    return { $p.name, $p.age }
                }
                query birthday($name: String) {
                    update Person set { age: 50 } where name = $name
                }
                """;
        Map<String, StoredQuery> registry = new HashMap<>();
        for (QueryDecl decl : QueryCompiler.parse(new SourceFile("people.gq", stored)).file().queries()) {
            registry.put(decl.name(), new StoredQuery(decl, "people.gq", stored));
        }
        server = new ClusterServingService(List.of(new ServedGraph("people", uri, registry)), new OpenAuthentication(), gate,
                new AdmissionControl(1, 1 << 20), engines);
    }

    @Test
    void unknown_graphs_are_404_on_every_operation_before_any_access_decision() {
        ServingException missing = assertThrows(ServingException.class,
                () -> server.snapshot(alice, new ServedSnapshotQuery("nope", Optional.empty())));
        assertEquals(ApiError.graphNotFound("nope"), missing.error());
        assertEquals(404, assertThrows(ServingException.class, () -> server.listBranches(alice, "nope")).error().status());
        assertEquals(400, assertThrows(ServingException.class, () -> server.listBranches(alice, "not_servable")).error().status());
        assertTrue(gate.asked.isEmpty());
    }

    @Test
    void graph_list_is_a_server_action_and_lists_graphs_sorted() {
        assertEquals(List.of("people"), server.listGraphs(alice).graphs().stream().map(g -> g.graphId()).toList());
        assertEquals(List.of("server graph_list"), gate.asked);
    }

    @Test
    void snapshot_reads_main_and_describes_every_visible_dataset() {
        ServedSnapshotResult snapshot = server.snapshot(alice, new ServedSnapshotQuery("people", Optional.empty()));
        assertEquals("main", snapshot.graphBranch());
        assertEquals(6, snapshot.internalSchemaVersion());
        ServedSnapshotResult.Dataset person = snapshot.datasets().stream().filter(d -> d.typeName().equals("Person"))
                .findFirst().orElseThrow();
        assertEquals("node", person.entityKind());
        assertTrue(person.datasetPath().startsWith("nodes/"), person.datasetPath());
        assertTrue(person.entityCount() > 0);
        assertTrue(snapshot.datasets().stream().anyMatch(d -> d.entityKind().equals("edge")));
        assertEquals(List.of("people read branch=main target="), gate.asked);
    }

    @Test
    void an_ad_hoc_read_returns_rows_and_the_head_commit_and_refuses_a_mutation_source() {
        ServedReadResult read = server.read(alice, new ServedReadCommand("people",
                "query q() { match { $p: Person { name: \"Ada\" } } return { $p.age } }", Optional.empty(), "{}",
                Optional.empty(), Optional.empty()));
        assertEquals("[{\"p.age\":36}]", JsonWriter.compact(read.result().toJson()));
        assertEquals(Optional.of("main"), read.targetBranch());
        assertTrue(read.graphCommitId().isPresent());
        ServingException mutation = assertThrows(ServingException.class, () -> server.read(alice, new ServedReadCommand(
                "people", "query m() { delete Person where name = \"Ada\" }", Optional.empty(), "{}", Optional.empty(),
                Optional.empty())));
        assertEquals(400, mutation.error().status());
        assertTrue(mutation.getMessage().contains("is a mutation"), mutation.getMessage());
    }

    @Test
    void a_mutation_asks_for_change_on_its_branch_and_reports_its_commit() {
        ServedChangeResult change = server.mutate(alice, new ServedMutateCommand("people",
                "query m() { insert Person { name: \"Zed\", role: \"guest\" } }", Optional.empty(), "{}",
                Optional.empty(), Optional.empty()));
        assertEquals(1, change.affectedNodes());
        assertEquals(Optional.of("act-alice"), change.actorId());
        assertEquals(Optional.of("act-alice"), change.commit().orElseThrow().actorId());
        assertEquals(List.of("people change branch=main target="), gate.asked);
    }

    @Test
    void a_conditional_mutation_against_a_stale_head_is_412_with_expected_and_actual() {
        String head = server.read(alice, new ServedReadCommand("people",
                "query q() { match { $p: Person } return { $p.name } }", Optional.empty(), "{}", Optional.empty(),
                Optional.empty())).graphCommitId().orElseThrow();
        server.mutate(alice, new ServedMutateCommand("people", "query m() { insert Person { name: \"Zed\", role: \"guest\" } }",
                Optional.empty(), "{}", Optional.empty(), Optional.of(head)));
        ServingException stale = assertThrows(ServingException.class, () -> server.mutate(alice, new ServedMutateCommand(
                "people", "query m() { insert Person { name: \"Yan\", role: \"guest\" } }", Optional.empty(), "{}",
                Optional.empty(), Optional.of(head))));
        assertEquals(412, stale.error().status());
        assertTrue(stale.error().code().isEmpty());
        ApiErrorDetail.PreconditionFailure failure = (ApiErrorDetail.PreconditionFailure) stale.error().detail().orElseThrow();
        assertEquals(head, failure.expected());
        assertTrue(failure.actual().isPresent());
        assertFalse(failure.actual().get().equals(head));
    }

    @Test
    void stored_queries_are_listed_with_typed_params_and_invoked_by_kind() {
        StoredQueryCatalogResult catalog = server.listStoredQueries(alice, "people");
        assertEquals(List.of("birthday", "person"), catalog.queries().stream().map(StoredQueryCatalogResult.StoredQuery::name).toList());
        StoredQueryCatalogResult.StoredQuery person = catalog.queries().get(1);
        assertEquals(Optional.of("one person by name"), person.description());
        assertEquals("string", person.params().get(0).kind());
        assertFalse(person.mutation());

        ServedReadResult read = (ServedReadResult) server.invokeStoredQuery(alice, new InvokeStoredQueryCommand("people",
                "person", "{\"name\":\"Ada\"}", Optional.empty(), Optional.empty(), Optional.of(false), Optional.empty()));
        assertEquals("[{\"p.name\":\"Ada\",\"p.age\":36}]", JsonWriter.compact(read.result().toJson()));
        ServedChangeResult change = (ServedChangeResult) server.invokeStoredQuery(alice, new InvokeStoredQueryCommand(
                "people", "birthday", "{\"name\":\"Ada\"}", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertEquals(1, change.affectedNodes());

        ServingException wrongKind = assertThrows(ServingException.class, () -> server.invokeStoredQuery(alice,
                new InvokeStoredQueryCommand("people", "birthday", "{\"name\":\"Ada\"}", Optional.empty(), Optional.empty(),
                        Optional.of(false), Optional.empty())));
        assertEquals("'birthday' is a mutation — use omnigraph mutate birthday", wrongKind.getMessage());
        assertEquals(400, assertThrows(ServingException.class, () -> server.invokeStoredQuery(alice,
                new InvokeStoredQueryCommand("people", "birthday", "{}", Optional.empty(), Optional.of("manifest:main:v1"),
                        Optional.empty(), Optional.empty()))).error().status());
    }

    @Test
    void an_invoke_denial_reads_exactly_like_an_unknown_stored_query() {
        gate.denyInvoke = true;
        ServingException denied = assertThrows(ServingException.class, () -> server.invokeStoredQuery(alice,
                new InvokeStoredQueryCommand("people", "person", "{}", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty())));
        gate.denyInvoke = false;
        ServingException unknown = assertThrows(ServingException.class, () -> server.invokeStoredQuery(alice,
                new InvokeStoredQueryCommand("people", "nobody", "{}", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty())));
        assertEquals(ApiError.storedQueryNotFound("person"), denied.error());
        assertEquals(404, unknown.error().status());
    }

    @Test
    void schema_apply_is_authorized_first_then_refused_with_409_in_cluster_mode() {
        ServingException refused = assertThrows(ServingException.class, () -> server.applySchema(alice,
                new ServedSchemaApplyCommand("people", "node X { name: String @key }", false)));
        assertEquals(409, refused.error().status());
        assertEquals(List.of("people schema_apply branch= target=main"), gate.asked);
        assertTrue(server.schema(alice, "people").schemaSource().contains("node Person"));
    }

    @Test
    void a_load_with_from_creates_the_branch_and_asks_for_branch_create_then_change() {
        ServedLoadResult loaded = server.load(alice, new ServedLoadCommand("people",
                "{\"type\":\"Person\",\"data\":{\"name\":\"Kim\",\"role\":\"member\"}}\n", Optional.of("feature"),
                Optional.of("main"), LoadMode.MERGE));
        assertTrue(loaded.branchCreated());
        assertEquals(Optional.of("main"), loaded.baseBranch());
        assertEquals(1, loaded.totalEntities());
        assertEquals(List.of("people branch_create branch=main target=feature", "people change branch=feature target="), gate.asked);
        assertTrue(server.listBranches(alice, "people").branches().contains("feature"));
    }

    @Test
    void branches_are_created_and_deleted_with_their_target_and_exports_stream_lines() {
        server.createBranch(alice, new ServedBranchCreateCommand("people", "draft", Optional.empty()));
        server.deleteBranch(alice, "people", "draft");
        List<String> lines = new ArrayList<>();
        server.export(alice, new ServedExportCommand("people", Optional.empty(), List.of("Person")), lines::add);
        assertFalse(lines.isEmpty());
        assertTrue(lines.stream().allMatch(line -> line.contains("\"Person\"")));
        assertEquals(List.of("people branch_create branch=main target=draft", "people branch_delete branch= target=draft",
                "people export branch=main target="), gate.asked);
    }

    @Test
    void commits_are_listed_and_found_by_id_on_any_branch() {
        var commits = server.listCommits(alice, "people", Optional.empty()).commits();
        assertFalse(commits.isEmpty());
        assertEquals(commits.get(0), server.commit(alice, "people", commits.get(0).graphCommitId()));
        assertEquals(404, assertThrows(ServingException.class, () -> server.commit(alice, "people", "nope")).error().status());
    }

    @Test
    void writes_beyond_the_per_actor_in_flight_limit_are_429_with_retry_after() {
        AdmissionControl tight = new AdmissionControl(1, 1 << 20);
        try (AdmissionControl.Slot held = tight.admit(alice, 10)) {
            ServingException busy = assertThrows(ServingException.class, () -> tight.admit(alice, 10));
            assertEquals(429, busy.error().status());
            assertEquals(new ApiErrorDetail.RetryAfter(60), busy.error().detail().orElseThrow());
            tight.admit(Caller.actor("act-bob"), 10).close(); // another actor is not starved
        }
        tight.admit(alice, 10).close();
    }

    /** Records every question as "<graph> <action> branch=<b> target=<t>" or "server <action>". */
    private static final class RecordingGate implements AccessGate {
        final List<String> asked = new ArrayList<>();
        boolean denyInvoke;

        @Override
        public void checkGraph(Caller caller, String graphId, PolicyAction action, Optional<String> branch, Optional<String> targetBranch) {
            asked.add(graphId + " " + action.wireName() + " branch=" + branch.orElse("") + " target=" + targetBranch.orElse(""));
        }

        @Override
        public void checkServer(Caller caller, PolicyAction action) {
            asked.add("server " + action.wireName());
        }

        @Override
        public boolean allowsInvoke(Caller caller, String graphId) {
            return !denyInvoke;
        }
    }

    private static final class OpenAuthentication implements CallerAuthentication {
        @Override
        public boolean required() {
            return false;
        }

        @Override
        public Caller authenticate(Optional<String> authorizationHeader) {
            return Caller.ANONYMOUS;
        }
    }
}
