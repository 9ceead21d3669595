package dev.omnigraph.adapters.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.ports.in.ExportGraphUseCase;
import dev.omnigraph.ports.in.InvokeStoredQueryCommand;
import dev.omnigraph.ports.in.ServedBranchCreateCommand;
import dev.omnigraph.ports.in.ServedBranchListResult;
import dev.omnigraph.ports.in.ServedBranchResult;
import dev.omnigraph.ports.in.ServedChangeResult;
import dev.omnigraph.ports.in.ServedCommitListResult;
import dev.omnigraph.ports.in.ServedExportCommand;
import dev.omnigraph.ports.in.ServedGraphListResult;
import dev.omnigraph.ports.in.ServedLoadCommand;
import dev.omnigraph.ports.in.ServedMutateCommand;
import dev.omnigraph.ports.in.ServedReadCommand;
import dev.omnigraph.ports.in.ServedSchemaApplyCommand;
import dev.omnigraph.ports.in.ServedSchemaApplyResult;
import dev.omnigraph.ports.in.ServedSchemaResult;
import dev.omnigraph.ports.in.ServedSnapshotQuery;
import dev.omnigraph.ports.in.ServedSnapshotResult;
import dev.omnigraph.ports.in.StoredQueryCatalogResult;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Every route's success answer, byte for byte the reference's wire shape, and the command each route hands
 * the use case. The use case is a mock; the HTTP server and client are real.
 */
class RouteShapesTest {

    private static final String[] AUTH = {"Authorization", ServedHttp.BEARER};
    private static final Caller ALICE = ServedHttp.alice();
    private static ServedHttp http;

    @BeforeAll
    static void start() {
        http = new ServedHttp();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @BeforeEach
    void forgetCalls() {
        http.reset();
    }

    private static void assertJson(HttpResponse<String> response, String expectedBody) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(expectedBody, response.body());
    }

    // ---- service routes ----------------------------------------------------------------------

    @Test
    void healthReportsStatusVersionAndInternalSchemaVersionWithoutAuthentication() {
        assertJson(http.get("/healthz"), "{\"status\":\"ok\",\"version\":\"0.10.0-test\",\"internal_schema_version\":6}");
        verify(http.serving, never()).authenticate(any());
    }

    @Test
    void graphListNamesEveryServedGraphWithItsUri() {
        when(http.serving.listGraphs(ALICE)).thenReturn(new ServedGraphListResult(List.of(
                new ServedGraphListResult.Graph("alpha", "file:///a"), new ServedGraphListResult.Graph("beta", "s3://b/g"))));
        assertJson(http.get("/graphs", AUTH), "{\"graphs\":[{\"graph_id\":\"alpha\",\"uri\":\"file:///a\"},"
                + "{\"graph_id\":\"beta\",\"uri\":\"s3://b/g\"}]}");
    }

    // ---- snapshot, schema, commits -----------------------------------------------------------

    @Test
    void snapshotOfABranchListsEveryVisibleType() {
        when(http.serving.snapshot(ALICE, new ServedSnapshotQuery("g1", Optional.of("dev")))).thenReturn(
                new ServedSnapshotResult("dev", 7, 6, List.of(
                        new ServedSnapshotResult.Dataset("Person", "node", "nodes/Person", 3, 2, Optional.empty()),
                        new ServedSnapshotResult.Dataset("Knows", "edge", "edges/Knows", 4, 1, Optional.of("dev")))));
        assertJson(http.get("/graphs/g1/snapshot?branch=dev", AUTH), "{\"graph_branch\":\"dev\","
                + "\"graph_manifest_version\":7,\"internal_schema_version\":6,\"datasets\":["
                + "{\"entity_kind\":\"node\",\"type_name\":\"Person\",\"dataset_path\":\"nodes/Person\","
                + "\"published_dataset_version\":3,\"native_dataset_branch\":null,\"entity_count\":2},"
                + "{\"entity_kind\":\"edge\",\"type_name\":\"Knows\",\"dataset_path\":\"edges/Knows\","
                + "\"published_dataset_version\":4,\"native_dataset_branch\":\"dev\",\"entity_count\":1}]}");
    }

