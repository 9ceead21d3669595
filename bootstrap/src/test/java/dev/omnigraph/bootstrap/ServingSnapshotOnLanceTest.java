package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.cluster.ClusterService;
import dev.omnigraph.application.cluster.ServingSnapshotService;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.SchemaApplyService;
import dev.omnigraph.application.language.LanguageService;
import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.cluster.ExternalBlobBase;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.ExternalBlobScope;
import dev.omnigraph.domain.cluster.Sha256;
import dev.omnigraph.domain.cluster.drift.StateSync;
import dev.omnigraph.domain.cluster.serving.QuarantinedGraph;
import dev.omnigraph.domain.cluster.serving.ServingGraph;
import dev.omnigraph.domain.cluster.serving.ServingPolicy;
import dev.omnigraph.domain.cluster.serving.ServingStoredQuery;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.ClusterStateCodec;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.domain.cluster.state.StateDecoding;
import dev.omnigraph.domain.cluster.state.StateResource;
import dev.omnigraph.domain.lang.Severity;
import dev.omnigraph.ports.in.ApplyClusterCommand;
import dev.omnigraph.ports.in.ApplyClusterResult;
import dev.omnigraph.ports.in.ServingSnapshotQuery;
import dev.omnigraph.ports.in.ServingSnapshotResult;
import dev.omnigraph.ports.in.SyncClusterStateCommand;
import dev.omnigraph.ports.in.SyncClusterStateResult;
import dev.omnigraph.ports.in.ValidateClusterCommand;
import dev.omnigraph.ports.in.ValidateClusterResult;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving snapshot (behavioural notes §7.2, §7.4) on real storage: a cluster converged by the control
 * plane on the local object store and Lance, then each readiness failure produced by really changing the
 * stored bytes — the ledger removed, replaced or hand-edited, a catalog blob rewritten or removed,
 * recovery sidecars dropped into {@code __cluster/recoveries/} — and the industry-intel corpus served as
 * it ships. Every cluster lives in a temporary folder (without {@code storage:} it writes next to its
 * cluster.yaml).
 */
class ServingSnapshotOnLanceTest {

    private static final String ALPHA_QUERIES = """
            // Reads of graph alpha.

            query person($name: String) {
                match { $p: Person { name: $name } }
                return { $p.name, $p.age }
            }

            query everyone() {
                match { $p: Person }
                return { $p.name }
                order { $p.name }
            }
            """;
    private static final String BETA_QUERIES = """
            // The stored mutation of graph beta.

            query add_person($name: String) {
                insert Person { name: $name, role: "member" }
            }
            """;
    private static final String SHARED_POLICY = """
            version: 1
            groups:
              readers: ["act-alice"]
            rules:
              - id: read
                allow:
                  actors: { group: readers }
                  actions: [read]
            """;
    private static final String WRITERS_POLICY = """
            version: 1
            groups:
              writers: ["act-bob"]
            rules:
              - id: write
                allow:
                  actors: { group: writers }
                  actions: [change]
            """;
    private static final String SERVER_POLICY = """
            version: 1
            kind: server
            groups:
              admins: ["act-admin"]
            rules:
              - id: list
                allow:
                  actors: { group: admins }
                  actions: [graph_list]
            """;

