package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.cluster.ClusterService;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.SchemaApplyService;
import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.ScopedFailpoint;
import dev.omnigraph.application.language.LanguageService;
import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Sha256;
import dev.omnigraph.domain.cluster.drift.StateSync;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.ApplyClusterCommand;
import dev.omnigraph.ports.in.ApplyClusterResult;
import dev.omnigraph.ports.in.ApproveClusterChangeCommand;
import dev.omnigraph.ports.in.ApproveClusterChangeResult;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.in.SyncClusterStateCommand;
import dev.omnigraph.ports.in.SyncClusterStateResult;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every crash window of {@code cluster apply} (cluster notes §5.5), on real Lance tables and the local
 * object store: a test arms one {@code cluster_apply.*} failpoint, runs an apply whose config change
 * passes through it, and then runs the next state-mutating command (a plain apply) the way an operator
 * would after a crash. Each test pins what the reference's failpoint suite pins for that window: the
 * recovery sidecars on disk after the crash and after the recovery (none is ever left behind), what the
 * sweep did (rolled forward with a {@code recovery_records} entry and a
 * {@code cluster_recovery_rolled_forward} warning, or retired silently), the live schema of the graph,
 * a ledger whose applied revision and statuses equal those of the same change applied without a crash,
 * and a following apply that is a no-op. Two more tests cover the engine-side windows of the PR #284
 * fix (§5.2): a schema apply that fails before the graph moved leaves no sidecar, one that fails after
 * the manifest commit keeps it.
 *
 * <p>Windows before an engine call fail that graph step like an engine error (the run goes on and
 * records blocked statuses, so the ledger ends one revision above a clean run); windows after one stop
 * the run with nothing acknowledged (the ledger stays byte-identical, the recovery writes the same
 * revision a clean run writes). The failpoint registry is process-wide: this class must not run in
 * parallel with other applies.
 */
class ClusterCrashWindowsOnLanceTest {

    private static final String GRAPH = "knowledge";
    private static final String ARCHIVE = "archive";
    private static final String ACTOR = "act-crash";

    private static final String SCHEMA_V1 = """
            node Person {
                name: String @key
                age: I32?
            }
            """;
    /** V1 plus one nullable property: a supported, soft migration that rewrites the Person table. */
    private static final String SCHEMA_V2 = """
            node Person {
                name: String @key
                age: I32?
                bio: String?
            }
            """;
    /**
     * V1 plus a node type: a migration whose only table effect is a create. The pre-publish undo drops the
     * created table, so the graph is exactly as before; the undo of a rewrite (V2) restores the old content
     * as a new table version the manifest does not publish, which the next schema apply refuses until the
     * graph is repaired (an engine gap, not a cluster one).
     */
    private static final String SCHEMA_V2_WITH_TOPIC = SCHEMA_V1 + """
            node Topic {
                title: String @key
            }
            """;
    private static final String ARCHIVE_SCHEMA = """
            node Note {
                title: String @key
            }
            """;
    private static final String QUERY_V1 = """
            query find_person($name: String) {
                match { $p: Person { name: $name } }
                return { $p.name, $p.age }
            }
            """;
    private static final String QUERY_V2 = """
            query find_person($name: String) {
                match { $p: Person { name: $name } }
                return { $p.name }
            }
            """;
    private static final String CLUSTER_YAML = """
            version: 1
            state:
              backend: cluster
              lock: true
            graphs:
              knowledge:
                schema: people.pg
                queries:
                  find_person: { file: people.gq }
            """;
    private static final String ARCHIVE_YAML = """
              archive:
                schema: archive.pg
            """;