    @Test
    void snapshotWithoutBranchLeavesTheDefaultToTheUseCase() {
        when(http.serving.snapshot(ALICE, new ServedSnapshotQuery("g1", Optional.empty())))
                .thenReturn(new ServedSnapshotResult("main", 1, 6, List.of()));
        assertJson(http.get("/graphs/g1/snapshot", AUTH), "{\"graph_branch\":\"main\",\"graph_manifest_version\":1,"
                + "\"internal_schema_version\":6,\"datasets\":[]}");
    }

    @Test
    void schemaIsTheLiveSource() {
        when(http.serving.schema(ALICE, "g1")).thenReturn(new ServedSchemaResult("node Person {\n  name: String @key\n}\n"));
        assertJson(http.get("/graphs/g1/schema", AUTH), "{\"schema_source\":\"node Person {\\n  name: String @key\\n}\\n\"}");
    }

    @Test
    void schemaApplyPassesSourceAndDataLossFlag() {
        when(http.serving.applySchema(any(), any())).thenReturn(
                new ServedSchemaApplyResult("file:///graphs/g1", true, true, List.of("add type Person"), 9));
        assertJson(http.postJson("/graphs/g1/schema/apply", "{\"schema_source\":\"node A {}\",\"allow_data_loss\":true}",
                AUTH), "{\"uri\":\"file:///graphs/g1\",\"supported\":true,\"applied\":true,\"step_count\":1,"
                + "\"graph_manifest_version\":9,\"steps\":[\"add type Person\"]}");
        verify(http.serving).applySchema(ALICE, new ServedSchemaApplyCommand("g1", "node A {}", true));
    }

    @Test
    void commitsOfABranchNewestFirst() {
        when(http.serving.listCommits(ALICE, "g1", Optional.of("dev")))
                .thenReturn(new ServedCommitListResult(List.of(Results.commit())));
        assertJson(http.get("/graphs/g1/commits?branch=dev", AUTH), "{\"commits\":[" + Results.COMMIT_JSON + "]}");
    }

    @Test
    void commitsWithoutBranchLeaveTheDefaultToTheUseCase() {
        when(http.serving.listCommits(ALICE, "g1", Optional.empty())).thenReturn(new ServedCommitListResult(List.of()));
        assertJson(http.get("/graphs/g1/commits", AUTH), "{\"commits\":[]}");
    }

    @Test
    void oneCommitById() {
        when(http.serving.commit(ALICE, "g1", "c-2")).thenReturn(Results.commit());
        assertJson(http.get("/graphs/g1/commits/c-2", AUTH), Results.COMMIT_JSON);
    }

    // ---- reads ------------------------------------------------------------------------------

    @Test
    void queryAnswersRowsColumnsAndTheCommitReadFrom() {
        when(http.serving.read(any(), any())).thenReturn(Results.read());
        assertJson(http.postJson("/graphs/g1/query",
                "{\"query\":\"query people() {}\",\"name\":\"people\",\"params\":{\"min\":3},\"branch\":\"main\"}",
                AUTH), Results.READ_JSON);
        verify(http.serving).read(ALICE, new ServedReadCommand("g1", "query people() {}", Optional.of("people"),
                "{\"min\":3}", Optional.of("main"), Optional.empty()));
    }

    @Test
    void queryWithoutParamsSendsAnEmptyObject() {
        when(http.serving.read(any(), any())).thenReturn(Results.read());
        http.postJson("/graphs/g1/query", "{\"query\":\"q\",\"params\":null,\"snapshot\":\"manifest:main:v3\"}", AUTH);
        verify(http.serving).read(ALICE, new ServedReadCommand("g1", "q", Optional.empty(), "{}", Optional.empty(),
                Optional.of("manifest:main:v3")));
    }

    @Test
    void deprecatedReadKeepsTheLegacyShapeAndPointsAtQuery() {
        when(http.serving.read(any(), any())).thenReturn(Results.read());
        HttpResponse<String> response = http.postJson("/graphs/g1/read",
                "{\"query_source\":\"q\",\"query_name\":\"people\"}", AUTH);
        assertJson(response, Results.LEGACY_READ_JSON);
        assertEquals("true", response.headers().firstValue("Deprecation").orElse(""));
        assertEquals("<query>; rel=\"successor-version\"", response.headers().firstValue("Link").orElse(""));
        verify(http.serving).read(ALICE, new ServedReadCommand("g1", "q", Optional.of("people"), "{}",
                Optional.empty(), Optional.empty()));
    }

