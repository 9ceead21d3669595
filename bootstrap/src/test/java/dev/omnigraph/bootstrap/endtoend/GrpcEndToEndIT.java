package dev.omnigraph.bootstrap.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.omnigraph.adapters.grpc.v1.ChangeResult;
import dev.omnigraph.adapters.grpc.v1.Commit;
import dev.omnigraph.adapters.grpc.v1.ExportRequest;
import dev.omnigraph.adapters.grpc.v1.GetCommitRequest;
import dev.omnigraph.adapters.grpc.v1.GetSnapshotRequest;
import dev.omnigraph.adapters.grpc.v1.GraphServiceGrpc;
import dev.omnigraph.adapters.grpc.v1.InvokeStoredQueryRequest;
import dev.omnigraph.adapters.grpc.v1.ListCommitsRequest;
import dev.omnigraph.adapters.grpc.v1.ListGraphsRequest;
import dev.omnigraph.adapters.grpc.v1.LoadMode;
import dev.omnigraph.adapters.grpc.v1.LoadResult;
import dev.omnigraph.adapters.grpc.v1.LoadTarget;
import dev.omnigraph.adapters.grpc.v1.MutateRequest;
import dev.omnigraph.adapters.grpc.v1.QueryRequest;
import dev.omnigraph.adapters.grpc.v1.Snapshot;
import dev.omnigraph.adapters.grpc.v1.TypeSnapshot;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built server, started as its own process with {@code --grpc-bind} on a converged cluster, driven over
 * gRPC with the generated Java stubs: the industry-intel cookbook cluster when the shared corpus is present
 * (its policy bundles as written), else the project's example cluster. Health and reflection need no token;
 * every RPC family works for the actors the policy allows and is refused with the documented status for
 * the others; a lost conditional write is FAILED_PRECONDITION with both heads; tokens never reach the logs.
 */
class GrpcEndToEndIT {

    /** One cluster to serve and the names its policies and data give the actors, queries and types. */
    private record Scenario(Path source, String graphId, Map<String, String> seeds, Map<String, String> tokens,
                            String reader, String writer, String lister, String outsider, String storedRead,
                            String storedMutation, Map<String, Object> mutationParams, String exportType,
                            String deleteSource) {
        String token(String actor) {
            return tokens.get(actor);
        }
    }

    private static Scenario industryIntel(Path fixture) {
        return new Scenario(fixture, "spike", Map.of("spike", "seed.jsonl"),
                Map.of("act-reader", "tok-reader-51c0", "act-analyst", "tok-analyst-8e22", "act-admin", "tok-admin-3b7d",
                        "act-outsider", "tok-outsider-90aa"),
                "act-reader", "act-analyst", "act-admin", "act-outsider", "recent_knowhow", "add_company",
                Map.of("slug", "acme-grpc", "name", "Acme gRPC"), "Company",
                "query m() { delete Company where slug = \"acme-grpc\" }");
    }

    private static Scenario example() {
        return new Scenario(Distribution.projectRoot().resolve("examples/cluster"), "people", Map.of("people", "seed.jsonl"),
                Map.of("act-alice", "tok-alice-7f3a91", "act-bob", "tok-bob-c4d2e8", "act-admin", "tok-admin-19be55",
                        "act-stranger", "tok-stranger-0a6c3d"),
                "act-alice", "act-bob", "act-admin", "act-stranger", "headcount", "add_person",
                Map.of("name", "Grpc Person", "age", 33), "Person",
                "query m() { delete Person where name = \"Grpc Person\" }");
    }

    @TempDir
    static Path scratch;

    private static Scenario scenario;
    private static ServerProcess server;
    private static GrpcClient grpc;

