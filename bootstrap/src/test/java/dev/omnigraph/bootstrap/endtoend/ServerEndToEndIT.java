package dev.omnigraph.bootstrap.endtoend;

import dev.omnigraph.bootstrap.TestTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.domain.json.JsonWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built server, started as its own process on the project's example cluster converged by the built
 * CLI, driven by a real HTTP client: the routes and their shapes, bearer authentication, the example's
 * Cedar bundles for each actor, every cell of the runtime-state matrix (including the two refusals),
 * per-graph quarantine of a two-graph cluster, boot refusal on a tampered catalog blob, and that tokens
 * never reach the logs.
 */
class ServerEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = Map.of(
            "act-alice", "tok-alice-7f3a91", "act-bob", "tok-bob-c4d2e8", "act-admin", "tok-admin-19be55",
            "act-stranger", "tok-stranger-0a6c3d");
    private static final String ALICE = TOKENS.get("act-alice");
    private static final String BOB = TOKENS.get("act-bob");
    private static final String ADMIN = TOKENS.get("act-admin");
    private static final String STRANGER = TOKENS.get("act-stranger");

    @TempDir
    static Path scratch;

    private static ConvergedCluster example;
    private static ServerProcess server;

    @BeforeAll
    static void convergeAndServeTheExampleCluster() {
        example = ConvergedCluster.converge(Distribution.projectRoot().resolve("examples/cluster"), scratch.resolve("example"),
                Map.of("people", "seed.jsonl"));
        server = ServerProcess.start(tokenEnvironment(), "--cluster", example.dir().toString(), "--bind", "127.0.0.1:0");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Map<String, String> tokenEnvironment() {
        try {
            return Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", JSON.writeValueAsString(TOKENS));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return body(response);
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String messagePart) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = body(response);
        assertEquals(code, error.path("code").asText(null), response.body());
        assertTrue(error.path("error").asText().contains(messagePart), response.body());
    }

    // ---- routes and shapes -------------------------------------------------------------------------

    @Test
    void health_and_the_api_description_need_no_token() {
        JsonNode health = ok(server.get("/healthz", null));
        assertEquals("ok", health.path("status").asText());
        assertEquals(6, health.path("internal_schema_version").asInt());
        JsonNode openapi = ok(server.get("/openapi.json", null));
        assertTrue(openapi.path("paths").has("/graphs/{graph_id}/snapshot"), openapi.toString());
        assertFalse(openapi.path("paths").has("/graphs/{graph_id}/branches/merge"));
    }

    @Test
    void the_graph_list_is_for_the_cluster_policy_admins_only() {
        JsonNode graphs = ok(server.get("/graphs", ADMIN));
        assertEquals(1, graphs.path("graphs").size());
        assertEquals("people", graphs.path("graphs").get(0).path("graph_id").asText());
        assertTrue(graphs.path("graphs").get(0).path("uri").asText().endsWith("people.omni"));
        assertError(server.get("/graphs", ALICE), 403, "forbidden", "act-alice");
    }

    @Test
    void snapshot_query_and_schema_answer_readers_in_the_documented_shape() {
        JsonNode snapshot = ok(server.get("/graphs/people/snapshot", ALICE));
        assertEquals("main", snapshot.path("graph_branch").asText());
        assertTrue(snapshot.path("graph_manifest_version").asLong() > 0);
        JsonNode person = findDataset(snapshot, "Person");
        assertEquals("node", person.path("entity_kind").asText());
        assertTrue(person.path("entity_count").asLong() > 0);

        JsonNode read = ok(server.post("/graphs/people/query", ALICE,
                "{\"query\":\"query q($n: String) { match { $p: Person { name: $n } } return { $p.name, $p.age } }\","
                        + "\"params\":{\"n\":\"Alice\"}}"));
        assertEquals("q", read.path("query_name").asText());
        assertEquals("main", read.path("target").path("branch").asText());
        assertEquals(1, read.path("row_count").asInt());
        assertEquals("Alice", read.path("rows").get(0).path("p.name").asText());
        assertEquals(34, read.path("rows").get(0).path("p.age").asInt());
        assertTrue(read.path("graph_commit_id").isTextual());

        assertTrue(ok(server.get("/graphs/people/schema", ALICE)).path("schema_source").asText().contains("node Person"));
    }

    @Test
    void stored_queries_are_listed_and_invoked_and_a_denied_invoke_looks_unknown() {
        JsonNode catalog = ok(server.get("/graphs/people/queries", ALICE));
        assertTrue(catalog.path("queries").size() > 0);
        String readName = null;
        for (JsonNode query : catalog.path("queries")) {
            if (!query.path("mutation").asBoolean() && query.path("params").size() == 0) {
                readName = query.path("name").asText();
            }
        }
        assertTrue(readName != null, "the example cluster has a parameterless stored read: " + catalog);
        JsonNode invoked = ok(server.post("/graphs/people/queries/" + readName, ALICE, "{}"));
        assertEquals(readName, invoked.path("query_name").asText());
        assertTrue(invoked.has("rows"));
        assertError(server.post("/graphs/people/queries/" + readName, STRANGER, "{}"), 404, "not_found", "not found");
        assertError(server.post("/graphs/people/queries/no_such_query", ALICE, "{}"), 404, "not_found", "not found");
    }

    @Test
    void writers_mutate_readers_may_not_and_a_stale_conditional_write_is_412() {
        assertError(server.post("/graphs/people/mutate", ALICE,
                "{\"query\":\"query m() { insert Person { name: \\\"Nia\\\", role: \\\"guest\\\" } }\"}"),
                403, "forbidden", "policy denied action 'change' on branch 'main' for actor 'act-alice'");
        // a client-supplied identity never promotes a caller
        assertError(server.post("/graphs/people/mutate", ALICE,
                "{\"query\":\"query m() { insert Person { name: \\\"Nia\\\", role: \\\"guest\\\" } }\"}",
                "X-Actor-Id", "act-bob"), 403, "forbidden", "act-alice");

        String head = ok(server.post("/graphs/people/query", BOB,
                "{\"query\":\"query q() { match { $p: Person } return { $p.name } }\"}")).path("graph_commit_id").asText();
        JsonNode change = ok(server.post("/graphs/people/mutate/if-graph-commit", BOB,
                "{\"query\":\"query m() { insert Person { name: \\\"Nia\\\", role: \\\"guest\\\" } }\"}",
                "Omnigraph-If-Graph-Commit", head));
        assertEquals(1, change.path("affected_nodes").asInt());
        assertEquals("act-bob", change.path("actor_id").asText());
        assertEquals("act-bob", change.path("commit").path("actor_id").asText());
        HttpResponse<String> stale = server.post("/graphs/people/mutate/if-graph-commit", BOB,
                "{\"query\":\"query m() { insert Person { name: \\\"Oto\\\", role: \\\"guest\\\" } }\"}",
                "Omnigraph-If-Graph-Commit", head);
        assertEquals(412, stale.statusCode(), stale.body());
        assertFalse(body(stale).has("code"));
        assertEquals(head, body(stale).path("precondition_failure").path("expected").asText());
        assertEquals(change.path("commit").path("graph_commit_id").asText(),
                body(stale).path("precondition_failure").path("actual").asText());
    }

    @Test
    void load_export_branches_and_commits_round_trip() {
        JsonNode created = ok(server.post("/graphs/people/branches", BOB, "{\"name\":\"draft\",\"from\":\"main\"}"));
        assertEquals("draft", created.path("name").asText());
        assertEquals("main", created.path("from").asText());
        assertError(server.post("/graphs/people/branches", ALICE, "{\"name\":\"draft2\"}"), 403, "forbidden", "act-alice");

        JsonNode loaded = ok(server.post("/graphs/people/load", BOB,
                "{\"branch\":\"draft\",\"mode\":\"merge\",\"data\":"
                        + "\"{\\\"type\\\":\\\"Person\\\",\\\"data\\\":{\\\"name\\\":\\\"Kai\\\",\\\"role\\\":\\\"member\\\"}}\\n\"}"));
        assertEquals(1, loaded.path("total_entities").asInt());
        assertEquals("draft", loaded.path("branch").asText());
        assertTrue(ok(server.get("/graphs/people/branches", ALICE)).path("branches").toString().contains("draft"));

        HttpResponse<String> export = server.post("/graphs/people/export", ALICE, "{\"branch\":\"draft\",\"type_names\":[\"Person\"]}");
        assertEquals(200, export.statusCode(), export.body());
        List<String> lines = export.body().lines().filter(line -> !line.isBlank()).toList();
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"Kai\"")), export.body());

        JsonNode commits = ok(server.get("/graphs/people/commits?branch=draft", ALICE));
        String newest = commits.path("commits").get(0).path("graph_commit_id").asText();
        assertEquals(newest, ok(server.get("/graphs/people/commits/" + newest, ALICE)).path("graph_commit_id").asText());

        assertEquals("draft", ok(server.send("DELETE", "/graphs/people/branches/draft", BOB, null)).path("name").asText());
    }

    @Test
    void schema_apply_is_refused_for_a_cluster_served_graph() {
        HttpResponse<String> refused = server.post("/graphs/people/schema/apply", BOB, "{\"schema_source\":\"node X { n: String @key }\"}");
        assertTrue(refused.statusCode() == 403 || refused.statusCode() == 409, refused.body());
    }

    @Test
    void bearer_authentication_is_exact_and_unknown_graphs_are_404() {
        assertError(server.get("/graphs/people/snapshot", null), 401, "unauthorized", "missing bearer token");
        assertError(server.send("GET", "/graphs/people/snapshot", null, null, "Authorization", "bearer " + ALICE),
                401, "unauthorized", "missing bearer token");
        assertError(server.get("/graphs/people/snapshot", "not-a-token"), 401, "unauthorized", "invalid bearer token");
        assertError(server.get("/graphs/nope/snapshot", ALICE), 404, "not_found", "graph 'nope' not found");
        assertEquals(404, server.get("/snapshot", ALICE).statusCode());
        assertError(server.get("/graphs/people/snapshot", STRANGER), 403, "forbidden", "unknown actor 'act-stranger'");
    }

    @Test
    void tokens_never_appear_in_the_logs() {
        server.get("/graphs/people/snapshot", ALICE);
        server.get("/graphs/people/snapshot", "tok-wrong-5e5e5e");
        String logs = server.logs() + server.printed();
        for (String token : TOKENS.values()) {
            assertFalse(logs.contains(token), "a token leaked into the logs");
        }
        assertFalse(logs.contains("tok-wrong-5e5e5e"));
        assertTrue(logs.contains("act-alice"), "decisions are logged with the actor:\n" + logs);
    }

    private static JsonNode findDataset(JsonNode snapshot, String typeName) {
        for (JsonNode dataset : snapshot.path("datasets")) {
            if (dataset.path("type_name").asText().equals(typeName)) {
                return dataset;
            }
        }
        throw new AssertionError("no dataset " + typeName + " in " + snapshot);
    }

    // ---- runtime states ---------------------------------------------------------------------------

    @Test
    void a_policy_without_tokens_refuses_to_boot() {
        ServerProcess.Refusal refusal = ServerProcess.refuse(Map.of(), "--cluster", example.dir().toString(),
                "--bind", "127.0.0.1:0");
        assertEquals(1, refusal.exitCode());
        assertTrue(refusal.stderr().contains("no bearer tokens"), refusal.stderr());
    }

    @Test
    void without_policy_the_server_is_refused_open_or_default_deny_by_tokens_and_flag() throws IOException {
        ConvergedCluster open = convergeWithout("policies", scratch.resolve("no-policy"));
        String dir = open.dir().toString();

        ServerProcess.Refusal refusal = ServerProcess.refuse(Map.of(), "--cluster", dir, "--bind", "127.0.0.1:0");
        assertTrue(refusal.stderr().contains("no bearer tokens and no policy"), refusal.stderr());

        try (ServerProcess unauthenticated = ServerProcess.start(Map.of(), "--cluster", dir, "--bind", "127.0.0.1:0",
                "--unauthenticated")) {
            ok(unauthenticated.get("/graphs/people/snapshot", null));
            ok(unauthenticated.post("/graphs/people/mutate", null,
                    "{\"query\":\"query m() { insert Person { name: \\\"Ola\\\", role: \\\"guest\\\" } }\"}"));
            assertEquals(403, unauthenticated.get("/graphs", null).statusCode());
        }
        ServerProcess envFlag = ServerProcess.start(Map.of("OMNIGRAPH_UNAUTHENTICATED", "1"), "--cluster", dir,
                "--bind", "127.0.0.1:0");
        ok(envFlag.get("/graphs/people/snapshot", null));
        envFlag.close(); // SIGTERM
        assertEquals(0, envFlag.exitCode(), "a graceful stop exits 0:\n" + envFlag.logs());
        assertTrue(envFlag.logs().contains("shutting down"), envFlag.logs());
        try (ServerProcess defaultDeny = ServerProcess.start(tokenEnvironment(), "--cluster", dir, "--bind", "127.0.0.1:0")) {
            ok(defaultDeny.get("/graphs/people/snapshot", ALICE));
            assertError(defaultDeny.get("/graphs/people/snapshot", null), 401, "unauthorized", "missing bearer token");
            assertError(defaultDeny.post("/graphs/people/mutate", ALICE,
                    "{\"query\":\"query m() { insert Person { name: \\\"Ola\\\", role: \\\"guest\\\" } }\"}"),
                    403, "forbidden", "default-deny");
        }
    }

    // ---- quarantine and boot refusals -------------------------------------------------------------

    @Test
    void a_pending_sidecar_quarantines_only_its_graph() throws IOException {
        ConvergedCluster two = convergeTwoGraphs(scratch.resolve("two-graphs"));
        RecoverySidecar pending = RecoverySidecar.schemaApply("01JD0000000000000000000000", "2026-11-21T10:00:00Z",
                Optional.empty(), "people2", two.graphRoot("people2"), OptionalLong.of(1),
                "sha256:" + "0".repeat(64), Optional.empty());
        Path recoveries = two.dir().resolve("__cluster/recoveries");
        Files.createDirectories(recoveries);
        Files.writeString(recoveries.resolve("01JD0000000000000000000000.json"), JsonWriter.pretty(pending.toJson()) + "\n");

        try (ServerProcess quarantined = ServerProcess.start(tokenEnvironment(), "--cluster", two.dir().toString(),
                "--bind", "127.0.0.1:0")) {
            JsonNode graphs = ok(quarantined.get("/graphs", ADMIN));
            assertEquals(1, graphs.path("graphs").size(), graphs.toString());
            assertEquals("people", graphs.path("graphs").get(0).path("graph_id").asText());
            assertError(quarantined.get("/graphs/people2/snapshot", ALICE), 404, "not_found", "graph 'people2' not found");
            ok(quarantined.get("/graphs/people/snapshot", ALICE));
            assertTrue(quarantined.logs().contains("people2"), "the quarantine is logged");
        }
        ServerProcess.Refusal strict = ServerProcess.refuse(tokenEnvironment(), "--cluster", two.dir().toString(),
                "--bind", "127.0.0.1:0", "--require-all-graphs");
        assertTrue(strict.stderr().contains("cluster_recovery_pending"), strict.stderr());
    }

    @Test
    void a_tampered_catalog_blob_refuses_the_boot_with_its_diagnostic() throws IOException {
        ConvergedCluster tampered = example.copyTo(scratch.resolve("tampered"));
        Path blob;
        try (Stream<Path> files = Files.walk(tampered.dir().resolve("__cluster/resources/query"))) {
            blob = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.writeString(blob, "query hacked() { match { $p: Person } return { $p.name } }\n", StandardCharsets.UTF_8);
        ServerProcess.Refusal refusal = ServerProcess.refuse(tokenEnvironment(), "--cluster", tampered.dir().toString(),
                "--bind", "127.0.0.1:0");
        assertEquals(1, refusal.exitCode());
        assertTrue(refusal.stderr().contains("is not ready to serve"), refusal.stderr());
        assertTrue(refusal.stderr().contains("[catalog_payload_digest_mismatch]"), refusal.stderr());
    }

    @Test
    void no_cluster_argument_is_a_usage_error() {
        ServerProcess.Refusal refusal = ServerProcess.refuse(Map.of());
        assertEquals(2, refusal.exitCode());
        assertTrue(refusal.stderr().contains("boots from a cluster"), refusal.stderr());
    }

    // ---- cluster variants -------------------------------------------------------------------------

    /** The example cluster without one top-level section of cluster.yaml (e.g. {@code policies}). */
    private static ConvergedCluster convergeWithout(String section, Path target) throws IOException {
        Path source = scratch.resolve("source-without-" + section);
        TestTrees.copy(Distribution.projectRoot().resolve("examples/cluster"), source);
        Path config = source.resolve("cluster.yaml");
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : Files.readAllLines(config)) {
            if (!line.startsWith(" ") && !line.startsWith("#") && !line.isBlank()) {
                skipping = line.startsWith(section + ":");
            }
            if (!skipping) {
                kept.append(line).append('\n');
            }
        }
        Files.writeString(config, kept.toString());
        return ConvergedCluster.converge(source, target, Map.of("people", "seed.jsonl"));
    }

    /** The example cluster with a second graph {@code people2} of the same schema and queries (no bundle bound). */
    private static ConvergedCluster convergeTwoGraphs(Path target) throws IOException {
        Path source = scratch.resolve("source-two-graphs");
        TestTrees.copy(Distribution.projectRoot().resolve("examples/cluster"), source);
        Path config = source.resolve("cluster.yaml");
        String yaml = Files.readString(config);
        String peopleBlock = yaml.substring(yaml.indexOf("  people:\n"), yaml.indexOf("policies:"));
        yaml = yaml.replace(peopleBlock, peopleBlock + peopleBlock.replace("  people:\n", "  people2:\n"));
        Files.writeString(config, yaml);
        return ConvergedCluster.converge(source, target, Map.of("people", "seed.jsonl", "people2", "seed.jsonl"));
    }
}