    @Test
    void readWithoutColumnsLeavesTheMemberOut() {
        when(http.serving.read(any(), any())).thenReturn(new dev.omnigraph.ports.in.ServedReadResult("q",
                Optional.empty(), Optional.of("manifest:main:v1"),
                new dev.omnigraph.domain.query.result.QueryResult(List.of(), List.of()), Optional.empty()));
        assertJson(http.postJson("/graphs/g1/query", "{\"query\":\"q\"}", AUTH),
                "{\"query_name\":\"q\",\"target\":{\"branch\":null,\"snapshot\":\"manifest:main:v1\"},\"row_count\":0,"
                        + "\"rows\":[]}");
    }

    // ---- mutations --------------------------------------------------------------------------

    @Test
    void mutateAcceptsTheLegacyMemberNamesAndAnswersTheChange() {
        when(http.serving.mutate(any(), any())).thenReturn(Results.change());
        assertJson(http.postJson("/graphs/g1/mutate",
                "{\"query_source\":\"query add_person() {}\",\"query_name\":\"add_person\",\"params\":{\"n\":\"A\"},"
                        + "\"branch\":\"main\"}", AUTH), Results.CHANGE_JSON);
        verify(http.serving).mutate(ALICE, new ServedMutateCommand("g1", "query add_person() {}",
                Optional.of("add_person"), "{\"n\":\"A\"}", Optional.of("main"), Optional.empty()));
    }

    @Test
    void mutationThatChangedNothingHasANullCommit() {
        when(http.serving.mutate(any(), any())).thenReturn(
                new ServedChangeResult("noop", "main", 0, 0, Optional.empty(), Optional.empty()));
        assertJson(http.postJson("/graphs/g1/mutate", "{\"query\":\"q\"}", AUTH),
                "{\"branch\":\"main\",\"query_name\":\"noop\",\"affected_nodes\":0,\"affected_edges\":0,"
                        + "\"actor_id\":null,\"commit\":null}");
    }

    @Test
    void conditionalMutateCarriesTheExpectedHead() {
        when(http.serving.mutate(any(), any())).thenReturn(Results.change());
        assertJson(http.postJson("/graphs/g1/mutate/if-graph-commit", "{\"query\":\"q\"}",
                "Authorization", ServedHttp.BEARER, "Omnigraph-If-Graph-Commit", " c-1 "), Results.CHANGE_JSON);
        verify(http.serving).mutate(ALICE, new ServedMutateCommand("g1", "q", Optional.empty(), "{}",
                Optional.empty(), Optional.of("c-1")));
    }

    @Test
    void deprecatedChangeRunsTheMutationAndPointsAtMutate() {
        when(http.serving.mutate(any(), any())).thenReturn(Results.change());
        HttpResponse<String> response = http.postJson("/graphs/g1/change", "{\"query\":\"q\"}", AUTH);
        assertJson(response, Results.CHANGE_JSON);
        assertEquals("true", response.headers().firstValue("Deprecation").orElse(""));
        assertEquals("<mutate>; rel=\"successor-version\"", response.headers().firstValue("Link").orElse(""));
    }

    // ---- stored queries ---------------------------------------------------------------------

    @Test
    void catalogListsStoredQueriesWithTypedParameters() {
        when(http.serving.listStoredQueries(ALICE, "g1")).thenReturn(new StoredQueryCatalogResult(List.of(
                new StoredQueryCatalogResult.StoredQuery("people", "find_people", Optional.of("Find people"),
                        Optional.empty(), false, List.of(
                                new StoredQueryCatalogResult.Param("names", "list", Optional.of("string"),
                                        Optional.empty(), false),
                                new StoredQueryCatalogResult.Param("embedding", "vector", Optional.empty(),
                                        Optional.of(3), true))))));
        assertJson(http.get("/graphs/g1/queries", AUTH), "{\"queries\":[{\"name\":\"people\","
                + "\"tool_name\":\"find_people\",\"description\":\"Find people\",\"mutation\":false,\"params\":["
                + "{\"name\":\"names\",\"kind\":\"list\",\"item_kind\":\"string\",\"nullable\":false},"
                + "{\"name\":\"embedding\",\"kind\":\"vector\",\"vector_dim\":3,\"nullable\":true}]}]}");
    }

