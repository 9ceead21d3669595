package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.objectstore.s3.S3ProxyServer;
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
import dev.omnigraph.domain.cluster.drift.StateSync;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.ports.in.ApplyClusterCommand;
import dev.omnigraph.ports.in.ApplyClusterResult;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.in.SyncClusterStateCommand;
import dev.omnigraph.ports.in.SyncClusterStateResult;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash windows of {@code cluster apply} with the storage root on S3 (S3Proxy in this JVM, Lance and the
 * object-store port both talking S3 to it): the config stays in a local folder with {@code storage:
 * s3://bucket/prefix}, a {@code cluster_apply.*} failpoint interrupts an apply after the engine moved the
 * graph, and the next plain apply recovers exactly as on local disk ({@link ClusterCrashWindowsOnLanceTest}):
 * the sidecar is found on the bucket, classified against the graph read through Lance on S3, rolled forward
 * into the ledger with its {@code recovery_records} entry and warning, and removed; the ledger ends at what a
 * clean apply of the same change writes, and a further apply writes nothing. The failpoint registry is
 * process-wide: this class must not run in parallel with other applies.
 */
class ClusterCrashWindowsOnS3Test {

    private static final String GRAPH = "knowledge";
    private static final String ACTOR = "act-crash";
    private static final String SCHEMA_V1 = """
            node Person {
                name: String @key
                age: I32?
            }
            """;
    private static final String SCHEMA_V2 = SCHEMA_V1.replace("    age: I32?\n", "    age: I32?\n    bio: String?\n");
    private static final String QUERY = """
            query find_person($name: String) {
                match { $p: Person { name: $name } }
                return { $p.name, $p.age }
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

    private static S3ProxyServer s3;
    private static ObjectStoreLocator stores;
    private static TableStorage tables;
    private static GraphEngineService engine;
    private static ClusterService cluster;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.start();
        Map<String, String> environment = s3.environment();
        stores = ObjectStores.locator(environment);
        tables = TableStorages.lance(LanceProperties.defaults(), environment);
        engine = new GraphEngineService(stores, tables, Codecs.json(), SystemServices.clock(), SystemServices.ids());
        cluster = new ClusterService(stores, Codecs.yaml(), Codecs.json(), SystemServices.clock(), SystemServices.ids(),
                engine, engine, new LanguageService(engine, SystemServices.ids()), new SchemaApplyService(engine), tables);
    }

    @AfterAll
    static void stop() throws Exception {
        if (tables != null) {
            tables.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void a_crash_after_the_graph_create_on_s3_is_rolled_forward_by_the_next_apply() throws IOException {
        String bucket = s3.newBucket();
        OnS3 crash = OnS3.prepare(temp.resolve("crash"), "s3://" + bucket + "/clusters/crash", false);
        Map<String, String> clean = OnS3.prepare(temp.resolve("clean"), "s3://" + bucket + "/clusters/clean", false)
                .appliedCleanly();
        byte[] ledgerBefore = crash.ledgerBytes();

        ApplyClusterResult crashed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.CLUSTER_APPLY_AFTER_GRAPH_CREATE)) {
            crashed = crash.apply();
        }
        assertInjected(crashed, FailpointNames.CLUSTER_APPLY_AFTER_GRAPH_CREATE);
        crash.assertNothingAcknowledged(crashed, ledgerBefore);
        JsonObject sidecar = crash.onlySidecar();
        assertEquals("graph_create", sidecar.get("kind").asString());
        assertEquals(crash.root() + "/graphs/knowledge.omni", sidecar.get("graph_uri").asString());
        assertEquals(crash.manifestVersion(), sidecar.get("expected_manifest_version").asNumber().longValueExact());
        assertEquals(SCHEMA_V1, crash.liveSchema());

        ApplyClusterResult recovered = crash.apply();
        crash.assertRecovered(recovered);
        crash.assertRolledForward(recovered, sidecar, "graph_create");
        assertEquals(clean, crash.ledgerSummary(), "the ledger ends where a clean apply puts it");
        crash.assertSecondApplyIsANoOp();
    }

    @Test
    void a_crash_after_the_schema_apply_on_s3_is_rolled_forward_by_the_next_apply() throws IOException {
        String bucket = s3.newBucket();
        OnS3 crash = OnS3.prepare(temp.resolve("crash"), "s3://" + bucket + "/clusters/crash", true);
        Map<String, String> clean = OnS3.prepare(temp.resolve("clean"), "s3://" + bucket + "/clusters/clean", true)
                .appliedCleanly();
        byte[] ledgerBefore = crash.ledgerBytes();

        ApplyClusterResult crashed;
        try (ScopedFailpoint ignored = ScopedFailpoint.fail(FailpointNames.CLUSTER_APPLY_AFTER_SCHEMA_APPLY)) {
            crashed = crash.apply();
        }
        assertInjected(crashed, FailpointNames.CLUSTER_APPLY_AFTER_SCHEMA_APPLY);
        crash.assertNothingAcknowledged(crashed, ledgerBefore);
        assertEquals(SCHEMA_V2, crash.liveSchema(), "the migration landed on S3");
        JsonObject sidecar = crash.onlySidecar();
        assertEquals("schema_apply", sidecar.get("kind").asString());
        assertEquals(crash.manifestVersion(), sidecar.get("expected_manifest_version").asNumber().longValueExact());

        ApplyClusterResult recovered = crash.apply();
        crash.assertRecovered(recovered);
        crash.assertRolledForward(recovered, sidecar, "schema_apply");
        assertEquals(SCHEMA_V2, crash.liveSchema());
        assertEquals(clean, crash.ledgerSummary(), "the ledger ends where a clean apply puts it");
        crash.assertSecondApplyIsANoOp();
    }

    /** A cluster config folder whose storage root is an S3 prefix, and what the tests read from that root. */
    private record OnS3(Path dir, String root, ObjectStore store) {

        /**
         * Writes the config with {@code storage: root} and imports the ledger; with {@code migrated}, converges on
         * V1 first and then edits the schema to V2, so the next apply migrates.
         */
        static OnS3 prepare(Path dir, String root, boolean migrated) throws IOException {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("people.pg"), SCHEMA_V1);
            Files.writeString(dir.resolve("people.gq"), QUERY);
            Files.writeString(dir.resolve("cluster.yaml"), CLUSTER_YAML + "storage: " + root + "\n");
            OnS3 cluster = new OnS3(dir, root, stores.locate(root));
            SyncClusterStateResult imported = ClusterCrashWindowsOnS3Test.cluster.syncState(new SyncClusterStateCommand(
                    dir.toString(), StateSync.IMPORT, Optional.empty()));
            assertTrue(imported.ok(), () -> imported.diagnostics().toString());
            if (migrated) {
                ApplyClusterResult applied = cluster.apply();
                assertTrue(applied.ok() && applied.converged(), () -> applied.diagnostics().toString());
                Files.writeString(dir.resolve("people.pg"), SCHEMA_V2);
            }
            assertEquals(List.of(), cluster.sidecars());
            assertFalse(Files.exists(dir.resolve("__cluster")), "nothing of the ledger is written next to the config");
            return cluster;
        }

        ApplyClusterResult apply() {
            return cluster.apply(new ApplyClusterCommand(dir.toString(), Optional.of(ACTOR)));
        }

        /** Applies without a crash and returns the ledger summary a recovery must end at. */
        Map<String, String> appliedCleanly() {
            ApplyClusterResult applied = apply();
            assertTrue(applied.ok() && applied.converged(), () -> applied.diagnostics().toString());
            return ledgerSummary();
        }

        byte[] ledgerBytes() {
            return store.get(new ObjectKey("__cluster/state.json")).bytes();
        }

        JsonObject state() {
            return Codecs.json().decode("state", store.get(new ObjectKey("__cluster/state.json")).text()).asObject();
        }

        /**
         * The revision, the applied resource digests and each resource's status and conditions: what a recovery
         * and a clean apply must agree on. The applied config digest covers {@code storage:}, which differs
         * between the two, and status messages name the root; {@link #assertConfigDigestApplied} checks the former.
         */
        Map<String, String> ledgerSummary() {
            JsonObject state = state();
            Map<String, String> summary = new TreeMap<>();
            summary.put("state_revision", state.get("state_revision").toString());
            JsonObject applied = state.get("applied_revision").asObject();
            summary.put("applied resources", applied.get("resources").toString());
            state.find("resource_statuses").ifPresent(all -> all.asObject().members().forEach((address, status) ->
                    summary.put("status of " + address, status.asObject().get("status").asString() + "/"
                            + status.asObject().find("conditions").map(Object::toString).orElse(""))));
            return summary;
        }

        List<String> sidecars() {
            return store.list("__cluster/recoveries/").stream().map(ObjectKey::value).toList();
        }

        JsonObject onlySidecar() {
            List<String> sidecars = sidecars();
            assertEquals(1, sidecars.size(), sidecars::toString);
            return Codecs.json().decode("sidecar", store.get(new ObjectKey(sidecars.get(0))).text()).asObject();
        }

        String liveSchema() {
            return store.get(new ObjectKey("graphs/" + GRAPH + ".omni/_schema.pg")).text();
        }

        long manifestVersion() {
            return engine.snapshot(new SnapshotQuery(root + "/graphs/" + GRAPH + ".omni", "main")).manifestVersion();
        }

        /** Every object under the root with its ETag. */
        Map<String, String> inventory() {
            Map<String, String> objects = new TreeMap<>();
            for (ObjectKey key : store.list("")) {
                objects.put(key.value(), store.get(key).version().toString());
            }
            return objects;
        }

        void assertNothingAcknowledged(ApplyClusterResult crashed, byte[] ledgerBefore) {
            assertFalse(crashed.stateWritten());
            assertEquals(0, crashed.appliedCount());
            assertEquals(new String(ledgerBefore, StandardCharsets.UTF_8), new String(ledgerBytes(), StandardCharsets.UTF_8),
                    "the ledger is byte-identical");
            assertFalse(store.exists(new ObjectKey("__cluster/lock.json")), "the lock was released");
        }

        /** The ledger records the config digest this folder's config has now. */
        void assertConfigDigestApplied(ApplyClusterResult recovered) {
            assertEquals(recovered.configDigest().orElseThrow(),
                    state().get("applied_revision").asObject().get("config_digest").asString());
        }

        void assertRecovered(ApplyClusterResult recovered) {
            assertTrue(recovered.ok(), () -> recovered.diagnostics().toString());
            assertConfigDigestApplied(recovered);
            assertTrue(recovered.converged(), () -> recovered.toJson().toString());
            assertTrue(recovered.stateWritten());
            assertEquals(List.of(), sidecars(), "no sidecar is left behind");
        }

        void assertRolledForward(ApplyClusterResult recovered, JsonObject sidecar, String kind) {
            assertTrue(recovered.diagnostics().stream().anyMatch(d -> d.code().equals(
                    ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD) && d.path().equals("graph." + GRAPH)),
                    recovered.diagnostics()::toString);
            JsonObject records = state().get("recovery_records").asObject();
            String operation = sidecar.get("operation_id").asString();
            assertEquals(List.of(operation), List.copyOf(records.keys()));
            JsonObject record = records.get(operation).asObject();
            assertEquals(kind, record.get("kind").asString());
            assertEquals("rolled_forward", record.get("outcome").asString());
            assertEquals(ACTOR, record.get("actor").asString());
        }

        void assertSecondApplyIsANoOp() {
            Map<String, String> before = inventory();
            ApplyClusterResult again = apply();
            assertTrue(again.ok(), () -> again.diagnostics().toString());
            assertEquals(List.of(), again.changes());
            assertTrue(again.converged());
            assertFalse(again.stateWritten());
            assertEquals(before, inventory(), "a converged re-apply writes nothing");
        }
    }

    private static void assertInjected(ApplyClusterResult crashed, String failpoint) {
        assertFalse(crashed.ok());
        assertFalse(crashed.converged());
        List<ClusterDiagnostic> errors = crashed.diagnostics().stream().filter(ClusterDiagnostic::isError).toList();
        assertEquals(List.of(ClusterCodes.INJECTED_FAILPOINT), errors.stream().map(ClusterDiagnostic::code).toList(),
                crashed.diagnostics()::toString);
        assertEquals(failpoint, errors.get(0).path());
    }
}