    private static TableStorage tables;
    private static ClusterService cluster;
    private static ServingSnapshotService serving;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        tables = TableStorages.lance(LanceProperties.defaults());
        GraphEngineService engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(),
                SystemServices.clock(), SystemServices.ids());
        cluster = new ClusterService(ObjectStores.locator(), Codecs.yaml(), Codecs.json(), SystemServices.clock(),
                SystemServices.ids(), engine, engine, new LanguageService(engine, SystemServices.ids()),
                new SchemaApplyService(engine), tables);
        serving = new ServingSnapshotService(ObjectStores.locator(), Codecs.yaml(), Codecs.json());
    }

    @AfterAll
    static void stop() throws Exception {
        tables.close();
    }

    // ---- a converged cluster is served -----------------------------------------------------------

    @Test
    void a_converged_cluster_serves_its_graphs_verified_queries_and_policies_without_writing() throws IOException {
        Path dir = threeGraphCluster("");
        Files.createDirectories(dir.resolve("__cluster"));
        Files.writeString(dir.resolve("__cluster/lock.json"), """
                {"version": 1, "lock_id": "01HZZZZZZZZZZZZZZZZZZZZZZZ", "operation": "apply",
                 "created_at": "2024-01-01T00:00:00Z", "pid": 4242}""");
        Map<String, String> before = files(dir);

        ServingSnapshotResult snapshot = serve(dir.toString());

        assertTrue(snapshot.ready(), snapshot::toString);
        assertEquals(List.of(), snapshot.diagnostics(), "a held lock is not a boot error");
        assertEquals(Optional.of(dir.toString()), snapshot.storageRoot());
        assertEquals(List.of(
                new ServingGraph("alpha", dir + "/graphs/alpha.omni", Optional.empty(), ExternalBlobPolicy.DENY),
                new ServingGraph("beta", dir + "/graphs/beta.omni", Optional.empty(), ExternalBlobPolicy.DENY),
                new ServingGraph("gamma", dir + "/graphs/gamma.omni", Optional.empty(), ExternalBlobPolicy.DENY)),
                snapshot.graphs());
        assertEquals(List.of(
                new ServingStoredQuery("alpha", "everyone", ALPHA_QUERIES),
                new ServingStoredQuery("alpha", "person", ALPHA_QUERIES),
                new ServingStoredQuery("beta", "add_person", BETA_QUERIES)), snapshot.queries());
        assertEquals(List.of(
                new ServingPolicy("gamma_writers", WRITERS_POLICY, List.of("graph.gamma")),
                new ServingPolicy("server", SERVER_POLICY, List.of("cluster")),
                new ServingPolicy("shared", SHARED_POLICY, List.of("graph.alpha", "graph.beta"))),
                snapshot.policies());
        assertEquals(List.of(), snapshot.quarantined());
        assertEquals(Optional.empty(), snapshot.strictRefusalMessage());
        assertThrows(IllegalStateException.class, snapshot::refusalMessage);
        assertEquals(before, files(dir), "serving takes no lock, sweeps nothing and writes nothing");
    }

    @Test
    void a_storage_root_uri_and_a_config_with_storage_read_the_same_ledger() throws IOException {
        Path dir = threeGraphCluster("");
        ServingSnapshotResult byDirectory = serve(dir.toString());
        assertTrue(byDirectory.ready(), byDirectory::toString);

        ServingSnapshotResult byUri = serve("file://" + dir + "/");
        assertTrue(byUri.ready(), byUri::toString);
        assertEquals(Optional.of(dir.toString()), byUri.storageRoot());
        assertEquals(byDirectory.graphs(), byUri.graphs());
        assertEquals(byDirectory.queries(), byUri.queries());
        assertEquals(byDirectory.policies(), byUri.policies());

        Path ops = temp.resolve("ops");
        Files.createDirectories(ops);
        Files.writeString(ops.resolve("cluster.yaml"), "version: 1\nstorage: " + dir + "\ngraphs: {}\n");
        ServingSnapshotResult byConfig = serve(ops.toString());
        assertTrue(byConfig.ready(), byConfig::toString);
        assertEquals(byDirectory.graphs(), byConfig.graphs(), "cluster.yaml is read only for storage:");

        Files.writeString(dir.resolve("cluster.yaml"), "version: [1\n");
        ServingSnapshotResult unparseable = serve(dir.toString());
        assertTrue(unparseable.ready(), "a cluster.yaml that does not parse falls back to the folder as root");
        assertEquals(byDirectory.graphs(), unparseable.graphs());

        Files.writeString(ops.resolve("cluster.yaml"), "version: 1\nstorage: 's3://'\n");
        ServingSnapshotResult noBucket = serve(ops.toString());
        assertEquals(List.of(ClusterCodes.INVALID_STORAGE_ROOT), errorCodes(noBucket));
    }

    // ---- cluster-global fail-fast ----------------------------------------------------------------

    @Test
    void a_missing_ledger_refuses_with_the_reference_text() throws IOException {
        Path dir = threeGraphCluster("");
        Files.delete(dir.resolve("__cluster/state.json"));

        ServingSnapshotResult snapshot = serve(dir.toString());

        assertFalse(snapshot.ready());
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.CLUSTER_STATE_MISSING, "__cluster/state.json",
                "no cluster state ledger; run `cluster import` and `cluster apply` first")), snapshot.diagnostics());
        assertEquals(List.of(), snapshot.graphs());
        assertEquals("the cluster at '" + dir + "' is not ready to serve:\n"
                + "  [cluster_state_missing] __cluster/state.json: no cluster state ledger; run `cluster import` and "
                + "`cluster apply` first", snapshot.refusalMessage());
        assertEquals(Optional.of(snapshot.refusalMessage()), snapshot.strictRefusalMessage());

        ServingSnapshotResult nowhere = serve(temp.resolve("nowhere").toString());
        assertEquals(List.of(ClusterCodes.CLUSTER_STATE_MISSING), errorCodes(nowhere));
    }

    @Test
    void an_invalid_or_unsupported_ledger_refuses() throws IOException {
        Path dir = threeGraphCluster("");
        Path state = dir.resolve("__cluster/state.json");
        String original = Files.readString(state);

        Files.writeString(state, "{ \"version\": 1, ");
        assertEquals(List.of(ClusterCodes.INVALID_STATE_JSON), errorCodes(serve(dir.toString())));

        Files.writeString(state, original.replaceFirst("\"version\": 1", "\"version\": 2"));
        assertEquals(List.of(ClusterCodes.UNSUPPORTED_STATE_VERSION), errorCodes(serve(dir.toString())));
    }

    @Test
    void a_rewritten_or_missing_catalog_blob_refuses() throws IOException {
        Path dir = threeGraphCluster("");
        Path queryBlob = dir.resolve("__cluster/resources/query/alpha/person/" + Sha256.hex(ALPHA_QUERIES) + ".gq");
        Path policyBlob = dir.resolve("__cluster/resources/policy/server/" + Sha256.hex(SERVER_POLICY) + ".yaml");
        assertTrue(Files.isRegularFile(queryBlob) && Files.isRegularFile(policyBlob));

        Files.writeString(queryBlob, ALPHA_QUERIES.replace("$p.age", "$p.email"));
        ServingSnapshotResult tampered = serve(dir.toString());
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.CATALOG_PAYLOAD_DIGEST_MISMATCH,
                "query.alpha.person", "catalog blob '" + dir + "/__cluster/resources/query/alpha/person/"
                        + Sha256.hex(ALPHA_QUERIES) + ".gq' does not match its recorded digest; run `cluster refresh` "
                        + "then `cluster apply`, and restart")), tampered.diagnostics());

        Files.writeString(queryBlob, ALPHA_QUERIES);
        Files.delete(policyBlob);
        ServingSnapshotResult missing = serve(dir.toString());
        assertEquals(List.of(ClusterCodes.CATALOG_PAYLOAD_MISSING), errorCodes(missing));
        assertEquals("policy.server", missing.diagnostics().get(0).path());
        assertTrue(missing.diagnostics().get(0).message().startsWith("catalog blob '" + dir
                + "/__cluster/resources/policy/server/" + Sha256.hex(SERVER_POLICY) + ".yaml' unreadable ("),
                missing.diagnostics().get(0)::message);
    }

    @Test
    void unreadable_or_unattributed_sidecars_refuse_the_whole_cluster() throws IOException {
        Path dir = threeGraphCluster("");
        Path recoveries = Files.createDirectories(dir.resolve("__cluster/recoveries"));

        Files.writeString(recoveries.resolve("01J000000000000000000000A1.json"), "{ not json");
        ServingSnapshotResult garbled = serve(dir.toString());
        assertEquals(List.of(ClusterCodes.INVALID_RECOVERY_SIDECAR), errorCodes(garbled));
        assertEquals("__cluster/recoveries/01J000000000000000000000A1.json", garbled.diagnostics().get(0).path());
        assertEquals(Severity.ERROR, garbled.diagnostics().get(0).severity(), "a listing warning is promoted");
        Files.delete(recoveries.resolve("01J000000000000000000000A1.json"));

        Files.writeString(recoveries.resolve("01J000000000000000000000A2.json"),
                sidecar("01J000000000000000000000A2", "beta", dir).fileText()
                        .replace("\"schema_version\": 1", "\"schema_version\": 2"));
        assertEquals(List.of(ClusterCodes.UNSUPPORTED_RECOVERY_SIDECAR_VERSION), errorCodes(serve(dir.toString())));
        Files.delete(recoveries.resolve("01J000000000000000000000A2.json"));

        Files.writeString(recoveries.resolve("01J000000000000000000000A3.json"),
                sidecar("01J000000000000000000000A3", "", dir).fileText());
        Files.writeString(recoveries.resolve("01J000000000000000000000A4.json"),
                sidecar("01J000000000000000000000A4", "beta", dir).fileText());
        ServingSnapshotResult unattributed = serve(dir.toString());
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.CLUSTER_RECOVERY_UNATTRIBUTED,
                "__cluster/recoveries/01J000000000000000000000A3.json", "recovery sidecar has no graph id; run a "
                        + "state-mutating cluster command to sweep it before serving")), unattributed.diagnostics(),
                "a fatal sidecar is reported alone, without the quarantine warnings");
        assertEquals(List.of(), unattributed.graphs());
    }

    @Test
    void a_policy_without_recorded_bindings_refuses() throws IOException {
        Path dir = threeGraphCluster("");
        editLedger(dir, state -> {
            StateResource policy = state.resource("policy.gamma_writers").orElseThrow();
            return state.edit().putResource("policy.gamma_writers", new StateResource(policy.digest(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty())).build();
        });

        ServingSnapshotResult snapshot = serve(dir.toString());

        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.POLICY_BINDINGS_MISSING, "policy.gamma_writers",
                "no applied applies_to bindings recorded (ledger predates binding metadata); re-run `cluster apply` to "
                        + "backfill")), snapshot.diagnostics());
    }

    @Test
    void graph_metadata_not_bound_by_its_composite_refuses() throws IOException {
        Path dir = threeGraphCluster("");
        editLedger(dir, state -> {
            StateResource graph = state.resource("graph.alpha").orElseThrow();
            ExternalBlobPolicy widened = new ExternalBlobPolicy.Allow(List.of(
                    new ExternalBlobBase("s3://anything/", ExternalBlobScope.SERVER_SAFE)));
            return state.edit().putResource("graph.alpha", new StateResource(graph.digest(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(widened))).build();
        });

        ServingSnapshotResult snapshot = serve(dir.toString());

        assertEquals(List.of(ClusterCodes.EXTERNAL_BLOB_POLICY_DIGEST_MISMATCH), errorCodes(snapshot));
        assertEquals("graph.alpha", snapshot.diagnostics().get(0).path());
    }

    @Test
    void embedding_profiles_are_served_verified_and_refused_when_missing_or_tampered() throws IOException {
        Path dir = threeGraphCluster("""
                providers:
                  embedding:
                    default: { kind: mock, model: tiny }
                """);
        editConfigAndApply(dir, yaml -> yaml.replace("    schema: people.pg\n    queries: alpha/\n",
                "    schema: people.pg\n    queries: alpha/\n    embedding_provider: default\n"));
        ServingSnapshotResult served = serve(dir.toString());
        assertTrue(served.ready(), served::toString);
        EmbeddingProviderProfile mock = new EmbeddingProviderProfile(Optional.of("mock"), Optional.empty(),
                Optional.of("tiny"), Optional.empty());
        assertEquals(Optional.of(mock), served.graphs().get(0).embeddingProfile());
        assertEquals(Optional.empty(), served.graphs().get(1).embeddingProfile());

        String ledger = Files.readString(dir.resolve("__cluster/state.json"));
        editLedger(dir, state -> {
            StateResource provider = state.resource("provider.embedding.default").orElseThrow();
            return state.edit().putResource("provider.embedding.default", new StateResource(provider.digest(),
                    Optional.empty(), Optional.empty(), Optional.of(new EmbeddingProviderProfile(Optional.of("mock"),
                    Optional.empty(), Optional.of("huge"), Optional.empty())), Optional.empty())).build();
        });
        assertEquals(List.of(ClusterCodes.EMBEDDING_PROVIDER_DIGEST_MISMATCH, ClusterCodes.EMBEDDING_PROVIDER_MISSING),
                errorCodes(serve(dir.toString())));

        Files.writeString(dir.resolve("__cluster/state.json"), ledger);
        editLedger(dir, state -> {
            StateResource provider = state.resource("provider.embedding.default").orElseThrow();
            return state.edit().putResource("provider.embedding.default", StateResource.of(provider.digest())).build();
        });
        ServingSnapshotResult missing = serve(dir.toString());
        assertEquals(List.of(ClusterCodes.EMBEDDING_PROVIDER_PROFILE_MISSING, ClusterCodes.EMBEDDING_PROVIDER_MISSING),
                errorCodes(missing));
        assertEquals(List.of("provider.embedding.default", "graph.alpha"),
                missing.diagnostics().stream().map(ClusterDiagnostic::path).toList());
    }

    @Test
    void an_applied_revision_without_graphs_is_empty() throws IOException {
        Path dir = threeGraphCluster("");
        Files.writeString(dir.resolve("cluster.yaml"), "version: 1\ngraphs: {}\n");
        Files.delete(dir.resolve("__cluster/state.json"));
        importAndApply(dir.toString());

        ServingSnapshotResult snapshot = serve(dir.toString());

        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.CLUSTER_EMPTY, "__cluster/state.json",
                "the applied revision records no graphs; apply a cluster with at least one graph before serving from "
                        + "it")), snapshot.diagnostics());
    }

    // ---- per-graph quarantine --------------------------------------------------------------------

    @Test
    void an_attributed_sidecar_quarantines_its_graph_while_the_other_is_served() throws IOException {
        Path dir = threeGraphCluster("");
        Path recoveries = Files.createDirectories(dir.resolve("__cluster/recoveries"));
        Files.writeString(recoveries.resolve("01J0000000000000000000BETA.json"),
                sidecar("01J0000000000000000000BETA", "beta", dir).fileText());
        Files.writeString(recoveries.resolve("01J000000000000000000GAMMA.json"),
                sidecar("01J000000000000000000GAMMA", "gamma", dir).fileText());

        ServingSnapshotResult snapshot = serve(dir.toString());

        assertTrue(snapshot.ready(), snapshot::toString);
        String reason = "graph `beta` is quarantined because interrupted operation `01J0000000000000000000BETA` awaits "
                + "recovery; run any state-mutating cluster command (e.g. `cluster apply`) to sweep";
        String gammaReason = "graph `gamma` is quarantined because interrupted operation `01J000000000000000000GAMMA` "
                + "awaits recovery; run any state-mutating cluster command (e.g. `cluster apply`) to sweep";
        assertEquals(List.of(ClusterDiagnostic.warning(ClusterCodes.CLUSTER_RECOVERY_PENDING, "graph.beta", reason),
                ClusterDiagnostic.warning(ClusterCodes.CLUSTER_RECOVERY_PENDING, "graph.gamma", gammaReason)),
                snapshot.diagnostics());
        assertEquals(List.of(new QuarantinedGraph("beta", reason), new QuarantinedGraph("gamma", gammaReason)),
                snapshot.quarantined());
        assertEquals(List.of("alpha"), snapshot.graphs().stream().map(ServingGraph::graphId).toList());
        assertEquals(List.of("everyone", "person"), snapshot.queriesOf("alpha").stream()
                .map(ServingStoredQuery::name).toList());
        assertEquals(List.of(), snapshot.queriesOf("beta"));
        assertEquals(List.of(
                new ServingPolicy("server", SERVER_POLICY, List.of("cluster")),
                new ServingPolicy("shared", SHARED_POLICY, List.of("graph.alpha"))), snapshot.policies(),
                "bindings to the quarantined graph are dropped, a policy left without any is skipped");
        assertTrue(snapshot.strictRefusalMessage().orElseThrow().startsWith(
                "strict cluster boot requires every applied graph to be ready; startup diagnostics:\n"
                        + "  [cluster_recovery_pending] graph.beta: graph `beta` is quarantined"),
                snapshot.strictRefusalMessage()::toString);
        assertTrue(Files.exists(recoveries.resolve("01J0000000000000000000BETA.json")), "serving never sweeps");
        assertEquals(2, snapshot.strictRefusalMessage().orElseThrow().lines().count() - 1);

        Path betaBlob = dir.resolve("__cluster/resources/query/beta/add_person/" + Sha256.hex(BETA_QUERIES) + ".gq");
        Files.delete(betaBlob);
        assertTrue(serve(dir.toString()).ready(), "a quarantined graph's payloads are not read");
    }

    @Test
    void quarantining_every_graph_leaves_no_healthy_graphs() throws IOException {
        Path dir = threeGraphCluster("");
        Path recoveries = Files.createDirectories(dir.resolve("__cluster/recoveries"));
        Files.writeString(recoveries.resolve("01J000000000000000000ALPHA.json"),
                sidecar("01J000000000000000000ALPHA", "alpha", dir).fileText());
        Files.writeString(recoveries.resolve("01J0000000000000000000BETA.json"),
                sidecar("01J0000000000000000000BETA", "beta", dir).fileText());
        Files.writeString(recoveries.resolve("01J000000000000000000GAMMA.json"),
                sidecar("01J000000000000000000GAMMA", "gamma", dir).fileText());

        ServingSnapshotResult snapshot = serve(dir.toString());

        assertFalse(snapshot.ready());
        assertEquals(List.of(ClusterCodes.CLUSTER_NO_HEALTHY_GRAPHS, ClusterCodes.CLUSTER_RECOVERY_PENDING,
                ClusterCodes.CLUSTER_RECOVERY_PENDING, ClusterCodes.CLUSTER_RECOVERY_PENDING), codes(snapshot));
        assertEquals(ClusterDiagnostic.error(ClusterCodes.CLUSTER_NO_HEALTHY_GRAPHS, "__cluster/recoveries",
                "all applied graphs are quarantined by startup safety checks; resolve the graph-specific diagnostics, "
                        + "then retry"), snapshot.diagnostics().get(0));
        assertEquals(List.of("alpha", "beta", "gamma"), snapshot.quarantined().stream().map(QuarantinedGraph::graphId)
                .toList());
        String message = snapshot.refusalMessage();
        assertEquals(5, message.lines().count(), message);
        assertTrue(message.lines().skip(1).allMatch(line -> line.startsWith("  [")), message);
    }

    @Test
    void the_next_apply_sweeps_the_sidecar_and_the_graph_is_served_again() throws IOException {
        Path dir = threeGraphCluster("");
        Path recoveries = Files.createDirectories(dir.resolve("__cluster/recoveries"));
        Files.writeString(recoveries.resolve("01J0000000000000000000BETA.json"),
                sidecar("01J0000000000000000000BETA", "beta", dir).fileText());
        assertEquals(1, serve(dir.toString()).quarantined().size());

        ApplyClusterResult applied = cluster.apply(new ApplyClusterCommand(dir.toString(), Optional.empty()));
        assertTrue(applied.ok(), () -> applied.diagnostics().toString());

        ServingSnapshotResult snapshot = serve(dir.toString());
        assertTrue(snapshot.ready() && snapshot.diagnostics().isEmpty(), snapshot::toString);
        assertEquals(3, snapshot.graphs().size());
    }

    // ---- the project's example cluster -----------------------------------------------------------

    @Test
    void the_example_cluster_validates_converges_and_serves_people_with_its_queries_and_policies()
            throws IOException {
        Path example = GraphEngineOnLanceTest.examples().resolveSibling("cluster");
        Path dir = temp.resolve("example-cluster");
        TestTrees.copy(example, dir);
        String config = dir.toString();
        ValidateClusterResult validated = cluster.validate(new ValidateClusterCommand(config));
        assertTrue(validated.ok(), () -> validated.diagnostics().toString());
        importAndApply(config);

        ServingSnapshotResult snapshot = serve(config);

        assertTrue(snapshot.ready() && snapshot.diagnostics().isEmpty(), snapshot::toString);
        assertEquals(List.of("people"), snapshot.graphs().stream().map(ServingGraph::graphId).toList());
        assertEquals(List.of("acquaintances", "add_person", "colleagues_of", "headcount", "older_than", "person",
                "set_age"), snapshot.queries().stream().map(ServingStoredQuery::name).toList());
        assertEquals(List.of("people:[graph.people]", "server:[cluster]"), snapshot.policies().stream()
                .map(policy -> policy.name() + ":" + policy.appliesTo().toString().replace(" ", "")).toList());
    }

    // ---- the industry-intel corpus ---------------------------------------------------------------

    @Test
    void the_industry_intel_corpus_serves_one_graph_every_stored_query_and_two_policies() throws IOException {
        Path fixture = Path.of(System.getProperty("omnigraph.fixtures", "../../shared/fixtures")).resolve("industry-intel");
        assumeTrue(Files.isRegularFile(fixture.resolve("cluster.yaml")),
                "industry-intel corpus not found at " + fixture + " (set -Domnigraph.fixtures); skipping");
        Path dir = temp.resolve("industry-intel");
        TestTrees.copy(fixture, dir);
        String config = dir.toString();
        ValidateClusterResult validated = cluster.validate(new ValidateClusterCommand(config));
        assertTrue(validated.ok(), () -> validated.diagnostics().toString());
        importAndApply(config);

        ServingSnapshotResult snapshot = serve(config);

        assertTrue(snapshot.ready() && snapshot.diagnostics().isEmpty(), snapshot::toString);
        assertEquals(List.of(new ServingGraph("spike", dir + "/graphs/spike.omni", Optional.empty(),
                ExternalBlobPolicy.DENY)), snapshot.graphs());
        List<String> declared = validated.resources().stream().filter(r -> r.kind().equals("query"))
                .map(r -> r.address().substring("query.spike.".length())).sorted().toList();
        assertEquals(declared, snapshot.queries().stream().map(ServingStoredQuery::name).toList());
        Map<String, String> queryFiles = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir.resolve("queries"))) {
            for (Path file : list.filter(p -> p.toString().endsWith(".gq")).toList()) {
                queryFiles.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        assertEquals(8, queryFiles.size());
        assertTrue(snapshot.queries().stream().allMatch(q -> queryFiles.containsValue(q.source())),
                "every served source is one of the query files, byte for byte");
        assertEquals(queryFiles.size(), snapshot.queries().stream().map(ServingStoredQuery::source).distinct().count(),
                "every query file contributes");
        assertEquals(List.of(
                new ServingPolicy("intel", Files.readString(dir.resolve("policies/intel.policy.yaml")),
                        List.of("graph.spike")),
                new ServingPolicy("server", Files.readString(dir.resolve("policies/server.policy.yaml")),
                        List.of("cluster"))), snapshot.policies());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static ServingSnapshotResult serve(String clusterArgument) {
        return serving.readServingSnapshot(new ServingSnapshotQuery(clusterArgument));
    }

    /**
     * Three graphs on the people example schema — alpha (two reads in one file), beta (a stored
     * mutation), gamma (no stored query) — a policy bound to alpha and beta, one bound to gamma, a server
     * policy; imported and applied.
     */
    private Path threeGraphCluster(String extraYaml) throws IOException {
        Path dir = temp.resolve("three-graphs");
        Files.createDirectories(dir.resolve("alpha"));
        Files.createDirectories(dir.resolve("beta"));
        Files.createDirectories(dir.resolve("policies"));
        Files.copy(GraphEngineOnLanceTest.examples().resolve("schema.pg"), dir.resolve("people.pg"));
        Files.writeString(dir.resolve("alpha/reads.gq"), ALPHA_QUERIES);
        Files.writeString(dir.resolve("beta/writes.gq"), BETA_QUERIES);
        Files.writeString(dir.resolve("policies/shared.policy.yaml"), SHARED_POLICY);
        Files.writeString(dir.resolve("policies/gamma.policy.yaml"), WRITERS_POLICY);
        Files.writeString(dir.resolve("policies/server.policy.yaml"), SERVER_POLICY);
        Files.writeString(dir.resolve("cluster.yaml"), """
                version: 1
                graphs:
                  alpha:
                    schema: people.pg
                    queries: alpha/
                  beta:
                    schema: people.pg
                    queries: beta/
                  gamma:
                    schema: people.pg
                policies:
                  shared: { file: policies/shared.policy.yaml, applies_to: [alpha, beta] }
                  gamma_writers: { file: policies/gamma.policy.yaml, applies_to: [gamma] }
                  server: { file: policies/server.policy.yaml, applies_to: [cluster] }
                """ + extraYaml);
        importAndApply(dir.toString());
        return dir;
    }

    private static void importAndApply(String config) {
        SyncClusterStateResult imported = cluster.syncState(new SyncClusterStateCommand(config, StateSync.IMPORT,
                Optional.empty()));
        assertTrue(imported.ok(), () -> imported.diagnostics().toString());
        ApplyClusterResult applied = cluster.apply(new ApplyClusterCommand(config, Optional.of("act-test")));
        assertTrue(applied.ok() && applied.converged(), () -> applied.diagnostics().toString());
    }

    private static void editConfigAndApply(Path dir, UnaryOperator<String> edit) throws IOException {
        Files.writeString(dir.resolve("cluster.yaml"), edit.apply(Files.readString(dir.resolve("cluster.yaml"))));
        ApplyClusterResult applied = cluster.apply(new ApplyClusterCommand(dir.toString(), Optional.empty()));
        assertTrue(applied.ok() && applied.converged(), () -> applied.diagnostics().toString());
    }

    /** Rewrites the ledger in place, as a hand edit (or a foreign writer) would. */
    private static void editLedger(Path dir, UnaryOperator<ClusterState> edit) throws IOException {
        Path file = dir.resolve("__cluster/state.json");
        StateDecoding decoded = ClusterStateCodec.decode(Codecs.json().decode("state", Files.readString(file)));
        ClusterState state = ((StateDecoding.Decoded) decoded).state();
        Files.writeString(file, ClusterStateCodec.fileText(edit.apply(state)));
    }

    private static RecoverySidecar sidecar(String operationId, String graphId, Path dir) {
        return RecoverySidecar.schemaApply(operationId, "2024-01-01T00:00:00Z", Optional.of("act-crashed"), graphId,
                dir + "/graphs/" + graphId + ".omni", OptionalLong.of(1), Sha256.hex("schema"), Optional.empty());
    }

    private static List<String> codes(ServingSnapshotResult result) {
        return result.diagnostics().stream().map(ClusterDiagnostic::code).toList();
    }

    private static List<String> errorCodes(ServingSnapshotResult result) {
        return result.diagnostics().stream().filter(ClusterDiagnostic::isError).map(ClusterDiagnostic::code).toList();
    }

    /** Every file under a folder with the hash of its bytes. */
    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString(), Sha256.hex(Files.readAllBytes(path)));
            }
        }
        return files;
    }
}