    @Test
    void storedReadAnswersExactlyAReadOutput() {
        when(http.serving.invokeStoredQuery(any(), any())).thenReturn(Results.read());
        assertJson(http.postJson("/graphs/g1/queries/people",
                "{\"params\":{\"min\":1},\"branch\":\"dev\",\"expect_mutation\":false}", AUTH), Results.READ_JSON);
        verify(http.serving).invokeStoredQuery(ALICE, new InvokeStoredQueryCommand("g1", "people", "{\"min\":1}",
                Optional.of("dev"), Optional.empty(), Optional.of(false), Optional.empty()));
    }

    @Test
    void storedMutationAnswersExactlyAChangeOutputAndTheBodyIsOptional() {
        when(http.serving.invokeStoredQuery(any(), any())).thenReturn(Results.change());
        assertJson(http.post("/graphs/g1/queries/add_person", "", null, AUTH), Results.CHANGE_JSON);
        assertJson(http.postJson("/graphs/g1/queries/add_person", "null", AUTH), Results.CHANGE_JSON);
        verify(http.serving, org.mockito.Mockito.times(2)).invokeStoredQuery(ALICE, new InvokeStoredQueryCommand(
                "g1", "add_person", "{}", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void conditionalStoredMutationCarriesTheExpectedHead() {
        when(http.serving.invokeStoredQuery(any(), any())).thenReturn(Results.change());
        assertJson(http.postJson("/graphs/g1/queries/add_person/if-graph-commit", "{\"branch\":\"main\"}",
                "Authorization", ServedHttp.BEARER, "Omnigraph-If-Graph-Commit", "c-1"), Results.CHANGE_JSON);
        verify(http.serving).invokeStoredQuery(ALICE, new InvokeStoredQueryCommand("g1", "add_person", "{}",
                Optional.of("main"), Optional.empty(), Optional.empty(), Optional.of("c-1")));
    }

    // ---- loads and export -------------------------------------------------------------------

    @Test
    void loadDefaultsToMergeAndAnswersTheIngestOutput() {
        when(http.serving.load(any(), any())).thenReturn(Results.load(LoadMode.MERGE));
        assertJson(http.postJson("/graphs/g1/load", "{\"data\":\"{}\\n\",\"branch\":\"dev\",\"from\":\"main\"}", AUTH),
                Results.loadJson("merge", true));
        verify(http.serving).load(ALICE, new ServedLoadCommand("g1", "{}\n", Optional.of("dev"), Optional.of("main"),
                LoadMode.MERGE));
    }

    @Test
    void loadHonoursTheRequestedMode() {
        when(http.serving.load(any(), any())).thenReturn(Results.load(LoadMode.OVERWRITE));
        http.postJson("/graphs/g1/load", "{\"data\":\"\",\"mode\":\"overwrite\"}", AUTH);
        verify(http.serving).load(ALICE, new ServedLoadCommand("g1", "", Optional.empty(), Optional.empty(),
                LoadMode.OVERWRITE));
    }

    @Test
    void deprecatedIngestIsLoadWithItsDefaultsAndPointsAtLoad() {
        when(http.serving.load(any(), any())).thenReturn(Results.load(LoadMode.MERGE));
        HttpResponse<String> response = http.postJson("/graphs/g1/ingest", "{\"data\":\"x\"}", AUTH);
        assertJson(response, Results.loadJson("merge", true));
        assertEquals("true", response.headers().firstValue("Deprecation").orElse(""));
        assertEquals("<load>; rel=\"successor-version\"", response.headers().firstValue("Link").orElse(""));
        verify(http.serving).load(ALICE, new ServedLoadCommand("g1", "x", Optional.empty(), Optional.empty(),
                LoadMode.MERGE));
    }

    @Test
    void rawNdjsonLoadTakesTargetFromTheQueryAndAnswersWithoutUri() {
        when(http.serving.load(any(), any())).thenReturn(Results.load(LoadMode.APPEND));
        String records = "{\"type\":\"Person\",\"data\":{\"name\":\"Ann\"}}\n";
        assertJson(http.post("/graphs/g1/load/ndjson?branch=dev&from=main&mode=append", records,
                "application/x-ndjson; charset=utf-8", AUTH), Results.loadJson("append", false));
        verify(http.serving).load(ALICE, new ServedLoadCommand("g1", records, Optional.of("dev"), Optional.of("main"),
                LoadMode.APPEND));
    }

    @Test
    void exportStreamsOneRecordPerLine() {
        doAnswer(invocation -> {
            ExportGraphUseCase.LineSink sink = invocation.getArgument(2);
            sink.accept("{\"type\":\"Person\",\"data\":{\"name\":\"Ann\"}}");
            sink.accept("{\"edge\":\"Knows\",\"from\":\"Ann\",\"to\":\"Bob\",\"data\":{}}");
            return null;
        }).when(http.serving).export(any(), any(), any());
        HttpResponse<String> response = http.postJson("/graphs/g1/export",
                "{\"branch\":\"dev\",\"type_names\":[\"Person\",\"Knows\"]}", AUTH);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/x-ndjson; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"type\":\"Person\",\"data\":{\"name\":\"Ann\"}}\n"
                + "{\"edge\":\"Knows\",\"from\":\"Ann\",\"to\":\"Bob\",\"data\":{}}\n", response.body());
        ArgumentCaptor<ServedExportCommand> command = ArgumentCaptor.forClass(ServedExportCommand.class);
        verify(http.serving).export(eq(ALICE), command.capture(), any());
        assertEquals(new ServedExportCommand("g1", Optional.of("dev"), List.of("Person", "Knows")), command.getValue());
    }

    @Test
    void emptyExportIsAnEmptyBody() {
        HttpResponse<String> response = http.postJson("/graphs/g1/export", "{}", AUTH);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("", response.body());
        verify(http.serving).export(eq(ALICE), eq(new ServedExportCommand("g1", Optional.empty(), List.of())), any());
    }

    // ---- branches ---------------------------------------------------------------------------

    @Test
    void branchListCreateAndDelete() {
        when(http.serving.listBranches(ALICE, "g1")).thenReturn(new ServedBranchListResult(List.of("dev", "main")));
        assertJson(http.get("/graphs/g1/branches", AUTH), "{\"branches\":[\"dev\",\"main\"]}");

        when(http.serving.createBranch(ALICE, new ServedBranchCreateCommand("g1", "dev", Optional.empty())))
                .thenReturn(new ServedBranchResult("file:///graphs/g1", "dev", Optional.of("main"),
                        Optional.of(ServedHttp.ACTOR)));
        assertJson(http.postJson("/graphs/g1/branches", "{\"name\":\"dev\"}", AUTH),
                "{\"uri\":\"file:///graphs/g1\",\"from\":\"main\",\"name\":\"dev\",\"actor_id\":\"act-alice\"}");

        when(http.serving.deleteBranch(ALICE, "g1", "dev")).thenReturn(
                new ServedBranchResult("file:///graphs/g1", "dev", Optional.empty(), Optional.empty()));
        assertJson(http.delete("/graphs/g1/branches/dev", AUTH),
                "{\"uri\":\"file:///graphs/g1\",\"name\":\"dev\",\"actor_id\":null}");
    }

    @Test
    void requestIdentityHeadersNeverReachTheUseCase() {
        when(http.serving.listBranches(any(), any())).thenReturn(new ServedBranchListResult(List.of()));
        http.get("/graphs/g1/branches", "Authorization", ServedHttp.BEARER, "X-Actor-Id", "act-mallory");
        ArgumentCaptor<Caller> caller = ArgumentCaptor.forClass(Caller.class);
        verify(http.serving).listBranches(caller.capture(), eq("g1"));
        assertEquals(ALICE, caller.getValue());
        assertFalse(caller.getValue().actor().orElseThrow().contains("mallory"));
    }
}
