package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.cluster.ClusterService;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.SchemaApplyService;
import dev.omnigraph.application.language.LanguageService;
import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Sha256;
import dev.omnigraph.domain.cluster.drift.StateSync;
import dev.omnigraph.domain.cluster.plan.ApplyDisposition;
import dev.omnigraph.domain.cluster.plan.PlanChange;
import dev.omnigraph.domain.cluster.plan.PlanOperation;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.ApplyClusterCommand;
import dev.omnigraph.ports.in.ApplyClusterResult;
import dev.omnigraph.ports.in.ApproveClusterChangeCommand;
import dev.omnigraph.ports.in.ApproveClusterChangeResult;
import dev.omnigraph.ports.in.ClusterStatusQuery;
import dev.omnigraph.ports.in.ClusterStatusResult;
import dev.omnigraph.ports.in.ForceUnlockClusterCommand;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.ForceUnlockClusterResult;
import dev.omnigraph.ports.in.PlanClusterCommand;
import dev.omnigraph.ports.in.PlanClusterResult;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.in.SyncClusterStateCommand;
import dev.omnigraph.ports.in.SyncClusterStateResult;
import dev.omnigraph.ports.in.ValidateClusterCommand;
import dev.omnigraph.ports.in.ValidateClusterResult;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.ports.in.ExportGraphCommand;
import dev.omnigraph.ports.in.ExportGraphResult;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster control plane end to end on real adapters: YAML and JSON codecs, the local object store,
 * Lance tables and the graph engine. Validate, import, plan, apply and a second apply that must write
 * nothing (the convergence signal automation relies on: a no-op re-apply that touched the ledger would
 * bump its revision and stale every approval); a schema edit that apply migrates; a graph removed from
 * cluster.yaml that apply deletes only once approved; the lock refusing a second operation until
 * force-unlock; the industry-intel corpus applied as it ships. Every run works on a copy in a temporary
 * folder, because a cluster without {@code storage:} writes next to its cluster.yaml.
 */
class ClusterOnLanceTest {

