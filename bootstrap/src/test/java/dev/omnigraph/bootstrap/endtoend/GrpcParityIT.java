package dev.omnigraph.bootstrap.endtoend;

import dev.omnigraph.bootstrap.TestTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.rpc.RetryInfo;
import dev.omnigraph.adapters.grpc.v1.CreateBranchRequest;
import dev.omnigraph.adapters.grpc.v1.DeleteBranchRequest;
import dev.omnigraph.adapters.grpc.v1.ErrorDetail;
import dev.omnigraph.adapters.grpc.v1.ExportRequest;
import dev.omnigraph.adapters.grpc.v1.GetCommitRequest;
import dev.omnigraph.adapters.grpc.v1.GetSchemaRequest;
import dev.omnigraph.adapters.grpc.v1.GetSnapshotRequest;
import dev.omnigraph.adapters.grpc.v1.InvokeStoredQueryRequest;
import dev.omnigraph.adapters.grpc.v1.ListBranchesRequest;
import dev.omnigraph.adapters.grpc.v1.ListCommitsRequest;
import dev.omnigraph.adapters.grpc.v1.ListGraphsRequest;
import dev.omnigraph.adapters.grpc.v1.ListStoredQueriesRequest;
import dev.omnigraph.adapters.grpc.v1.LoadMode;
import dev.omnigraph.adapters.grpc.v1.LoadTarget;
import dev.omnigraph.adapters.grpc.v1.MutateRequest;
import dev.omnigraph.adapters.grpc.v1.QueryRequest;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.domain.json.JsonWriter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTP and gRPC are one served surface: the built server, started with {@code --grpc-bind} on the example
 * cluster in each runtime state (PolicyEnabled, DefaultDeny, Open), answers every operation the same way on
 * both doors: equal results (the gRPC messages written as HTTP writes them), equal refusals (HTTP status,
 * code string, message and detail member), and for each refusal the documented gRPC code. Writes are sent
 * once per door with door-specific names and compared without the commit's identity. A second graph is
 * quarantined by a pending recovery sidecar, so quarantine is compared too (404 / NOT_FOUND on both).
 */
class GrpcParityIT {

    private static final Map<String, String> TOKENS = Map.of(
            "act-alice", "tok-alice-7f3a91", "act-bob", "tok-bob-c4d2e8", "act-admin", "tok-admin-19be55",
            "act-stranger", "tok-stranger-0a6c3d");
    /** Small enough that one padded mutation meets admission (429), large enough for every other write. */
    private static final String BYTES_MAX = "600";

    @TempDir
    static Path scratch;

    private static ConvergedCluster withPolicy;
    private static ConvergedCluster withoutPolicy;

    enum RuntimeState { POLICY_ENABLED, DEFAULT_DENY, OPEN }

    @BeforeAll
    static void convergeBothClusters() throws IOException {
        withPolicy = quarantineSecondGraph(ConvergedCluster.converge(twoGraphSource("with-policy", true),
                scratch.resolve("with-policy"), Map.of("people", "seed.jsonl", "people2", "seed.jsonl")));
        withoutPolicy = quarantineSecondGraph(ConvergedCluster.converge(twoGraphSource("without-policy", false),
                scratch.resolve("without-policy"), Map.of("people", "seed.jsonl", "people2", "seed.jsonl")));
    }

    /** Who calls: each runtime state's reader, writer and graph lister (null: no token). */
    private record Callers(String reader, String writer, String lister, String stranger) {}