    @BeforeAll
    static void convergeAndServe() throws IOException {
        Path fixture = Path.of(System.getProperty("omnigraph.fixtures", "../../shared/fixtures")).resolve("industry-intel");
        scenario = Files.isRegularFile(fixture.resolve("cluster.yaml")) ? industryIntel(fixture) : example();
        ConvergedCluster cluster = ConvergedCluster.converge(scenario.source(), scratch.resolve("cluster"), scenario.seeds());
        server = ServerProcess.start(Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON",
                        GrpcAsHttp.JSON.writeValueAsString(scenario.tokens())),
                "--cluster", cluster.dir().toString(), "--bind", "127.0.0.1:0", "--grpc-bind", "127.0.0.1:0");
        grpc = new GrpcClient(server.grpcListenAddress());
    }

    @AfterAll
    static void stop() {
        if (grpc != null) {
            grpc.close();
        }
        if (server != null) {
            server.close();
            assertEquals(0, server.exitCode(), "SIGTERM stops both doors gracefully");
        }
    }

    private static GraphServiceGrpc.GraphServiceBlockingStub as(String actor) {
        return grpc.as(scenario.token(actor));
    }

    private static StatusRuntimeException refused(Status.Code code, Executable call) {
        StatusRuntimeException refusal = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, refusal.getStatus().getCode(), refusal.toString());
        return refusal;
    }

    private static Struct params(Map<String, ?> values) {
        Struct.Builder params = Struct.newBuilder();
        values.forEach((name, value) -> params.putFields(name, value instanceof Number number
                ? Value.newBuilder().setNumberValue(number.doubleValue()).build()
                : Value.newBuilder().setStringValue(value.toString()).build()));
        return params.build();
    }

    private static TypeSnapshot type(Snapshot snapshot, String typeName) {
        return snapshot.getTypesList().stream().filter(type -> type.getTypeName().equals(typeName)).findFirst()
                .orElseThrow(() -> new AssertionError("no type " + typeName + " in " + snapshot));
    }

    @Test
    void both_listen_lines_are_printed_and_health_and_reflection_need_no_token() throws Exception {
        assertTrue(server.printed().contains("OMNIGRAPH_LISTEN_ADDR="), server.printed());
        assertTrue(server.printed().contains("OMNIGRAPH_GRPC_LISTEN_ADDR=" + server.grpcListenAddress()), server.printed());
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(grpc.channel());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.check(HealthCheckRequest.newBuilder()
                .setService("omnigraph.v1.GraphService").build()).getStatus());

        CompletableFuture<ServerReflectionResponse> listed = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(grpc.channel())
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                        listed.complete(value);
                    }

                    @Override
                    public void onError(Throwable failed) {
                        listed.completeExceptionally(failed);
                    }

                    @Override
                    public void onCompleted() {
                        // answered first
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
        requests.onCompleted();
        assertTrue(listed.get(30, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                .anyMatch(service -> service.getName().equals("omnigraph.v1.GraphService")));
    }

    @Test
    void only_the_lister_lists_graphs_and_unknown_callers_and_graphs_are_refused() {
        assertEquals(scenario.graphId(), as(scenario.lister()).listGraphs(ListGraphsRequest.getDefaultInstance())
                .getGraphs(0).getGraphId());
        refused(Status.Code.PERMISSION_DENIED, () -> as(scenario.reader()).listGraphs(ListGraphsRequest.getDefaultInstance()));
        StatusRuntimeException missing = refused(Status.Code.UNAUTHENTICATED, () -> grpc.as(null)
                .getSnapshot(GetSnapshotRequest.newBuilder().setGraphId(scenario.graphId()).build()));
        assertEquals("missing bearer token", missing.getStatus().getDescription());
        assertEquals("unauthorized", GrpcClient.detail(missing).getCode());
        refused(Status.Code.UNAUTHENTICATED, () -> grpc.as("tok-wrong-5e5e5e")
                .getSnapshot(GetSnapshotRequest.newBuilder().setGraphId(scenario.graphId()).build()));
        StatusRuntimeException unknown = refused(Status.Code.NOT_FOUND, () -> as(scenario.reader())
                .getSnapshot(GetSnapshotRequest.newBuilder().setGraphId("nope").build()));
        assertEquals("graph 'nope' not found", unknown.getStatus().getDescription());
        refused(Status.Code.PERMISSION_DENIED, () -> as(scenario.outsider())
                .getSnapshot(GetSnapshotRequest.newBuilder().setGraphId(scenario.graphId()).build()));
    }

    @Test
    void readers_read_stream_rows_and_export_exactly_the_snapshot_count() throws IOException {
        Snapshot snapshot = as(scenario.reader()).getSnapshot(GetSnapshotRequest.newBuilder()
                .setGraphId(scenario.graphId()).build());
        long count = type(snapshot, scenario.exportType()).getEntityCount();
        assertTrue(count > 0);

        GrpcClient.Read all = grpc.query(scenario.token(scenario.reader()), QueryRequest.newBuilder()
                .setGraphId(scenario.graphId())
                .setQuery("query q() { match { $x: " + scenario.exportType() + " } return { $x } }").build());
        assertEquals(count, all.header().getRowCount());
        assertEquals(count, all.rows().size());
        assertTrue(all.header().hasGraphCommitId());

        GrpcClient.Read stored = grpc.invoke(scenario.token(scenario.reader()), InvokeStoredQueryRequest.newBuilder()
                .setGraphId(scenario.graphId()).setName(scenario.storedRead()).build()).read().orElseThrow();
        assertEquals(scenario.storedRead(), stored.header().getQueryName());
        assertEquals(stored.header().getRowCount(), stored.rows().size());
        // a denied invoke reads exactly like an unknown stored query
        StatusRuntimeException hidden = refused(Status.Code.NOT_FOUND, () -> grpc.invoke(scenario.token(scenario.outsider()),
                InvokeStoredQueryRequest.newBuilder().setGraphId(scenario.graphId()).setName(scenario.storedRead()).build()));
        assertEquals("stored query '" + scenario.storedRead() + "' not found", hidden.getStatus().getDescription());

        String ndjson = grpc.export(scenario.token(scenario.reader()), ExportRequest.newBuilder()
                .setGraphId(scenario.graphId()).addTypeNames(scenario.exportType()).build());
        List<String> lines = ndjson.lines().toList();
        assertEquals(count, lines.size());
        for (String line : lines) {
            JsonNode record = GrpcAsHttp.JSON.readTree(line);
            assertEquals(scenario.exportType(), record.path("type").asText(), line);
        }
    }

    @Test
    void writers_change_through_stored_and_conditional_mutations_and_readers_may_not() {
        InvokeStoredQueryRequest insert = InvokeStoredQueryRequest.newBuilder().setGraphId(scenario.graphId())
                .setName(scenario.storedMutation()).setParams(params(scenario.mutationParams())).build();
        StatusRuntimeException denied = refused(Status.Code.PERMISSION_DENIED, () ->
                grpc.invoke(scenario.token(scenario.reader()), insert));
        assertTrue(denied.getStatus().getDescription().contains("policy denied action 'change'"), denied.toString());
        assertEquals("forbidden", GrpcClient.detail(denied).getCode());

        String before = grpc.query(scenario.token(scenario.writer()), QueryRequest.newBuilder()
                .setGraphId(scenario.graphId()).setQuery("query q() { match { $x: " + scenario.exportType()
                        + " } return { $x } }").build()).header().getGraphCommitId();
        ChangeResult inserted = grpc.invoke(scenario.token(scenario.writer()), insert).change().orElseThrow();
        assertEquals(1, inserted.getAffectedNodes());
        assertEquals(scenario.writer(), inserted.getActorId());
        String after = inserted.getCommit().getGraphCommitId();

        MutateRequest delete = MutateRequest.newBuilder().setGraphId(scenario.graphId())
                .setQuery(scenario.deleteSource()).build();
        StatusRuntimeException lost = refused(Status.Code.FAILED_PRECONDITION, () -> as(scenario.writer())
                .mutate(delete.toBuilder().setExpectedHeadCommit(before).build()));
        assertEquals(before, GrpcClient.detail(lost).getPreconditionFailure().getExpected());
        assertEquals(after, GrpcClient.detail(lost).getPreconditionFailure().getActual());
        assertEquals(412, GrpcClient.detail(lost).getHttpStatus());
        assertEquals("", GrpcClient.detail(lost).getCode(), "HTTP sends no code with 412");

        ChangeResult deleted = as(scenario.writer()).mutate(delete.toBuilder().setExpectedHeadCommit(after).build());
        assertEquals(1, deleted.getAffectedNodes());
        assertEquals(after, deleted.getCommit().getParentCommitId());

        List<Commit> commits = as(scenario.reader()).listCommits(ListCommitsRequest.newBuilder()
                .setGraphId(scenario.graphId()).build()).getCommitsList();
        assertEquals(deleted.getCommit().getGraphCommitId(), commits.get(0).getGraphCommitId());
        Commit one = as(scenario.reader()).getCommit(GetCommitRequest.newBuilder().setGraphId(scenario.graphId())
                .setGraphCommitId(after).build());
        assertEquals(scenario.writer(), one.getActorId());
    }

    @Test
    void writers_load_records_streamed_in_chunks() {
        String record = "{\"type\":\"" + scenario.exportType() + "\",\"data\":" + (scenario.exportType().equals("Company")
                ? "{\"slug\":\"loaded-grpc\",\"name\":\"Loaded over gRPC\"}"
                : "{\"name\":\"Loaded over gRPC\",\"role\":\"member\"}") + "}\n";
        LoadTarget target = LoadTarget.newBuilder().setGraphId(scenario.graphId()).setMode(LoadMode.LOAD_MODE_MERGE).build();
        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () ->
                grpc.load(scenario.token(scenario.reader()), target, record, 16));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());

        LoadResult loaded = grpc.load(scenario.token(scenario.writer()), target, record, 16);
        assertEquals(1, loaded.getTotalEntities());
        assertEquals("main", loaded.getBranch());
        assertFalse(loaded.getBranchCreated());
        assertEquals(scenario.writer(), loaded.getCommit().getActorId());
    }

    @Test
    void a_malformed_grpc_bind_is_a_usage_error_and_a_taken_port_refuses_the_start() throws IOException {
        ServerProcess.Refusal malformed = ServerProcess.refuse(Map.of(), "--cluster", scratch.resolve("cluster").toString(),
                "--grpc-bind", "nowhere");
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.stderr().contains("--grpc-bind wants <ip:port>"), malformed.stderr());

        ServerProcess.Refusal taken = ServerProcess.refuse(Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON",
                        GrpcAsHttp.JSON.writeValueAsString(scenario.tokens())),
                "--cluster", scratch.resolve("cluster").toString(), "--bind", "127.0.0.1:0",
                "--grpc-bind", server.grpcListenAddress());
        assertEquals(1, taken.exitCode());
        assertTrue(taken.stderr().contains("could not listen for gRPC on " + server.grpcListenAddress()), taken.stderr());
    }

    @Test
    void tokens_never_appear_in_the_logs() {
        as(scenario.reader()).getSnapshot(GetSnapshotRequest.newBuilder().setGraphId(scenario.graphId()).build());
        assertThrows(StatusRuntimeException.class, () -> grpc.as("tok-wrong-5e5e5e")
                .getSnapshot(GetSnapshotRequest.newBuilder().setGraphId(scenario.graphId()).build()));
        String logs = server.logs() + server.printed();
        for (String token : scenario.tokens().values()) {
            assertFalse(logs.contains(token), "a token leaked into the logs");
        }
        assertFalse(logs.contains("tok-wrong-5e5e5e"));
    }
}