    private static TableStorage tables;
    private static GraphEngineService engine;
    private static ClusterService cluster;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        tables = TableStorages.lance(LanceProperties.defaults());
        engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(),
                SystemServices.clock(), SystemServices.ids());
        cluster = new ClusterService(ObjectStores.locator(), Codecs.yaml(), Codecs.json(), SystemServices.clock(),
                SystemServices.ids(), engine, engine, new LanguageService(engine, SystemServices.ids()),
                new SchemaApplyService(engine), tables);
    }

    @AfterAll
    static void stop() throws Exception {
        tables.close();
    }

    // ---- the people cluster --------------------------------------------------------------------

    @Test
    void validate_import_plan_apply_and_a_second_apply_writes_nothing() throws IOException {
        Path dir = peopleCluster();
        String config = dir.toString();

        ValidateClusterResult validated = cluster.validate(new ValidateClusterCommand(config));
        assertTrue(validated.ok(), () -> validated.diagnostics().toString());
        assertEquals(List.of("graph.people", "query.people.person", "schema.people"),
                validated.resources().stream().map(r -> r.address()).toList());
        assertEquals(3, validated.dependencies().size());
        assertTrue(codes(validated.diagnostics()).contains(ClusterCodes.EXTERNAL_BLOB_INGRESS_DEFAULT_DENY));
        assertEquals(Sha256.hex(Files.readAllBytes(dir.resolve("people.pg"))),
                validated.resourceDigests().get("schema.people"));

        ApplyClusterResult withoutState = cluster.apply(new ApplyClusterCommand(config, Optional.empty()));
        assertFalse(withoutState.ok());
        assertEquals(List.of(ClusterCodes.STATE_MISSING), errorCodes(withoutState.diagnostics()));
        assertFalse(Files.exists(dir.resolve("__cluster/lock.json")));

        PlanClusterResult firstPlan = cluster.plan(new PlanClusterCommand(config));
        assertTrue(firstPlan.ok(), () -> firstPlan.diagnostics().toString());
        assertFalse(firstPlan.stateObservations().stateFound());
        assertTrue(firstPlan.changes().stream().allMatch(c -> c.operation() == PlanOperation.CREATE));
        assertFalse(Files.exists(dir.resolve("__cluster/state.json")), "plan never writes state");

        SyncClusterStateResult imported = cluster.syncState(new SyncClusterStateCommand(config, StateSync.IMPORT,
                Optional.empty()));
        assertTrue(imported.ok(), () -> imported.diagnostics().toString());
        assertEquals(1, imported.stateObservations().stateRevision());

        PlanClusterResult plan = cluster.plan(new PlanClusterCommand(config));
        assertTrue(plan.ok(), () -> plan.diagnostics().toString());
        assertEquals(List.of("graph.people", "query.people.person", "schema.people"), resources(plan.changes()));
        assertTrue(plan.changes().stream().allMatch(c -> c.is(ApplyDisposition.APPLIED)), plan.changes()::toString);
        assertTrue(plan.approvalsRequired().isEmpty());
        assertFalse(plan.stateObservations().locked());
        assertTrue(plan.stateObservations().lockAcquired());
        assertFalse(Files.exists(dir.resolve("__cluster/lock.json")), "plan releases its lock");

        ApplyClusterResult applied = cluster.apply(new ApplyClusterCommand(config, Optional.of("act-test")));
        assertTrue(applied.ok(), () -> applied.diagnostics().toString());
        assertEquals(3, applied.appliedCount());
        assertTrue(applied.converged());
        assertTrue(applied.stateWritten());
        assertEquals(2, applied.stateObservations().stateRevision());
        assertEquals(3, applied.resourceStatuses().size());
        assertTrue(Files.isRegularFile(dir.resolve("graphs/people.omni/_schema.pg")));
        String queryDigest = applied.changes().stream().filter(c -> c.resource().equals("query.people.person"))
                .findFirst().orElseThrow().afterDigest().orElseThrow();
        assertTrue(Files.isRegularFile(dir.resolve("__cluster/resources/query/people/person/" + queryDigest + ".gq")));
        assertEquals(List.of(), listFiles(dir.resolve("__cluster/recoveries")), "sidecars are gone after the write");
        assertFalse(Files.exists(dir.resolve("__cluster/lock.json")));
        JsonObject state = Codecs.json().decode("state", Files.readString(dir.resolve("__cluster/state.json"))).asObject();
        assertEquals(applied.configDigest().orElseThrow(), state.get("applied_revision").asObject().get("config_digest").asString());

        Map<String, String> before = snapshot(dir);
        ApplyClusterResult again = cluster.apply(new ApplyClusterCommand(config, Optional.of("act-test")));
        assertTrue(again.ok(), () -> again.diagnostics().toString());
        assertEquals(List.of(), again.changes());
        assertEquals(0, again.appliedCount());
        assertTrue(again.converged());
        assertFalse(again.stateWritten());
        assertEquals(before, snapshot(dir), "a converged re-apply writes nothing");

        ClusterStatusResult status = cluster.status(new ClusterStatusQuery(config));
        assertTrue(status.ok(), () -> status.diagnostics().toString());
        assertEquals(2, status.stateObservations().stateRevision());
        assertFalse(status.stateObservations().locked());
        assertEquals(applied.resourceStatuses(), status.resourceStatuses());

        SyncClusterStateResult refreshed = cluster.syncState(new SyncClusterStateCommand(config, StateSync.REFRESH,
                Optional.empty()));
        assertTrue(refreshed.ok(), () -> refreshed.diagnostics().toString());
        assertEquals(3, refreshed.stateObservations().stateRevision(), "refresh always writes the next revision");
        JsonObject observation = refreshed.observations().get("graph.people").asObject();
        assertEquals(JsonValue.of(true), observation.get("schema_matches_desired"));
        assertTrue(cluster.plan(new PlanClusterCommand(config)).changes().isEmpty(), "refresh found no drift");
    }

    @Test
    void a_schema_edit_is_migrated_and_a_removed_graph_is_deleted_only_once_approved() throws IOException {
        Path dir = peopleCluster();
        String config = dir.toString();
        importAndApply(config);

        Files.writeString(dir.resolve("people.pg"), Files.readString(dir.resolve("people.pg")).replace(
                "    revenue: F64?\n", "    revenue: F64?\n    website: String?\n"));
        PlanClusterResult plan = cluster.plan(new PlanClusterCommand(config));
        assertTrue(plan.ok(), () -> plan.diagnostics().toString());
        PlanChange schema = change(plan.changes(), "schema.people");
        assertEquals(PlanOperation.UPDATE, schema.operation());
        assertTrue(schema.migration().isPresent(), "a schema update carries the engine's migration preview");
        assertEquals(JsonValue.of(true), schema.migration().get().asObject().get("supported"));
        assertTrue(change(plan.changes(), "graph.people").is(ApplyDisposition.DERIVED));

        ApplyClusterResult migrated = cluster.apply(new ApplyClusterCommand(config, Optional.of("act-test")));
        assertTrue(migrated.ok(), () -> migrated.diagnostics().toString());
        assertTrue(migrated.converged());
        assertEquals(Files.readString(dir.resolve("people.pg")),
                Files.readString(dir.resolve("graphs/people.omni/_schema.pg")));
        assertEquals(List.of(), listFiles(dir.resolve("__cluster/recoveries")));

        Files.writeString(dir.resolve("cluster.yaml"), Files.readString(dir.resolve("cluster.yaml"))
                .replace("graphs:\n  people:\n    schema: people.pg\n    queries: queries/\n", "graphs: {}\n"));
        PlanClusterResult deletion = cluster.plan(new PlanClusterCommand(config));
        assertTrue(deletion.ok(), () -> deletion.diagnostics().toString());
        assertEquals(List.of("graph.people"), deletion.approvalsRequired().stream().map(a -> a.resource()).toList());
        assertFalse(deletion.approvalsRequired().get(0).satisfied());

        ApplyClusterResult blocked = cluster.apply(new ApplyClusterCommand(config, Optional.empty()));
        assertTrue(blocked.ok(), "blocked changes are warnings");
        assertFalse(blocked.converged());
        assertTrue(change(blocked.changes(), "graph.people").reason().orElseThrow().equals("approval_required"));
        assertTrue(Files.isRegularFile(dir.resolve("graphs/people.omni/_schema.pg")), "nothing deleted without approval");

        ApproveClusterChangeResult refused = cluster.approve(new ApproveClusterChangeCommand(config, "query.people.person",
                "act-admin"));
        assertEquals(List.of(ClusterCodes.APPROVAL_NOT_REQUIRED), errorCodes(refused.diagnostics()));
        ApproveClusterChangeResult approved = cluster.approve(new ApproveClusterChangeCommand(config, "graph.people",
                "act-admin"));
        assertTrue(approved.ok(), () -> approved.diagnostics().toString());
        String approvalId = approved.approvalId().orElseThrow();
        assertTrue(cluster.plan(new PlanClusterCommand(config)).approvalsRequired().get(0).satisfied());

        ApplyClusterResult deleted = cluster.apply(new ApplyClusterCommand(config, Optional.of("act-admin")));
        assertTrue(deleted.ok(), () -> deleted.diagnostics().toString());
        assertTrue(deleted.converged());
        assertFalse(Files.exists(dir.resolve("graphs/people.omni")), "the root folder is removed, not left empty");
        assertTrue(Files.isDirectory(dir.resolve("graphs")));
        assertTrue(deleted.resourceStatuses().isEmpty());
        String artifact = Files.readString(dir.resolve("__cluster/approvals/" + approvalId + ".json"));
        assertFalse(artifact.contains("\"consumed_at\": null"), artifact);
        JsonObject state = Codecs.json().decode("state", Files.readString(dir.resolve("__cluster/state.json"))).asObject();
        assertTrue(state.get("approval_records").asObject().has(approvalId));
        assertEquals("tombstone", state.get("observations").asObject().get("graph.people").asObject().get("kind").asString());
        assertEquals(List.of(), listFiles(dir.resolve("__cluster/recoveries")));
    }

    /**
     * Reference T::apply_executes_approved_graph_delete: while an export of the graph streams in this process, the
     * approved delete is refused with {@code graph_delete_export_in_progress}, the root and the ledger are kept;
     * once the export ends, the next apply deletes the graph.
     */
    @Test
    void an_approved_graph_delete_waits_until_no_export_streams_the_graph() throws Exception {
        Path dir = peopleCluster();
        String config = dir.toString();
        importAndApply(config);
        String root = dir.resolve("graphs/people.omni").toString();
        engine.loadGraph(new LoadGraphCommand(root, "main", LoadMode.OVERWRITE, "seed.jsonl",
                Files.readString(GraphEngineOnLanceTest.examples().resolve("seed.jsonl")), Optional.empty()),
                ProgressListener.NONE);
        Files.writeString(dir.resolve("cluster.yaml"), Files.readString(dir.resolve("cluster.yaml"))
                .replace("graphs:\n  people:\n    schema: people.pg\n    queries: queries/\n", "graphs: {}\n"));
        assertTrue(cluster.approve(new ApproveClusterChangeCommand(config, "graph.people", "act-admin")).ok());

        CountDownLatch streaming = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService exporter = Executors.newSingleThreadExecutor();
        try {
            Future<ExportGraphResult> export = exporter.submit(() -> engine.exportGraph(
                    new ExportGraphCommand(root, "main", Optional.empty(), List.of()), line -> {
                        if (streaming.getCount() > 0) {
                            streaming.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException interrupted) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }));
            assertTrue(streaming.await(60, TimeUnit.SECONDS), "the export reached its first record");
            ApplyClusterResult blocked = cluster.apply(new ApplyClusterCommand(config, Optional.of("act-admin")));
            release.countDown();
            export.get(60, TimeUnit.SECONDS);

            assertFalse(blocked.ok());
            assertFalse(blocked.converged());
            assertEquals(List.of(ClusterCodes.GRAPH_DELETE_EXPORT_IN_PROGRESS), errorCodes(blocked.diagnostics()));
            assertTrue(blocked.diagnostics().stream().anyMatch(d -> d.path().equals("graph.people")));
            assertTrue(Files.isRegularFile(dir.resolve("graphs/people.omni/_schema.pg")), "the root is kept");
            assertTrue(Files.readString(dir.resolve("__cluster/state.json")).contains("\"graph.people\""));
            assertEquals(List.of(), listFiles(dir.resolve("__cluster/recoveries")), "no delete was started");
        } finally {
            release.countDown();
            exporter.shutdownNow();
        }
        ApplyClusterResult deleted = cluster.apply(new ApplyClusterCommand(config, Optional.of("act-admin")));
        assertTrue(deleted.ok() && deleted.converged(), () -> deleted.diagnostics().toString());
        assertFalse(Files.exists(dir.resolve("graphs/people.omni")));
    }

    @Test
    void a_held_lock_refuses_until_force_unlock_names_it() throws IOException {
        Path dir = peopleCluster();
        String config = dir.toString();
        Files.createDirectories(dir.resolve("__cluster"));
        Files.writeString(dir.resolve("__cluster/lock.json"), """
                {"version": 1, "lock_id": "01HZZZZZZZZZZZZZZZZZZZZZZZ", "operation": "apply",
                 "created_at": "2024-01-01T00:00:00Z", "pid": 4242}""");

        PlanClusterResult plan = cluster.plan(new PlanClusterCommand(config));
        assertEquals(List.of(ClusterCodes.STATE_LOCK_HELD), errorCodes(plan.diagnostics()));
        assertEquals(Optional.of("01HZZZZZZZZZZZZZZZZZZZZZZZ"), plan.stateObservations().lockId());
        ClusterStatusResult status = cluster.status(new ClusterStatusQuery(config));
        assertTrue(status.stateObservations().locked());
        assertEquals(Optional.of("apply"), status.stateObservations().lockOperation());

        ForceUnlockClusterResult wrong = cluster.forceUnlock(new ForceUnlockClusterCommand(config, "01HWRONG"));
        assertEquals(List.of(ClusterCodes.STATE_LOCK_ID_MISMATCH), errorCodes(wrong.diagnostics()));
        assertTrue(Files.exists(dir.resolve("__cluster/lock.json")));
        ForceUnlockClusterResult removed = cluster.forceUnlock(new ForceUnlockClusterCommand(config,
                "01HZZZZZZZZZZZZZZZZZZZZZZZ"));
        assertTrue(removed.ok(), () -> removed.diagnostics().toString());
        assertTrue(removed.lockRemoved());
        assertFalse(Files.exists(dir.resolve("__cluster/lock.json")));
        ForceUnlockClusterResult missing = cluster.forceUnlock(new ForceUnlockClusterCommand(config, "01HWRONG"));
        assertEquals(List.of(ClusterCodes.STATE_LOCK_MISSING), errorCodes(missing.diagnostics()));
    }

    @Test
    void an_invalid_config_stops_before_anything_is_written() throws IOException {
        Path dir = peopleCluster();
        Files.writeString(dir.resolve("cluster.yaml"), Files.readString(dir.resolve("cluster.yaml"))
                + "  people:\n    schema: other.pg\n");
        ApplyClusterResult applied = cluster.apply(new ApplyClusterCommand(dir.toString(), Optional.empty()));
        assertEquals(List.of(ClusterCodes.DUPLICATE_YAML_KEY), errorCodes(applied.diagnostics()));
        assertFalse(Files.exists(dir.resolve("__cluster")));

        Path missing = temp.resolve("nowhere");
        ValidateClusterResult notFound = cluster.validate(new ValidateClusterCommand(missing.toString()));
        assertEquals(List.of(ClusterCodes.CONFIG_DIR_NOT_FOUND), errorCodes(notFound.diagnostics()));
    }

    @Test
    void an_interrupted_graph_create_is_rolled_forward_by_the_next_apply() throws IOException {
        Path dir = peopleCluster();
        String config = dir.toString();
        assertTrue(cluster.syncState(new SyncClusterStateCommand(config, StateSync.IMPORT, Optional.empty())).ok());
        // an apply that initialised the graph and died before its state write: the graph and its sidecar
        String schema = Files.readString(dir.resolve("people.pg"));
        String graphUri = dir.resolve("graphs/people.omni").toString();
        graphsEngine().initGraph(new InitGraphCommand(graphUri, "people.pg", schema, Optional.empty()));
        String operationId = "01J0000000000000000000CRSH";
        Files.createDirectories(dir.resolve("__cluster/recoveries"));
        Files.writeString(dir.resolve("__cluster/recoveries/" + operationId + ".json"), RecoverySidecar.graphCreate(
                operationId, "2024-01-01T00:00:00Z", Optional.of("act-crashed"), "people", graphUri,
                Sha256.hex(schema), Optional.empty()).fileText());

        ClusterStatusResult status = cluster.status(new ClusterStatusQuery(config));
        assertTrue(codes(status.diagnostics()).contains(ClusterCodes.CLUSTER_RECOVERY_PENDING));
        PlanClusterResult plan = cluster.plan(new PlanClusterCommand(config));
        assertTrue(codes(plan.diagnostics()).contains(ClusterCodes.CLUSTER_RECOVERY_PENDING), "plan only warns");
        assertTrue(Files.exists(dir.resolve("__cluster/recoveries/" + operationId + ".json")));

        ApplyClusterResult applied = cluster.apply(new ApplyClusterCommand(config, Optional.of("act-test")));
        assertTrue(applied.ok(), () -> applied.diagnostics().toString());
        assertTrue(codes(applied.diagnostics()).contains(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD));
        assertTrue(applied.converged());
        assertFalse(applied.changes().stream().anyMatch(c -> c.resource().equals("schema.people")),
                "the roll-forward recorded the schema; nothing re-creates the graph");
        assertEquals(List.of(), listFiles(dir.resolve("__cluster/recoveries")));
        JsonObject state = Codecs.json().decode("state", Files.readString(dir.resolve("__cluster/state.json"))).asObject();
        JsonObject record = state.get("recovery_records").asObject().get(operationId).asObject();
        assertEquals("rolled_forward", record.get("outcome").asString());
        assertEquals("act-crashed", record.get("actor").asString());
    }

    @Test
    void a_migration_the_engine_refuses_fails_the_apply_without_leaving_a_sidecar() throws IOException {
        Path dir = peopleCluster();
        String config = dir.toString();
        importAndApply(config);
        Files.writeString(dir.resolve("people.pg"), Files.readString(dir.resolve("people.pg")).replace(
                "    revenue: F64?\n", "    revenue: F64?\n    ticker: String\n"));

        PlanClusterResult plan = cluster.plan(new PlanClusterCommand(config));
        assertTrue(plan.ok(), () -> plan.diagnostics().toString());
        assertEquals(JsonValue.of(false), change(plan.changes(), "schema.people").migration().orElseThrow().asObject()
                .get("supported"));

        ApplyClusterResult applied = cluster.apply(new ApplyClusterCommand(config, Optional.empty()));
        assertEquals(List.of(ClusterCodes.SCHEMA_APPLY_FAILED), errorCodes(applied.diagnostics()));
        assertFalse(applied.converged());
        assertEquals(Optional.of("schema_apply_failed"), change(applied.changes(), "schema.people").reason());
        assertEquals(List.of(), listFiles(dir.resolve("__cluster/recoveries")), "refused before the sidecar was armed");
        assertEquals("blocked", applied.resourceStatuses().get("schema.people").status().label());
        assertFalse(Files.readString(dir.resolve("graphs/people.omni/_schema.pg")).contains("ticker"));
    }

    // ---- the command line ----------------------------------------------------------------------

    @Test
    void the_cli_prints_human_and_json_output_and_exits_by_ok() throws IOException {
        Path dir = peopleCluster();
        String config = dir.toString();
        InProcessCli validate = InProcessCli.run("cluster", "validate", "--config", config);
        assertEquals(0, validate.exitCode(), validate.toString());
        assertTrue(validate.out().startsWith("cluster config valid: 3 resource(s), 3 dependency edge(s)"), validate.out());
        assertTrue(validate.out().contains("WARN  external_blob_ingress_default_deny graphs.people.external_blobs: "));

        assertEquals(0, InProcessCli.run("cluster", "import", "--config", config).exitCode());
        InProcessCli apply = InProcessCli.run("cluster", "apply", "--config", config, "--as", "act-cli", "--json");
        assertEquals(0, apply.exitCode(), apply.toString());
        JsonObject output = Codecs.json().decode("apply", apply.out()).asObject();
        assertEquals(JsonValue.of(true), output.get("converged"));
        assertEquals("act-cli", output.get("actor").asString());
        assertEquals(3, output.get("applied_count").asNumber().longValueExact());

        InProcessCli again = InProcessCli.run("cluster", "apply", "--config", config);
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("cluster apply: 0 applied, 0 deferred/blocked"), again.out());
        assertTrue(again.out().contains("converged: true, written: false"), again.out());

        InProcessCli status = InProcessCli.run("cluster", "status", "--config", config);
        assertTrue(status.out().startsWith("cluster state: revision 2, 3 resource(s)"), status.out());
        assertTrue(status.out().contains("  lock: not held"), status.out());

        InProcessCli approve = InProcessCli.run("cluster", "approve", "graph.people", "--config", config);
        assertEquals(1, approve.exitCode());
        assertTrue(approve.err().contains("--as"), approve.err());

        InProcessCli unlock = InProcessCli.run("cluster", "force-unlock", "01HNOPE", "--config", config, "--json");
        assertEquals(1, unlock.exitCode());
        assertEquals(ClusterCodes.STATE_LOCK_MISSING, Codecs.json().decode("unlock", unlock.out()).asObject()
                .get("diagnostics").asArray().get(0).asObject().get("code").asString());
    }

    // ---- the industry-intel corpus -------------------------------------------------------------

    @Test
    void the_industry_intel_corpus_validates_and_applies() throws IOException {
        Path fixture = Path.of(System.getProperty("omnigraph.fixtures", "../../shared/fixtures")).resolve("industry-intel");
        assumeTrue(Files.isRegularFile(fixture.resolve("cluster.yaml")),
                "industry-intel corpus not found at " + fixture + " (set -Domnigraph.fixtures); skipping");
        Path dir = temp.resolve("industry-intel");
        TestTrees.copy(fixture, dir);
        String config = dir.toString();

        ValidateClusterResult validated = cluster.validate(new ValidateClusterCommand(config));
        assertTrue(validated.ok(), () -> validated.diagnostics().toString());
        assertTrue(validated.resources().stream().anyMatch(r -> r.address().equals("policy.intel")));
        assertTrue(validated.resources().stream().filter(r -> r.kind().equals("query")).count() > 10);

        assertTrue(cluster.syncState(new SyncClusterStateCommand(config, StateSync.IMPORT, Optional.empty())).ok());
        ApplyClusterResult applied = cluster.apply(new ApplyClusterCommand(config, Optional.of("act-corpus")));
        assertTrue(applied.ok(), () -> applied.diagnostics().toString());
        assertTrue(applied.converged());
        assertEquals(1, graphsEngine().snapshot(new SnapshotQuery(dir.resolve("graphs/spike.omni").toString(), "main"))
                .manifestVersion());
        ApplyClusterResult again = cluster.apply(new ApplyClusterCommand(config, Optional.of("act-corpus")));
        assertTrue(again.ok() && again.converged() && !again.stateWritten(), () -> again.toJson().toString());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static GraphEngineService graphsEngine() {
        return new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(),
                SystemServices.ids());
    }

    private void importAndApply(String config) {
        assertTrue(cluster.syncState(new SyncClusterStateCommand(config, StateSync.IMPORT, Optional.empty())).ok());
        ApplyClusterResult applied = cluster.apply(new ApplyClusterCommand(config, Optional.empty()));
        assertTrue(applied.ok() && applied.converged(), () -> applied.diagnostics().toString());
    }

    /** A fresh copy of the test cluster with the people example schema as people.pg. */
    private Path peopleCluster() throws IOException {
        Path source;
        try {
            source = Path.of(ClusterOnLanceTest.class.getResource("/cluster/people/cluster.yaml").toURI()).getParent();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        Path dir = temp.resolve("people-cluster");
        TestTrees.copy(source, dir);
        Files.copy(GraphEngineOnLanceTest.examples().resolve("schema.pg"), dir.resolve("people.pg"));
        return dir;
    }

    /** Every file under a folder (bookkeeping of the local store excluded) with the hash of its bytes. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(path).toString();
                if (!relative.contains(".omnigraph-")) {
                    files.put(relative, Sha256.hex(Files.readAllBytes(path)));
                }
            }
        }
        return files;
    }

    private static List<String> listFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> codes(List<ClusterDiagnostic> diagnostics) {
        return diagnostics.stream().map(ClusterDiagnostic::code).toList();
    }

    private static List<String> errorCodes(List<ClusterDiagnostic> diagnostics) {
        return diagnostics.stream().filter(ClusterDiagnostic::isError).map(ClusterDiagnostic::code).toList();
    }

    private static List<String> resources(List<PlanChange> changes) {
        return changes.stream().map(PlanChange::resource).toList();
    }

    private static PlanChange change(List<PlanChange> changes, String resource) {
        return changes.stream().filter(c -> c.resource().equals(resource)).findFirst()
                .orElseThrow(() -> new AssertionError(resource + " not in " + changes));
    }
}