    @ParameterizedTest
    @EnumSource(RuntimeState.class)
    void everyOperationAnswersAlikeOverHttpAndGrpc(RuntimeState state) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("OMNIGRAPH_PER_ACTOR_BYTES_MAX", BYTES_MAX);
        List<String> args = new ArrayList<>(List.of("--bind", "127.0.0.1:0", "--grpc-bind", "127.0.0.1:0"));
        Callers callers;
        switch (state) {
            case POLICY_ENABLED -> {
                environment.putAll(ServerEndToEndIT.tokenEnvironment());
                args.addAll(List.of("--cluster", withPolicy.dir().toString()));
                callers = new Callers(TOKENS.get("act-alice"), TOKENS.get("act-bob"), TOKENS.get("act-admin"),
                        TOKENS.get("act-stranger"));
            }
            case DEFAULT_DENY -> {
                environment.putAll(ServerEndToEndIT.tokenEnvironment());
                args.addAll(List.of("--cluster", withoutPolicy.dir().toString()));
                callers = new Callers(TOKENS.get("act-alice"), TOKENS.get("act-bob"), TOKENS.get("act-admin"),
                        TOKENS.get("act-stranger"));
            }
            default -> {
                args.addAll(List.of("--cluster", withoutPolicy.dir().toString(), "--unauthenticated"));
                callers = new Callers(null, null, null, null);
            }
        }
        try (ServerProcess server = ServerProcess.start(environment, args.toArray(String[]::new));
             GrpcClient grpc = new GrpcClient(server.grpcListenAddress())) {
            new Comparison(state, server, grpc, callers).run();
        }
    }

    // ---- one runtime state -------------------------------------------------------------------------

    /** What one door answered: the HTTP status and body (for gRPC: the refusal's detail, or the result as HTTP writes it). */
    private record Outcome(int status, JsonNode body) {}

    private static final class Comparison {
        private final RuntimeState state;
        private final ServerProcess server;
        private final GrpcClient grpc;
        private final Callers who;
        private final List<String> compared = new ArrayList<>();

        Comparison(RuntimeState state, ServerProcess server, GrpcClient grpc, Callers who) {
            this.state = state;
            this.server = server;
            this.grpc = grpc;
            this.who = who;
        }

        void run() {
            reads();
            refusals();
            writes();
            branchesAndLoads();
            assertTrue(compared.size() >= 25, "compared " + compared);
            // the matrix in the test report: which status each operation had in this state
            System.out.println(state + ": " + String.join(", ", compared));
        }

        private void reads() {
            same("list graphs", http(server.get("/graphs", who.lister())),
                    () -> GrpcAsHttp.graphs(grpc.as(who.lister()).listGraphs(ListGraphsRequest.getDefaultInstance())));
            same("snapshot", http(server.get("/graphs/people/snapshot", who.reader())),
                    () -> GrpcAsHttp.snapshot(grpc.as(who.reader()).getSnapshot(snapshot("people"))));
            same("ad-hoc query", http(server.post("/graphs/people/query", who.reader(),
                            "{\"query\":\"query q($n: String) { match { $p: Person { name: $n } } return { $p.name, $p.age, "
                                    + "$p.born, $p.tags, $p.email } }\",\"params\":{\"n\":\"Alice\"}}")),
                    () -> GrpcAsHttp.read(grpc.query(who.reader(), QueryRequest.newBuilder().setGraphId("people")
                            .setQuery("query q($n: String) { match { $p: Person { name: $n } } return { $p.name, "
                                    + "$p.age, $p.born, $p.tags, $p.email } }")
                            .setParams(params(Map.of("n", "Alice"))).build())));
            same("stored read", http(server.post("/graphs/people/queries/older_than", who.reader(),
                            "{\"params\":{\"min\":30}}")),
                    () -> GrpcAsHttp.read(grpc.invoke(who.reader(), InvokeStoredQueryRequest.newBuilder()
                            .setGraphId("people").setName("older_than").setParams(params(Map.of("min", 30))).build())
                            .read().orElseThrow()));
            same("aggregate read", http(server.post("/graphs/people/queries/headcount", who.reader(), "{}")),
                    () -> GrpcAsHttp.read(grpc.invoke(who.reader(), InvokeStoredQueryRequest.newBuilder()
                            .setGraphId("people").setName("headcount").build()).read().orElseThrow()));
            same("stored-query catalog", http(server.get("/graphs/people/queries", who.reader())),
                    () -> GrpcAsHttp.catalog(grpc.as(who.reader()).listStoredQueries(ListStoredQueriesRequest
                            .newBuilder().setGraphId("people").build())));
            same("schema", http(server.get("/graphs/people/schema", who.reader())),
                    () -> GrpcAsHttp.schema(grpc.as(who.reader()).getSchema(GetSchemaRequest.newBuilder()
                            .setGraphId("people").build())));
            same("branch list", http(server.get("/graphs/people/branches", who.reader())),
                    () -> GrpcAsHttp.branches(grpc.as(who.reader()).listBranches(ListBranchesRequest.newBuilder()
                            .setGraphId("people").build())));
            Outcome commits = http(server.get("/graphs/people/commits?branch=main", who.reader()));
            same("commit list", commits, () -> GrpcAsHttp.commits(grpc.as(who.reader()).listCommits(
                    ListCommitsRequest.newBuilder().setGraphId("people").setBranch("main").build())));
            String newest = commits.status() == 200 ? commits.body().path("commits").get(0).path("graph_commit_id").asText()
                    : "01JD0000000000000000000000";
            same("one commit", http(server.get("/graphs/people/commits/" + newest, who.reader())),
                    () -> GrpcAsHttp.commit(grpc.as(who.reader()).getCommit(GetCommitRequest.newBuilder()
                            .setGraphId("people").setGraphCommitId(newest).build())));
            same("export", text(server.post("/graphs/people/export", who.reader(), "{\"type_names\":[\"Person\"]}")),
                    () -> GrpcAsHttp.JSON.getNodeFactory().textNode(grpc.export(who.reader(), ExportRequest.newBuilder()
                            .setGraphId("people").addTypeNames("Person").build())));
        }

        private void refusals() {
            same("quarantined graph", http(server.get("/graphs/people2/snapshot", who.reader())),
                    () -> GrpcAsHttp.snapshot(grpc.as(who.reader()).getSnapshot(snapshot("people2"))));
            same("unknown graph", http(server.get("/graphs/nope/snapshot", who.reader())),
                    () -> GrpcAsHttp.snapshot(grpc.as(who.reader()).getSnapshot(snapshot("nope"))));
            same("malformed graph id", http(server.get("/graphs/no_underscores/snapshot", who.reader())),
                    () -> GrpcAsHttp.snapshot(grpc.as(who.reader()).getSnapshot(snapshot("no_underscores"))));
            same("no token", http(server.get("/graphs/people/snapshot", null)),
                    () -> GrpcAsHttp.snapshot(grpc.as(null).getSnapshot(snapshot("people"))));
            same("unknown token", http(server.get("/graphs/people/snapshot", "tok-unknown-000000")),
                    () -> GrpcAsHttp.snapshot(grpc.as("tok-unknown-000000").getSnapshot(snapshot("people"))));
            same("stranger's stored read", http(server.post("/graphs/people/queries/person", who.stranger(),
                            "{\"params\":{\"name\":\"Alice\"}}")),
                    () -> GrpcAsHttp.read(grpc.invoke(who.stranger(), InvokeStoredQueryRequest.newBuilder()
                            .setGraphId("people").setName("person").setParams(params(Map.of("name", "Alice"))).build())
                            .read().orElseThrow()));
            same("unknown stored query", http(server.post("/graphs/people/queries/no_such_query", who.reader(), "{}")),
                    () -> GrpcAsHttp.read(grpc.invoke(who.reader(), InvokeStoredQueryRequest.newBuilder()
                            .setGraphId("people").setName("no_such_query").build()).read().orElseThrow()));
            same("mutation sent as a query", http(server.post("/graphs/people/query", who.reader(),
                            "{\"query\":\"query m() { insert Person { name: \\\"Q\\\", role: \\\"guest\\\" } }\"}")),
                    () -> GrpcAsHttp.read(grpc.query(who.reader(), QueryRequest.newBuilder().setGraphId("people")
                            .setQuery("query m() { insert Person { name: \"Q\", role: \"guest\" } }").build())));
            same("branch and snapshot together", http(server.post("/graphs/people/query", who.reader(),
                            "{\"query\":\"query q() { match { $p: Person } return { $p.name } }\",\"branch\":\"main\","
                                    + "\"snapshot\":\"manifest:main:v1\"}")),
                    () -> GrpcAsHttp.read(grpc.query(who.reader(), QueryRequest.newBuilder().setGraphId("people")
                            .setQuery("query q() { match { $p: Person } return { $p.name } }").setBranch("main")
                            .setSnapshot("manifest:main:v1").build())));
            same("stored read expected to be a mutation", http(server.post("/graphs/people/queries/headcount",
                            who.reader(), "{\"expect_mutation\":true}")),
                    () -> GrpcAsHttp.read(grpc.invoke(who.reader(), InvokeStoredQueryRequest.newBuilder()
                            .setGraphId("people").setName("headcount").setExpectMutation(true).build())
                            .read().orElseThrow()));
            // refused where a policy or default-deny holds; an ordinary write on an open server
            sameWrite("a reader changing main", http(server.post("/graphs/people/mutate", who.reader(),
                            mutationBody("Rea-h"))),
                    () -> GrpcAsHttp.change(grpc.as(who.reader()).mutate(mutation("Rea-g"))), "Rea-h", "Rea-g");
        }

        private void writes() {
            sameWrite("mutation", http(server.post("/graphs/people/mutate", who.writer(), mutationBody("Par-h"))),
                    () -> GrpcAsHttp.change(grpc.as(who.writer()).mutate(mutation("Par-g"))), "Par-h", "Par-g");
            // nothing succeeds in between: both doors see the same head, so the 412 details are equal
            String stale = "01JD0000000000000000000000";
            same("stale conditional mutation", http(server.post("/graphs/people/mutate/if-graph-commit", who.writer(),
                            mutationBody("Sta-h"), "Omnigraph-If-Graph-Commit", stale)),
                    () -> GrpcAsHttp.change(grpc.as(who.writer()).mutate(mutation("Sta-h").toBuilder()
                            .setExpectedHeadCommit(stale).build())));
            sameWrite("stored mutation", http(server.post("/graphs/people/queries/add_person", who.writer(),
                            "{\"params\":{\"name\":\"Sto-h\",\"age\":40}}")),
                    () -> GrpcAsHttp.change(grpc.invoke(who.writer(), InvokeStoredQueryRequest.newBuilder()
                            .setGraphId("people").setName("add_person")
                            .setParams(params(Map.of("name", "Sto-g", "age", 40))).build()).change().orElseThrow()),
                    "Sto-h", "Sto-g");
            String padding = "x".repeat(700);
            same("admission refusal", http(server.post("/graphs/people/mutate", who.writer(),
                            "{\"query\":\"query m($pad: String) { insert Person { name: \\\"Adm\\\", role: \\\"guest\\\" } }\","
                                    + "\"params\":{\"pad\":\"" + padding + "\"}}")),
                    () -> GrpcAsHttp.change(grpc.as(who.writer()).mutate(MutateRequest.newBuilder().setGraphId("people")
                            .setQuery("query m($pad: String) { insert Person { name: \"Adm\", role: \"guest\" } }")
                            .setParams(params(Map.of("pad", padding))).build())));
        }

        private void branchesAndLoads() {
            sameWrite("branch creation", http(server.post("/graphs/people/branches", who.writer(),
                            "{\"name\":\"par-h\",\"from\":\"main\"}")),
                    () -> GrpcAsHttp.branchCreated(grpc.as(who.writer()).createBranch(CreateBranchRequest.newBuilder()
                            .setGraphId("people").setName("par-g").setFrom("main").build())), "par-h", "par-g");
            sameWrite("branch deletion", http(server.send("DELETE", "/graphs/people/branches/par-h", who.writer(), null)),
                    () -> GrpcAsHttp.branchDeleted(grpc.as(who.writer()).deleteBranch(DeleteBranchRequest.newBuilder()
                            .setGraphId("people").setName("par-g").build())), "par-h", "par-g");
            sameWrite("load creating a branch", http(server.post("/graphs/people/load", who.writer(),
                            "{\"branch\":\"lod-h\",\"from\":\"main\",\"mode\":\"merge\",\"data\":\"" + personRecord("Lod-h") + "\"}")),
                    () -> GrpcAsHttp.load(grpc.load(who.writer(), LoadTarget.newBuilder().setGraphId("people")
                            .setBranch("lod-g").setFrom("main").setMode(LoadMode.LOAD_MODE_MERGE).build(),
                            personRecord("Lod-g").replace("\\\"", "\"").replace("\\n", "\n"), 7)),
                    "lod-h", "lod-g");
            same("load into a missing branch", http(server.post("/graphs/people/load", who.writer(),
                            "{\"branch\":\"missing\",\"data\":\"" + personRecord("Mis") + "\"}")),
                    () -> GrpcAsHttp.load(grpc.load(who.writer(), LoadTarget.newBuilder().setGraphId("people")
                            .setBranch("missing").build(), personRecord("Mis").replace("\\\"", "\"").replace("\\n", "\n"),
                            1024)));
        }

        // ---- comparing ---------------------------------------------------------------------------

        private void same(String operation, Outcome overHttp, Supplier<JsonNode> overGrpc) {
            Outcome viaGrpc = grpcOutcome(overGrpc);
            compared.add(operation + " " + overHttp.status());
            assertEquals(overHttp, viaGrpc, state + " / " + operation);
        }

        /** A write sent once per door: equal once the door-specific name is the same and the commit's identity is dropped. */
        private void sameWrite(String operation, Outcome overHttp, Supplier<JsonNode> overGrpc, String httpName,
                               String grpcName) {
            Outcome viaGrpc = grpcOutcome(overGrpc);
            compared.add(operation + " " + overHttp.status());
            assertEquals(withoutCommitIdentity(overHttp), withoutCommitIdentity(renamed(viaGrpc, grpcName, httpName)),
                    state + " / " + operation);
        }

        private static Outcome renamed(Outcome outcome, String from, String to) {
            try {
                return new Outcome(outcome.status(), GrpcAsHttp.JSON.readTree(
                        GrpcAsHttp.JSON.writeValueAsString(outcome.body()).replace(from, to)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        private static Outcome withoutCommitIdentity(Outcome outcome) {
            JsonNode body = outcome.body().deepCopy();
            if (body.path("commit").isObject()) {
                ((ObjectNode) body.path("commit")).remove(List.of("graph_commit_id", "parent_commit_id",
                        "graph_manifest_version", "created_at"));
            }
            return new Outcome(outcome.status(), body);
        }

        /** A gRPC answer as HTTP would have given it; a refusal also checks the documented status code. */
        private Outcome grpcOutcome(Supplier<JsonNode> call) {
            try {
                return new Outcome(200, call.get());
            } catch (StatusRuntimeException refused) {
                ErrorDetail detail = GrpcClient.detail(refused);
                assertEquals(expectedCode(detail.getHttpStatus()), refused.getStatus().getCode(),
                        "gRPC code of HTTP " + detail.getHttpStatus());
                if (detail.getHttpStatus() == 429) {
                    assertTrue(StatusProto.fromThrowable(refused).getDetailsList().stream()
                            .anyMatch(any -> any.is(RetryInfo.class)), "429 carries RetryInfo");
                }
                ObjectNode body = GrpcAsHttp.JSON.createObjectNode().put("error", refused.getStatus().getDescription());
                if (!detail.getCode().isEmpty()) {
                    body.put("code", detail.getCode());
                }
                if (detail.hasPreconditionFailure()) {
                    ObjectNode failure = body.putObject("precondition_failure")
                            .put("expected", detail.getPreconditionFailure().getExpected());
                    if (detail.getPreconditionFailure().hasActual()) {
                        failure.put("actual", detail.getPreconditionFailure().getActual());
                    }
                }
                if (detail.hasKeyConflict()) {
                    body.putObject("key_conflict").put("entity_kind", detail.getKeyConflict().getEntityKind())
                            .put("type_name", detail.getKeyConflict().getTypeName())
                            .put("entity_id", detail.getKeyConflict().hasEntityId()
                                    ? detail.getKeyConflict().getEntityId() : null);
                }
                if (detail.hasResourceLimit()) {
                    body.putObject("resource_limit").put("resource", detail.getResourceLimit().getResource())
                            .put("limit", detail.getResourceLimit().getLimit())
                            .put("actual", detail.getResourceLimit().getActual());
                }
                return new Outcome(detail.getHttpStatus(), GrpcAsHttp.normalized(body));
            }
        }

        private static Status.Code expectedCode(int httpStatus) {
            return switch (httpStatus) {
                case 400 -> Status.Code.INVALID_ARGUMENT;
                case 401 -> Status.Code.UNAUTHENTICATED;
                case 403 -> Status.Code.PERMISSION_DENIED;
                case 404 -> Status.Code.NOT_FOUND;
                case 409 -> Status.Code.ABORTED;
                case 412 -> Status.Code.FAILED_PRECONDITION;
                case 413, 429 -> Status.Code.RESOURCE_EXHAUSTED;
                case 503 -> Status.Code.UNAVAILABLE;
                default -> Status.Code.INTERNAL;
            };
        }

        private static Outcome http(HttpResponse<String> response) {
            try {
                return new Outcome(response.statusCode(), GrpcAsHttp.normalized(GrpcAsHttp.JSON.readTree(response.body())));
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
            }
        }

        /** An NDJSON answer: its text when 200, else the error body. */
        private static Outcome text(HttpResponse<String> response) {
            return response.statusCode() == 200
                    ? new Outcome(200, GrpcAsHttp.JSON.getNodeFactory().textNode(response.body())) : http(response);
        }
    }

    // ---- requests ----------------------------------------------------------------------------------

    private static GetSnapshotRequest snapshot(String graphId) {
        return GetSnapshotRequest.newBuilder().setGraphId(graphId).build();
    }

    private static String mutationBody(String name) {
        return "{\"query\":\"query m() { insert Person { name: \\\"" + name + "\\\", role: \\\"guest\\\" } }\"}";
    }

    private static MutateRequest mutation(String name) {
        return MutateRequest.newBuilder().setGraphId("people")
                .setQuery("query m() { insert Person { name: \"" + name + "\", role: \"guest\" } }").build();
    }

    /** One Person record as NDJSON, escaped for a JSON string member. */
    private static String personRecord(String name) {
        return "{\\\"type\\\":\\\"Person\\\",\\\"data\\\":{\\\"name\\\":\\\"" + name + "\\\",\\\"role\\\":\\\"member\\\"}}\\n";
    }

    private static Struct params(Map<String, Object> values) {
        Struct.Builder params = Struct.newBuilder();
        values.forEach((name, value) -> params.putFields(name, value instanceof Number number
                ? Value.newBuilder().setNumberValue(number.doubleValue()).build()
                : Value.newBuilder().setStringValue(value.toString()).build()));
        return params.build();
    }

    // ---- clusters ----------------------------------------------------------------------------------

    /** The example cluster with a second graph {@code people2} of the same schema and queries; with or without policies. */
    private static Path twoGraphSource(String name, boolean policies) throws IOException {
        Path source = scratch.resolve("source-" + name);
        TestTrees.copy(Distribution.projectRoot().resolve("examples/cluster"), source);
        Path config = source.resolve("cluster.yaml");
        String yaml = Files.readString(config);
        String peopleBlock = yaml.substring(yaml.indexOf("  people:\n"), yaml.indexOf("policies:"));
        yaml = yaml.replace(peopleBlock, peopleBlock + peopleBlock.replace("  people:\n", "  people2:\n"));
        if (!policies) {
            yaml = yaml.substring(0, yaml.indexOf("policies:"));
        }
        Files.writeString(config, yaml);
        return source;
    }

    /** A pending recovery sidecar for {@code people2}: the server quarantines that graph and serves the other. */
    private static ConvergedCluster quarantineSecondGraph(ConvergedCluster cluster) throws IOException {
        RecoverySidecar pending = RecoverySidecar.schemaApply("01JD0000000000000000000000", "2026-11-21T10:00:00Z",
                Optional.empty(), "people2", cluster.graphRoot("people2"), OptionalLong.of(1),
                "sha256:" + "0".repeat(64), Optional.empty());
        Path recoveries = cluster.dir().resolve("__cluster/recoveries");
        Files.createDirectories(recoveries);
        Files.writeString(recoveries.resolve("01JD0000000000000000000000.json"), JsonWriter.pretty(pending.toJson()) + "\n");
        return cluster;
    }
}