    private static TableStorage tables;
    private static GraphEngineService engine;
    private static ClusterService cluster;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        tables = TableStorages.lance(LanceProperties.defaults());
        engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(),
                SystemServices.ids());
        cluster = new ClusterService(ObjectStores.locator(), Codecs.yaml(), Codecs.json(), SystemServices.clock(),
                SystemServices.ids(), engine, engine, new LanguageService(engine, SystemServices.ids()),
                new SchemaApplyService(engine), tables);
    }

    @AfterAll
    static void stop() throws Exception {
        tables.close();
    }

    // ---- graph create --------------------------------------------------------------------------

    @Test
    void a_crash_before_the_graph_create_leaves_an_intent_the_next_apply_retires_and_carries_out() throws IOException {
        Path dir = Change.GRAPH_CREATE.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.GRAPH_CREATE.appliedCleanly(temp.resolve("clean"));

        ApplyClusterResult crashed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.CLUSTER_APPLY_BEFORE_GRAPH_CREATE)) {
            crashed = apply(dir);
        }
        assertInjected(crashed, FailpointNames.CLUSTER_APPLY_BEFORE_GRAPH_CREATE);
        assertEquals("graph_create", onlySidecar(dir).get("kind").asString());
        assertFalse(Files.exists(graphRoot(dir, GRAPH)), "the init never ran");
        assertTrue(state(dir).get("applied_revision").asObject().get("resources").asObject().keys().isEmpty(),
                "no resource digest moved");
        assertTrue(crashed.stateWritten(), "like an engine failure, the run records its blocked statuses");
        assertEquals("graph_create_failed", crashed.resourceStatuses().get("graph.knowledge").conditions().get(0));

        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertFalse(codes(recovered).contains(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD), "row 1: retired");
        assertEquals(Set.of(), recoveryRecords(dir));
        assertEquals(SCHEMA_V1, liveSchema(dir, GRAPH));
        assertLedgerMatches(clean, dir, 1);
        assertSecondApplyIsANoOp(dir);
    }

    @Test
    void a_crash_after_the_graph_create_is_rolled_forward_by_the_next_apply() throws IOException {
        Path dir = Change.GRAPH_CREATE.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.GRAPH_CREATE.appliedCleanly(temp.resolve("clean"));
        byte[] ledgerBefore = ledgerBytes(dir);

        ApplyClusterResult crashed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.CLUSTER_APPLY_AFTER_GRAPH_CREATE)) {
            crashed = apply(dir);
        }
        assertInjected(crashed, FailpointNames.CLUSTER_APPLY_AFTER_GRAPH_CREATE);
        assertNothingAcknowledged(crashed, dir, ledgerBefore);
        JsonObject sidecar = onlySidecar(dir);
        assertEquals("graph_create", sidecar.get("kind").asString());
        assertEquals(manifestVersion(dir, GRAPH), sidecar.get("expected_manifest_version").asNumber().longValueExact(),
                "the sidecar carries the post-init manifest version");
        assertEquals(SCHEMA_V1, liveSchema(dir, GRAPH));

        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertRolledForward(recovered, dir, sidecar, "graph_create", "graph.knowledge");
        assertLedgerMatches(clean, dir, 0);
        assertSecondApplyIsANoOp(dir);
    }

    @Test
    void a_failed_state_write_keeps_the_create_sidecar_for_the_next_apply_to_roll_forward() throws IOException {
        Path dir = Change.GRAPH_CREATE.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.GRAPH_CREATE.appliedCleanly(temp.resolve("clean"));
        byte[] ledgerBefore = ledgerBytes(dir);

        ApplyClusterResult crashed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.CLUSTER_APPLY_BEFORE_STATE_WRITE)) {
            crashed = apply(dir);
        }
        assertInjected(crashed, FailpointNames.CLUSTER_APPLY_BEFORE_STATE_WRITE);
        assertFalse(crashed.stateWritten());
        assertEquals(statuses(state(dir)), statuses(crashed), "the statuses reported are the ones on disk");
        assertEquals(hex(ledgerBefore), hex(ledgerBytes(dir)), "the ledger did not move");
        JsonObject sidecar = onlySidecar(dir);
        assertEquals("graph_create", sidecar.get("kind").asString(), "an unrecorded outcome keeps its sidecar");

        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertRolledForward(recovered, dir, sidecar, "graph_create", "graph.knowledge");
        assertLedgerMatches(clean, dir, 0);
        assertSecondApplyIsANoOp(dir);
    }

    // ---- schema migration ----------------------------------------------------------------------

    @Test
    void a_crash_before_the_schema_apply_leaves_a_stale_intent_the_next_apply_retires() throws IOException {
        Path dir = Change.SCHEMA_MIGRATION.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.SCHEMA_MIGRATION.appliedCleanly(temp.resolve("clean"));
        long versionBefore = manifestVersion(dir, GRAPH);

        ApplyClusterResult crashed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.CLUSTER_APPLY_BEFORE_SCHEMA_APPLY)) {
            crashed = apply(dir);
        }
        assertInjected(crashed, FailpointNames.CLUSTER_APPLY_BEFORE_SCHEMA_APPLY);
        JsonObject sidecar = onlySidecar(dir);
        assertEquals("schema_apply", sidecar.get("kind").asString());
        assertEquals(ACTOR, sidecar.get("actor").asString());
        assertEquals(versionBefore, sidecar.get("observed_manifest_version").asNumber().longValueExact());
        assertTrue(sidecar.get("expected_manifest_version").isNull());
        assertEquals(SCHEMA_V1, liveSchema(dir, GRAPH), "nothing moved");
        assertEquals(versionBefore, manifestVersion(dir, GRAPH));
        assertEquals("schema_apply_failed", crashed.resourceStatuses().get("schema.knowledge").conditions().get(0));

        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertFalse(codes(recovered).contains(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD), "row 1/2: retired");
        assertEquals(Set.of(), recoveryRecords(dir));
        assertEquals(SCHEMA_V2, liveSchema(dir, GRAPH), "the same run applied the migration");
        assertLedgerMatches(clean, dir, 1);
        assertSecondApplyIsANoOp(dir);
    }

    @Test
    void a_crash_after_the_schema_apply_is_rolled_forward_by_the_next_apply() throws IOException {
        Path dir = Change.SCHEMA_MIGRATION.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.SCHEMA_MIGRATION.appliedCleanly(temp.resolve("clean"));
        byte[] ledgerBefore = ledgerBytes(dir);

        ApplyClusterResult crashed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.CLUSTER_APPLY_AFTER_SCHEMA_APPLY)) {
            crashed = apply(dir);
        }
        assertInjected(crashed, FailpointNames.CLUSTER_APPLY_AFTER_SCHEMA_APPLY);
        assertNothingAcknowledged(crashed, dir, ledgerBefore);
        assertEquals(SCHEMA_V2, liveSchema(dir, GRAPH), "the migration landed");
        JsonObject sidecar = onlySidecar(dir);
        assertEquals("schema_apply", sidecar.get("kind").asString());
        assertEquals(manifestVersion(dir, GRAPH), sidecar.get("expected_manifest_version").asNumber().longValueExact());

        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertRolledForward(recovered, dir, sidecar, "schema_apply", "graph.knowledge");
        assertEquals(Sha256.hex(SCHEMA_V2), resourceDigest(dir, "schema.knowledge"));
        assertEquals(SCHEMA_V2, liveSchema(dir, GRAPH));
        assertLedgerMatches(clean, dir, 0);
        assertSecondApplyIsANoOp(dir);
    }

    @Test
    void an_engine_failure_before_the_graph_moved_deletes_the_schema_sidecar_at_once() throws IOException {
        Path dir = Change.TYPE_ADDITION.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.TYPE_ADDITION.appliedCleanly(temp.resolve("clean"));
        long versionBefore = manifestVersion(dir, GRAPH);

        ApplyClusterResult failed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.SCHEMA_APPLY_BEFORE_STAGING_WRITE)) {
            failed = apply(dir);
        }
        assertEquals(List.of(ClusterCodes.SCHEMA_APPLY_FAILED), errorCodes(failed));
        assertTrue(failed.diagnostics().stream().anyMatch(d -> d.message().contains(
                FailpointNames.SCHEMA_APPLY_BEFORE_STAGING_WRITE)), failed.diagnostics()::toString);
        assertEquals(List.of(), sidecarFiles(dir), "nothing moved, so nothing is left to sweep");
        assertEquals(SCHEMA_V1, liveSchema(dir, GRAPH));
        assertEquals(versionBefore, manifestVersion(dir, GRAPH));

        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertFalse(codes(recovered).contains(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD));
        assertEquals(SCHEMA_V2_WITH_TOPIC, liveSchema(dir, GRAPH));
        assertLedgerMatches(clean, dir, 1);
        assertSecondApplyIsANoOp(dir);
    }

    /**
     * Reference scenario 26 (PR #284), second half: an engine failure after the manifest commit keeps the cluster's
     * schema_apply sidecar. The graph is then torn (tables of V2 published, V1 still accepted), so it does not open
     * for reading (engine {@code recovery_required}) and the next apply's sweep cannot verify the intent (row x:
     * {@code cluster_recovery_pending}, nothing changes, graph-moving work is blocked). A read-write open (here the
     * engine's recovery, as {@code omnigraph repair <root>} or any write does) promotes V2; the apply after it
     * finds the live digest equal to the desired one with the ledger stale (row 3), rolls the ledger forward and
     * converges where a clean apply ends.
     */
    @Test
    void an_engine_failure_after_the_manifest_commit_keeps_the_schema_sidecar_for_the_sweep() throws IOException {
        Path dir = Change.SCHEMA_MIGRATION.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.SCHEMA_MIGRATION.appliedCleanly(temp.resolve("clean"));
        long versionBefore = manifestVersion(dir, GRAPH);

        ApplyClusterResult failed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.SCHEMA_APPLY_AFTER_MANIFEST_COMMIT)) {
            failed = apply(dir);
        }
        assertEquals(List.of(ClusterCodes.SCHEMA_APPLY_FAILED), errorCodes(failed));
        JsonObject sidecar = onlySidecar(dir);
        assertEquals("schema_apply", sidecar.get("kind").asString(), "the graph may have moved: the sidecar stays");
        assertTrue(sidecar.get("expected_manifest_version").isNull(), "never rewritten: the engine call failed");
        assertTrue(tables.latestVersion(graphRoot(dir, GRAPH).resolve("__manifest").toString(), "main") > versionBefore,
                "the manifest moved");
        assertEquals(SCHEMA_V1, liveSchema(dir, GRAPH), "the staged schema files were not promoted");
        GraphEngineException refused = assertThrows(GraphEngineException.class, () -> manifestVersion(dir, GRAPH));
        assertEquals(GraphErrorKind.RECOVERY_REQUIRED, refused.kind(), "reads refuse until the engine recovery "
                + "promotes the schema (the reference's read-only open): " + refused.getMessage());

        ApplyClusterResult unverifiable = apply(dir);
        assertTrue(codes(unverifiable).contains(ClusterCodes.CLUSTER_RECOVERY_PENDING), unverifiable.diagnostics()::toString);
        assertFalse(unverifiable.converged());
        assertFalse(unverifiable.stateWritten());
        assertEquals("schema_apply", onlySidecar(dir).get("kind").asString(), "kept until it can be verified");
        assertEquals(SCHEMA_V1, liveSchema(dir, GRAPH));

        assertEquals(1, engine.recoverGraph(graphRoot(dir, GRAPH).toString()), "the read-write open finishes the apply");
        assertEquals(SCHEMA_V2, liveSchema(dir, GRAPH));
        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertTrue(codes(recovered).contains(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD), "row 3");
        assertEquals(1, recoveryRecords(dir).size());
        assertEquals(SCHEMA_V2, liveSchema(dir, GRAPH));
        assertLedgerMatches(clean, dir, 1);
        assertSecondApplyIsANoOp(dir);
    }

    // ---- stored query change -------------------------------------------------------------------

    @Test
    void a_crash_after_the_payload_phase_leaves_the_ledger_unmoved_and_the_rerun_reuses_the_payload() throws IOException {
        Path dir = Change.QUERY_CHANGE.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.QUERY_CHANGE.appliedCleanly(temp.resolve("clean"));
        byte[] ledgerBefore = ledgerBytes(dir);
        Map<String, String> statusesBefore = statuses(state(dir));

        ApplyClusterResult crashed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.CLUSTER_APPLY_AFTER_PAYLOAD_PHASE)) {
            crashed = apply(dir);
        }
        assertInjected(crashed, FailpointNames.CLUSTER_APPLY_AFTER_PAYLOAD_PHASE);
        assertNothingAcknowledged(crashed, dir, ledgerBefore);
        assertEquals(statusesBefore, statuses(crashed), "no phantom status: the persisted ones are reported");
        assertTrue(Files.isRegularFile(queryPayload(dir, QUERY_V2)), "the payload is on disk, inert");
        assertEquals(List.of(), sidecarFiles(dir), "a catalog change fences no graph");

        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertFalse(codes(recovered).contains(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD));
        assertEquals(Sha256.hex(QUERY_V2), resourceDigest(dir, "query.knowledge.find_person"));
        assertEquals(SCHEMA_V1, liveSchema(dir, GRAPH));
        assertLedgerMatches(clean, dir, 0);
        assertSecondApplyIsANoOp(dir);
    }

    @Test
    void a_concurrent_ledger_write_before_the_state_write_fails_the_compare_and_swap() throws IOException {
        Path dir = Change.QUERY_CHANGE.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.QUERY_CHANGE.appliedCleanly(temp.resolve("clean"));
        Path ledger = dir.resolve("__cluster/state.json");

        ApplyClusterResult raced;
        try (ScopedFailpoint ignored = ScopedFailpoint.callback(FailpointNames.CLUSTER_APPLY_BEFORE_STATE_WRITE,
                () -> playConcurrentWriter(ledger))) {
            raced = apply(dir);
        }
        assertFalse(raced.ok());
        assertEquals(List.of(ClusterCodes.STATE_CAS_MISMATCH), errorCodes(raced), "the CAS failed on its own");
        assertFalse(raced.stateWritten());
        assertFalse(raced.converged());
        JsonObject onDisk = state(dir);
        assertEquals(99, onDisk.get("state_revision").asNumber().longValueExact(), "the concurrent writer's ledger stays");
        assertEquals(Sha256.hex(QUERY_V1), resourceDigest(dir, "query.knowledge.find_person"));
        assertTrue(Files.isRegularFile(queryPayload(dir, QUERY_V2)), "payloads written before the race are inert");

        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertEquals(100, state(dir).get("state_revision").asNumber().longValueExact(), "re-run against the new ledger");
        assertEquals(clean.appliedRevision(), state(dir).get("applied_revision"));
        assertEquals(clean.statuses(), statuses(state(dir)));
        assertSecondApplyIsANoOp(dir);
    }

    // ---- approved graph delete -----------------------------------------------------------------

    @Test
    void a_crash_before_the_graph_delete_is_retired_and_the_still_approved_delete_reruns() throws IOException {
        Path dir = Change.GRAPH_DELETE.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.GRAPH_DELETE.appliedCleanly(temp.resolve("clean"));
        String approvalId = onlyApproval(dir);

        ApplyClusterResult crashed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.CLUSTER_APPLY_BEFORE_GRAPH_DELETE)) {
            crashed = apply(dir);
        }
        assertInjected(crashed, FailpointNames.CLUSTER_APPLY_BEFORE_GRAPH_DELETE);
        JsonObject sidecar = onlySidecar(dir);
        assertEquals("graph_delete", sidecar.get("kind").asString());
        assertEquals(approvalId, sidecar.get("approval_id").asString());
        assertTrue(Files.isRegularFile(graphRoot(dir, ARCHIVE).resolve("_schema.pg")), "the root is intact");
        assertTrue(approval(dir, approvalId).get("consumed_at").isNull(), "the approval is not consumed");
        assertEquals("graph_delete_failed", crashed.resourceStatuses().get("graph.archive").conditions().get(0));

        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertTrue(codes(recovered).contains(ClusterCodes.GRAPH_DELETE_INCOMPLETE), "row 8: retired, re-proposed");
        assertFalse(codes(recovered).contains(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD));
        assertEquals(List.of(), rootFiles(dir, ARCHIVE));
        JsonObject state = state(dir);
        assertEquals(Set.of(), recoveryRecords(dir));
        assertEquals("apply", state.get("approval_records").asObject().get(approvalId).asObject()
                .get("consumed_by_operation").asString(), "consumed by the re-run delete itself");
        assertFalse(approval(dir, approvalId).get("consumed_at").isNull());
        assertEquals(SCHEMA_V1, liveSchema(dir, GRAPH));
        assertLedgerMatches(clean, dir, 1);
        assertSecondApplyIsANoOp(dir);
    }

    @Test
    void a_crash_after_the_graph_delete_is_rolled_forward_and_consumes_the_approval() throws IOException {
        Path dir = Change.GRAPH_DELETE.prepare(temp.resolve("crash"));
        ClusterSnapshot clean = Change.GRAPH_DELETE.appliedCleanly(temp.resolve("clean"));
        String approvalId = onlyApproval(dir);
        byte[] ledgerBefore = ledgerBytes(dir);

        ApplyClusterResult crashed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.CLUSTER_APPLY_AFTER_GRAPH_DELETE)) {
            crashed = apply(dir);
        }
        assertInjected(crashed, FailpointNames.CLUSTER_APPLY_AFTER_GRAPH_DELETE);
        assertNothingAcknowledged(crashed, dir, ledgerBefore);
        assertEquals(List.of(), rootFiles(dir, ARCHIVE), "the root is gone");
        assertFalse(Files.exists(graphRoot(dir, ARCHIVE)), "no empty folder is left behind");
        JsonObject sidecar = onlySidecar(dir);
        assertEquals("graph_delete", sidecar.get("kind").asString());
        assertEquals(approvalId, sidecar.get("approval_id").asString());
        assertTrue(approval(dir, approvalId).get("consumed_at").isNull());

        ApplyClusterResult recovered = apply(dir);
        assertRecovered(recovered, dir);
        assertRolledForward(recovered, dir, sidecar, "graph_delete", "graph.archive");
        JsonObject state = state(dir);
        assertEquals("tombstone", state.get("observations").asObject().get("graph.archive").asObject().get("kind")
                .asString());
        assertEquals(sidecar.get("operation_id").asString(), state.get("approval_records").asObject().get(approvalId)
                .asObject().get("consumed_by_operation").asString(), "consumed by the interrupted operation");
        assertFalse(approval(dir, approvalId).get("consumed_at").isNull(), "the artifact is marked consumed");
        assertEquals(SCHEMA_V1, liveSchema(dir, GRAPH));
        assertLedgerMatches(clean, dir, 0);
        assertSecondApplyIsANoOp(dir);
    }

    // ---- the config changes --------------------------------------------------------------------

    /** A starting cluster and the config change an apply then carries out. */
    private enum Change {
        /** Imported ledger, declared graph without a root: apply creates it. */
        GRAPH_CREATE {
            @Override
            void setUp(Path dir) throws IOException {
                writeCluster(dir, false);
                importLedger(dir);
            }
        },
        /** Converged on V1, then people.pg edited to V2. */
        SCHEMA_MIGRATION {
            @Override
            void setUp(Path dir) throws IOException {
                writeCluster(dir, false);
                converge(dir);
                Files.writeString(dir.resolve("people.pg"), SCHEMA_V2);
            }
        },
        /** Converged on V1, then a node type added to people.pg. */
        TYPE_ADDITION {
            @Override
            void setUp(Path dir) throws IOException {
                writeCluster(dir, false);
                converge(dir);
                Files.writeString(dir.resolve("people.pg"), SCHEMA_V2_WITH_TOPIC);
            }
        },
        /** Converged, then the stored query edited. */
        QUERY_CHANGE {
            @Override
            void setUp(Path dir) throws IOException {
                writeCluster(dir, false);
                converge(dir);
                Files.writeString(dir.resolve("people.gq"), QUERY_V2);
            }
        },
        /** Converged with two graphs, then {@code archive} removed from cluster.yaml and its delete approved. */
        GRAPH_DELETE {
            @Override
            void setUp(Path dir) throws IOException {
                writeCluster(dir, true);
                converge(dir);
                Files.writeString(dir.resolve("cluster.yaml"), CLUSTER_YAML);
                ApproveClusterChangeResult approved = cluster.approve(new ApproveClusterChangeCommand(dir.toString(),
                        "graph.archive", "act-admin"));
                assertTrue(approved.ok(), () -> approved.diagnostics().toString());
            }
        };

        abstract void setUp(Path dir) throws IOException;

        Path prepare(Path dir) throws IOException {
            Files.createDirectories(dir);
            setUp(dir);
            assertEquals(List.of(), sidecarFiles(dir));
            return dir;
        }

        /** The same change applied without a crash: the ledger a recovery must end at. */
        ClusterSnapshot appliedCleanly(Path dir) throws IOException {
            prepare(dir);
            ApplyClusterResult applied = apply(dir);
            assertTrue(applied.ok() && applied.converged(), () -> applied.diagnostics().toString());
            JsonObject state = state(dir);
            return new ClusterSnapshot(state.get("state_revision").asNumber().longValueExact(),
                    state.get("applied_revision"), statuses(state));
        }
    }

    /** What a clean apply of a change leaves in the ledger. */
    private record ClusterSnapshot(long revision, JsonValue appliedRevision, Map<String, String> statuses) {
    }

    private static void writeCluster(Path dir, boolean withArchive) throws IOException {
        Files.writeString(dir.resolve("people.pg"), SCHEMA_V1);
        Files.writeString(dir.resolve("people.gq"), QUERY_V1);
        Files.writeString(dir.resolve("archive.pg"), ARCHIVE_SCHEMA);
        Files.writeString(dir.resolve("cluster.yaml"), withArchive ? CLUSTER_YAML + ARCHIVE_YAML : CLUSTER_YAML);
    }

    private static void importLedger(Path dir) {
        SyncClusterStateResult imported = cluster.syncState(new SyncClusterStateCommand(dir.toString(), StateSync.IMPORT,
                Optional.empty()));
        assertTrue(imported.ok(), () -> imported.diagnostics().toString());
    }

    private static void converge(Path dir) {
        importLedger(dir);
        ApplyClusterResult applied = apply(dir);
        assertTrue(applied.ok() && applied.converged(), () -> applied.diagnostics().toString());
    }

    /** Rewrites the ledger as another writer would (valid JSON, revision 99) between apply's read and its write. */
    private static void playConcurrentWriter(Path ledger) {
        try {
            String text = Files.readString(ledger);
            String rewritten = text.replaceFirst("\"state_revision\": \\d+", "\"state_revision\": 99");
            assertNotEquals(text, rewritten, "the ledger must carry a state_revision to rewrite");
            Files.writeString(ledger, rewritten);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    // ---- assertions ----------------------------------------------------------------------------

    private static ApplyClusterResult apply(Path dir) {
        return cluster.apply(new ApplyClusterCommand(dir.toString(), Optional.of(ACTOR)));
    }

    private static void assertInjected(ApplyClusterResult crashed, String failpoint) {
        assertFalse(crashed.ok());
        assertFalse(crashed.converged());
        assertEquals(List.of(ClusterCodes.INJECTED_FAILPOINT), errorCodes(crashed), crashed.diagnostics()::toString);
        ClusterDiagnostic injected = crashed.diagnostics().stream().filter(ClusterDiagnostic::isError).findFirst()
                .orElseThrow();
        assertEquals(failpoint, injected.path());
        assertEquals("injected failpoint triggered: " + failpoint, injected.message());
    }

    /** An after-the-engine window: the run stopped before its ledger write and counted nothing as applied. */
    private static void assertNothingAcknowledged(ApplyClusterResult crashed, Path dir, byte[] ledgerBefore)
            throws IOException {
        assertFalse(crashed.stateWritten());
        assertEquals(0, crashed.appliedCount());
        assertEquals(hex(ledgerBefore), hex(ledgerBytes(dir)), "the ledger is byte-identical");
        assertFalse(Files.exists(dir.resolve("__cluster/lock.json")), "the lock was released");
    }

    private static void assertRecovered(ApplyClusterResult recovered, Path dir) throws IOException {
        assertTrue(recovered.ok(), () -> recovered.diagnostics().toString());
        assertTrue(recovered.converged(), () -> recovered.toJson().toString());
        assertTrue(recovered.stateWritten());
        assertEquals(List.of(), sidecarFiles(dir), "no sidecar is left behind");
    }

    private static void assertRolledForward(ApplyClusterResult recovered, Path dir, JsonObject sidecar, String kind,
                                            String graphAddress) throws IOException {
        assertTrue(recovered.diagnostics().stream().anyMatch(d -> d.code().equals(
                ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD) && d.path().equals(graphAddress)),
                recovered.diagnostics()::toString);
        JsonObject records = state(dir).get("recovery_records").asObject();
        assertEquals(List.of(sidecar.get("operation_id").asString()), List.copyOf(records.keys()));
        JsonObject record = records.get(sidecar.get("operation_id").asString()).asObject();
        assertEquals(kind, record.get("kind").asString());
        assertEquals("rolled_forward", record.get("outcome").asString());
        assertEquals(ACTOR, record.get("actor").asString());
    }

    /**
     * The ledger ends where a clean apply of the same change puts it: the same applied revision (config
     * digest and every resource digest) and statuses, {@code extraRevisions} above its revision (one when
     * the crashed run itself recorded blocked statuses).
     */
    private static void assertLedgerMatches(ClusterSnapshot clean, Path dir, int extraRevisions) throws IOException {
        JsonObject state = state(dir);
        assertEquals(clean.appliedRevision(), state.get("applied_revision"));
        assertEquals(clean.statuses(), statuses(state));
        assertEquals(clean.revision() + extraRevisions, state.get("state_revision").asNumber().longValueExact());
    }

    private static void assertSecondApplyIsANoOp(Path dir) throws IOException {
        Map<String, String> before = files(dir);
        ApplyClusterResult again = apply(dir);
        assertTrue(again.ok(), () -> again.diagnostics().toString());
        assertEquals(List.of(), again.changes());
        assertTrue(again.converged());
        assertFalse(again.stateWritten());
        assertEquals(before, files(dir), "a converged re-apply writes nothing");
    }

    // ---- reading the storage root --------------------------------------------------------------

    private static JsonObject state(Path dir) throws IOException {
        return Codecs.json().decode("state", Files.readString(dir.resolve("__cluster/state.json"))).asObject();
    }

    private static byte[] ledgerBytes(Path dir) throws IOException {
        return Files.readAllBytes(dir.resolve("__cluster/state.json"));
    }

    private static String resourceDigest(Path dir, String address) throws IOException {
        return state(dir).get("applied_revision").asObject().get("resources").asObject().get(address).asObject()
                .get("digest").asString();
    }

    /** {@code address -> status/conditions} of a ledger. */
    private static Map<String, String> statuses(JsonObject state) {
        Map<String, String> statuses = new TreeMap<>();
        state.find("resource_statuses").ifPresent(all -> all.asObject().members().forEach((address, status) ->
                statuses.put(address, status.asObject().get("status").asString() + "/"
                        + status.asObject().find("conditions").map(Object::toString).orElse(""))));
        return statuses;
    }

    private static Map<String, String> statuses(ApplyClusterResult result) {
        Map<String, String> statuses = new TreeMap<>();
        result.resourceStatuses().forEach((address, status) -> statuses.put(address, status.status().label() + "/"
                + status.toJson().find("conditions").map(Object::toString).orElse("")));
        return statuses;
    }

    private static List<String> sidecarFiles(Path dir) throws IOException {
        return list(dir.resolve("__cluster/recoveries"));
    }

    private static JsonObject onlySidecar(Path dir) throws IOException {
        List<String> sidecars = sidecarFiles(dir);
        assertEquals(1, sidecars.size(), sidecars::toString);
        return Codecs.json().decode("sidecar", Files.readString(dir.resolve("__cluster/recoveries").resolve(
                sidecars.get(0)))).asObject();
    }

    private static String onlyApproval(Path dir) throws IOException {
        List<String> approvals = list(dir.resolve("__cluster/approvals"));
        assertEquals(1, approvals.size(), approvals::toString);
        return approvals.get(0).replace(".json", "");
    }

    private static JsonObject approval(Path dir, String approvalId) throws IOException {
        return Codecs.json().decode("approval", Files.readString(dir.resolve("__cluster/approvals/" + approvalId
                + ".json"))).asObject();
    }

    private static Path queryPayload(Path dir, String query) {
        return dir.resolve("__cluster/resources/query/knowledge/find_person/" + Sha256.hex(query) + ".gq");
    }

    /** The operations the sweep recorded as recovered. */
    private static Set<String> recoveryRecords(Path dir) throws IOException {
        return state(dir).find("recovery_records").map(records -> records.asObject().keys()).orElse(Set.of());
    }

    /** The files left under a graph root, the local store's lock bookkeeping aside. */
    private static List<String> rootFiles(Path dir, String graphId) throws IOException {
        Path root = graphRoot(dir, graphId);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString())
                    .filter(relative -> !relative.startsWith(".omnigraph-")).sorted().toList();
        }
    }

    private static Path graphRoot(Path dir, String graphId) {
        return dir.resolve("graphs/" + graphId + ".omni");
    }

    /** The accepted schema source of a graph root. */
    private static String liveSchema(Path dir, String graphId) throws IOException {
        return Files.readString(graphRoot(dir, graphId).resolve("_schema.pg"));
    }

    /** Main's manifest version, read by opening the graph (so it also proves the graph opens). */
    private static long manifestVersion(Path dir, String graphId) {
        return engine.snapshot(new SnapshotQuery(graphRoot(dir, graphId).toString(), "main")).manifestVersion();
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** Every file under the storage root (the local store's bookkeeping excluded) with the hash of its bytes. */
    private static Map<String, String> files(Path dir) throws IOException {
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

    private static List<String> errorCodes(ApplyClusterResult result) {
        return result.diagnostics().stream().filter(ClusterDiagnostic::isError).map(ClusterDiagnostic::code).toList();
    }

    private static List<String> codes(ApplyClusterResult result) {
        return result.diagnostics().stream().map(ClusterDiagnostic::code).toList();
    }

    private static String hex(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
