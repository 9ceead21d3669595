package dev.omnigraph.bootstrap.endtoend;

import dev.omnigraph.bootstrap.TestTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.objectstore.azure.Azurite;
import dev.omnigraph.adapters.storage.objectstore.s3.S3ProxyServer;
import dev.omnigraph.adapters.storage.objectstore.s3.S3RequestLog;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clusters whose storage root is object storage, run through the packaged distribution exactly as an
 * operator would: the project's example cluster and the industry-intel corpus cluster, each copied with a
 * {@code storage: s3://bucket/prefix} (S3Proxy in this JVM) or {@code storage: az://container/prefix}
 * (Azurite from {@code scripts/azurite.sh}) line added, are validated, imported, applied, applied again (a
 * no-op that leaves every stored object as it was), loaded with their seed data at the graph root URI, and
 * served by {@code omnigraph-server --cluster <uri>}: config-free, the ledger and catalog on the bucket are
 * the whole deployment artifact. The processes get the emulators' endpoints and keys through the standard
 * environment ({@code AWS_*}, {@code AZURE_STORAGE_*}); nothing is written next to the config.
 *
 * <p>The corpus runs are skipped, with a message, where the corpus folder is absent; the Azure runs are
 * skipped when no Azurite answers, and fail then under {@code CI=true}.
 */
class ObjectStorageClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path scratch;

    private static S3ProxyServer s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    /** One cluster to run: its config folder, the graph with seed data, and what to ask the server. */
    private record ClusterCase(String name, Path source, String graphId, String seed, Map<String, String> tokens,
            String reader, String storedRead, String storedReadBody, String expectedInRows) {}

    private static ClusterCase example() {
        return new ClusterCase("example", Distribution.projectRoot().resolve("examples/cluster"), "people", "seed.jsonl",
                Map.of("act-alice", "tok-alice-7f3a91", "act-admin", "tok-admin-19be55"), "act-alice", "person",
                "{\"params\":{\"name\":\"Alice\"}}", "\"Alice\"");
    }

    private static ClusterCase industryIntel() {
        Path fixture = Path.of(System.getProperty("omnigraph.fixtures", "../../shared/fixtures")).resolve("industry-intel");
        assumeTrue(Files.isRegularFile(fixture.resolve("cluster.yaml")),
                "industry-intel corpus not found at " + fixture + " (set -Domnigraph.fixtures); skipping");
        return new ClusterCase("industry-intel", fixture, "spike", "seed.jsonl",
                Map.of("act-reader", "tok-reader-51c0", "act-admin", "tok-admin-3b7d"), "act-reader", "recent_knowhow",
                "{}", "\"rows\"");
    }

    @Test
    void the_example_cluster_converges_on_s3_and_is_served_from_the_bucket_alone() {
        runOnS3(example());
    }

    @Test
    void the_industry_intel_cluster_converges_on_s3_and_is_served_from_the_bucket_alone() {
        runOnS3(industryIntel());
    }

    @Test
    void the_example_cluster_converges_on_azure_blob_and_is_served_from_the_container_alone() {
        runOnAzure(example());
    }

    @Test
    void the_industry_intel_cluster_converges_on_azure_blob_and_is_served_from_the_container_alone() {
        runOnAzure(industryIntel());
    }

    private static void runOnS3(ClusterCase cluster) {
        String bucket = s3.newBucket();
        String root = "s3://" + bucket + "/clusters/" + cluster.name();
        S3RequestLog log = s3.requestLog();
        run(cluster, root, s3.environment(), () -> log.clear(), () -> {
            // the second apply takes and releases the lock, and writes nothing else
            List<S3RequestLog.S3Request> writes = log.requests().stream()
                    .filter(request -> request.bucket().equals(bucket) && !request.operation().reads()).toList();
            assertEquals(List.of("clusters/" + cluster.name() + "/__cluster/lock.json"),
                    writes.stream().map(S3RequestLog.S3Request::key).distinct().toList(), writes::toString);
            assertEquals(List.of(S3RequestLog.Operation.PUT_OBJECT_IF_ABSENT, S3RequestLog.Operation.DELETE_OBJECT),
                    writes.stream().map(S3RequestLog.S3Request::operation).toList());
        });
    }

    private static void runOnAzure(ClusterCase cluster) {
        String blobUrl = Azurite.blobUrlOrSkip();
        String container = Azurite.newContainer(blobUrl);
        run(cluster, "az://" + container + "/clusters/" + cluster.name(), Azurite.environment(blobUrl), () -> {}, () -> {});
    }

    /**
     * The whole operator workflow against {@code root}, with {@code environment} given to every process.
     * {@code beforeSecondApply} and {@code afterSecondApply} let a backend look at the second apply's traffic.
     */
    private static void run(ClusterCase cluster, String root, Map<String, String> environment, Runnable beforeSecondApply,
            Runnable afterSecondApply) {
        Path config = scratch.resolve(cluster.name() + "-" + root.substring(0, 2));
        TestTrees.copy(cluster.source(), config);
        appendStorage(config, root);
        String dir = config.toString();

        Distribution.omnigraph(config, environment, "cluster", "validate", "--config", dir).requireSuccess();
        Distribution.omnigraph(config, environment, "cluster", "import", "--config", dir).requireSuccess();
        JsonNode first = json(Distribution.omnigraph(config, environment, "cluster", "apply", "--config", dir,
                "--as", "act-admin", "--json").requireSuccess());
        assertTrue(first.path("converged").asBoolean(), first.toString());
        assertTrue(first.path("state_written").asBoolean(), first.toString());

        ObjectStore store = ObjectStores.locator(environment).locate(root);
        Map<String, String> before = inventory(store);
        assertTrue(before.containsKey("__cluster/state.json"), before.keySet().toString());
        assertFalse(before.containsKey("__cluster/lock.json"), "the first apply released its lock");
        assertTrue(before.keySet().stream().anyMatch(key -> key.startsWith("graphs/" + cluster.graphId() + ".omni/")),
                before.keySet().toString());

        beforeSecondApply.run();
        JsonNode second = json(Distribution.omnigraph(config, environment, "cluster", "apply", "--config", dir,
                "--as", "act-admin", "--json").requireSuccess());
        afterSecondApply.run();
        assertTrue(second.path("converged").asBoolean(), second.toString());
        assertFalse(second.path("state_written").asBoolean(), "the second apply is a no-op: " + second);
        assertEquals(0, second.path("applied_count").asInt(), second.toString());
        assertEquals(before, inventory(store), "the second apply left every stored object as it was");

        String graphRoot = root + "/graphs/" + cluster.graphId() + ".omni";
        Distribution.omnigraph(config, environment, "load", "--data", config.resolve(cluster.seed()).toString(),
                "--mode", "overwrite", "--yes", graphRoot).requireSuccess();
        assertNothingWrittenLocally(config);

        Map<String, String> serverEnvironment = new HashMap<>(environment);
        serverEnvironment.put("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", tokensJson(cluster.tokens()));
        try (ServerProcess server = ServerProcess.start(serverEnvironment, "--cluster", root, "--bind", "127.0.0.1:0")) {
            String token = cluster.tokens().get(cluster.reader());
            HttpResponse<String> invoked = server.post("/graphs/" + cluster.graphId() + "/queries/" + cluster.storedRead(),
                    token, cluster.storedReadBody());
            assertEquals(200, invoked.statusCode(), invoked.body());
            assertTrue(invoked.body().contains(cluster.expectedInRows()), invoked.body());

            HttpResponse<String> snapshot = server.get("/graphs/" + cluster.graphId() + "/snapshot", token);
            assertEquals(200, snapshot.statusCode(), snapshot.body());
            assertTrue(json(snapshot.body()).path("datasets").size() > 0, snapshot.body());

            HttpResponse<String> graphs = server.get("/graphs", cluster.tokens().get("act-admin"));
            assertEquals(200, graphs.statusCode(), graphs.body());
            assertEquals(cluster.graphId(), json(graphs.body()).path("graphs").get(0).path("graph_id").asText());
        }
        assertNothingWrittenLocally(config);
    }

    /** Adds {@code storage: <root>} to the copied cluster.yaml (the corpus and example declare none). */
    private static void appendStorage(Path config, String root) {
        try {
            Path yaml = config.resolve("cluster.yaml");
            String text = Files.readString(yaml);
            assertFalse(text.lines().anyMatch(line -> line.startsWith("storage:")), "the source declares no storage");
            Files.writeString(yaml, text + (text.endsWith("\n") ? "" : "\n") + "storage: " + root + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With the storage root on object storage, the config folder gets no ledger, graph or lock folder. */
    private static void assertNothingWrittenLocally(Path config) {
        for (String local : List.of("__cluster", "graphs", ".omnigraph-locks")) {
            assertFalse(Files.exists(config.resolve(local)), local + " was written next to cluster.yaml");
        }
    }

    /** Every object under the root with its version token (ETag), sorted by key. */
    private static Map<String, String> inventory(ObjectStore store) {
        Map<String, String> objects = new TreeMap<>();
        for (ObjectKey key : store.list("")) {
            objects.put(key.value(), store.get(key).version().toString());
        }
        return objects;
    }

    private static String tokensJson(Map<String, String> tokens) {
        try {
            return JSON.writeValueAsString(tokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(Distribution.Outcome outcome) {
        return json(outcome.stdout());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
