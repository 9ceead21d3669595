package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.omnigraph.bootstrap.FaultyStorage.Operation;
import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.drift.StateSync;
import dev.omnigraph.domain.cluster.plan.PlanChange;
import dev.omnigraph.domain.lang.Severity;
import dev.omnigraph.ports.in.ApplyClusterCommand;
import dev.omnigraph.ports.in.ApplyClusterResult;
import dev.omnigraph.ports.in.ApproveClusterChangeCommand;
import dev.omnigraph.ports.in.ApproveClusterChangeResult;
import dev.omnigraph.ports.in.ClusterStatusQuery;
import dev.omnigraph.ports.in.ClusterStatusResult;
import dev.omnigraph.ports.in.ForceUnlockClusterCommand;
import dev.omnigraph.ports.in.PlanClusterCommand;
import dev.omnigraph.ports.in.PlanClusterResult;
import dev.omnigraph.ports.in.SyncClusterStateCommand;
import dev.omnigraph.ports.in.SyncClusterStateResult;
import dev.omnigraph.ports.in.ValidateClusterCommand;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnostic codes of the control plane's catalogue (cluster notes §6.4) that no other test produces,
 * each produced here the way an operator meets it, through the cluster service on real adapters: config
 * files that cannot be used, storage that cannot be opened, a lock, ledger, approval folder, catalog or
 * recovery folder that cannot be read or written (on a disk where root may do anything these come from
 * {@link FaultyStorage}), graph steps that fail, are skipped or meet a source file edited mid-run, and a plan
 * that cannot preview a migration. Each test also pins what the finding leaves behind. The failpoint
 * registry is process-wide: this class must not run in parallel with other applies.
 */
class ClusterDiagnosticsOnLanceTest {

    private static final String SCHEMA = """
            node Person {
                name: String @key
                age: I32?
            }
            """;
    private static final String QUERY = """
            query find_person($name: String) {
                match { $p: Person { name: $name } }
                return { $p.name, $p.age }
            }
            """;
    private static final String POLICY = """
            version: 1
            groups:
              readers: ["act-reader"]
            rules:
              - id: readers-read
                allow:
                  actors: { group: readers }
                  actions: [read]
                  branch_scope: any
            """;
    private static final String CLUSTER_YAML = """
            version: 1
            graphs:
              knowledge:
                schema: people.pg
                queries:
                  find_person: { file: people.gq }
            """;

    private static TableStorage tables;
    private static GraphEngineService engine;

    private final FaultyStorage storage = new FaultyStorage();
    private ClusterService cluster;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        tables = TableStorages.lance(LanceProperties.defaults());
        engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(),
                SystemServices.ids());
    }

    @AfterAll
    static void stop() throws Exception {
        tables.close();
    }

    @BeforeEach
    void wire() {
        cluster = new ClusterService(storage, Codecs.yaml(), Codecs.json(), SystemServices.clock(), SystemServices.ids(),
                engine, engine, new LanguageService(engine, SystemServices.ids()), new SchemaApplyService(engine), tables);
    }

    @AfterEach
    void heal() {
        storage.heal();
    }

    // ---- config files --------------------------------------------------------------------------

    static Stream<Arguments> unusableConfigs() {
        return Stream.of(
                Arguments.of("cluster.yaml is not UTF-8", (Consumer<Path>) dir -> bytes(dir, "cluster.yaml",
                        new byte[] {'v', (byte) 0xff, (byte) 0xfe}), List.of(ClusterCodes.CLUSTER_CONFIG_READ_ERROR),
                        List.of()),
                Arguments.of("the schema file is missing", (Consumer<Path>) dir -> delete(dir, "people.pg"),
                        List.of(ClusterCodes.SCHEMA_FILE_MISSING), List.of(ClusterCodes.QUERY_TYPECHECK_SKIPPED)),
                Arguments.of("the schema does not parse", (Consumer<Path>) dir -> write(dir, "people.pg", "node Person {"),
                        List.of(ClusterCodes.SCHEMA_PARSE_ERROR), List.of(ClusterCodes.QUERY_TYPECHECK_SKIPPED)),
                Arguments.of("the schema does not compile", (Consumer<Path>) dir -> write(dir, "people.pg",
                        SCHEMA + "edge Knows: Person -> Ghost\n"), List.of(ClusterCodes.SCHEMA_CATALOG_ERROR),
                        List.of(ClusterCodes.QUERY_TYPECHECK_SKIPPED)),
                Arguments.of("the query folder holds no .gq file", (Consumer<Path>) dir -> {
                    write(dir, "queries/notes.txt", "not a query\n");
                    write(dir, "cluster.yaml", CLUSTER_YAML.replace("queries:\n      find_person: { file: people.gq }",
                            "queries: queries/"));
                }, List.of(), List.of(ClusterCodes.QUERY_DIR_EMPTY)),
                Arguments.of("a query file is missing", (Consumer<Path>) dir -> delete(dir, "people.gq"),
                        List.of(ClusterCodes.QUERY_FILE_MISSING), List.of()),
                Arguments.of("a query file does not parse", (Consumer<Path>) dir -> write(dir, "people.gq", "query ("),
                        List.of(ClusterCodes.QUERY_PARSE_ERROR), List.of()),
                Arguments.of("a mapped file lacks the query", (Consumer<Path>) dir -> write(dir, "cluster.yaml",
                        CLUSTER_YAML.replace("find_person: {", "find_someone: {")),
                        List.of(ClusterCodes.QUERY_KEY_MISMATCH), List.of()),
                Arguments.of("a query does not type-check", (Consumer<Path>) dir -> write(dir, "people.gq",
                        QUERY.replace("$p.age", "$p.salary")), List.of(ClusterCodes.QUERY_TYPECHECK_ERROR), List.of()),
                Arguments.of("a policy file is missing", (Consumer<Path>) dir -> write(dir, "cluster.yaml", CLUSTER_YAML
                        + "policies:\n  readers: { file: missing.policy.yaml, applies_to: [knowledge] }\n"),
                        List.of(ClusterCodes.POLICY_FILE_MISSING), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableConfigs")
    void config_files_that_cannot_be_used_are_reported_and_stop_before_storage(String what, Consumer<Path> breakIt,
            List<String> errors, List<String> warnings) {
        Path dir = knowledgeCluster();
        breakIt.accept(dir);
        List<ClusterDiagnostic> validated = cluster.validate(new ValidateClusterCommand(dir.toString())).diagnostics();
        assertEquals(errors, codes(validated, Severity.ERROR), validated::toString);
        assertTrue(codes(validated, Severity.WARNING).containsAll(warnings), validated::toString);
        if (!errors.isEmpty()) {
            ApplyClusterResult applied = cluster.apply(new ApplyClusterCommand(dir.toString(), Optional.empty()));
            assertEquals(errors, codes(applied.diagnostics(), Severity.ERROR));
            assertFalse(Files.exists(dir.resolve("__cluster")), "an invalid config stops before the storage root");
        }
    }

    @Test
    void a_query_folder_that_cannot_be_listed_is_query_dir_unreadable() {
        Path dir = knowledgeCluster();
        write(dir, "queries/people.gq", QUERY);
        write(dir, "cluster.yaml", CLUSTER_YAML.replace("queries:\n      find_person: { file: people.gq }",
                "queries: queries/"));
        storage.fail(dir.resolve("queries").toString(), Operation.LIST, "");
        List<ClusterDiagnostic> validated = cluster.validate(new ValidateClusterCommand(dir.toString())).diagnostics();
        assertEquals(List.of(ClusterCodes.QUERY_DIR_UNREADABLE), codes(validated, Severity.ERROR));
        assertEquals("graphs.knowledge.queries", validated.get(0).path());
    }

    @Test
    void a_storage_root_the_backend_cannot_open_is_storage_root_invalid() {
        Path dir = knowledgeCluster();
        write(dir, "cluster.yaml", "storage: gs://bucket/clusters\n" + CLUSTER_YAML);
        assertTrue(cluster.validate(new ValidateClusterCommand(dir.toString())).ok(), "validate does not open storage");
        PlanClusterResult plan = cluster.plan(new PlanClusterCommand(dir.toString()));
        assertEquals(List.of(ClusterCodes.STORAGE_ROOT_INVALID), codes(plan.diagnostics(), Severity.ERROR));
        assertEquals("storage", plan.diagnostics().get(0).path());
        assertFalse(plan.stateObservations().lockAcquired());
    }

    // ---- the lock ------------------------------------------------------------------------------

    @Test
    void with_the_lock_disabled_commands_run_without_it_and_warn() {
        Path dir = knowledgeCluster();
        write(dir, "cluster.yaml", CLUSTER_YAML + "state: { backend: cluster, lock: false }\n");
        SyncClusterStateResult imported = importLedger(dir);
        assertEquals(List.of(ClusterCodes.STATE_LOCK_DISABLED), codes(imported.diagnostics(), Severity.WARNING));
        ApplyClusterResult applied = apply(dir);
        assertTrue(applied.ok() && applied.converged(), applied.diagnostics()::toString);
        assertEquals(List.of(ClusterCodes.STATE_LOCK_DISABLED), codes(applied.diagnostics(), Severity.WARNING));
        assertEquals("state.lock", applied.diagnostics().get(0).path());
        assertFalse(applied.stateObservations().lockAcquired());
        assertFalse(Files.exists(dir.resolve("__cluster/lock.json")));
    }

    @Test
    void a_lock_that_cannot_be_created_read_or_removed_is_reported_by_each_command() {
        Path dir = knowledgeCluster();
        String root = dir.toString();

        storage.fail(root, Operation.WRITE, "__cluster/lock.json");
        PlanClusterResult uncreatable = cluster.plan(new PlanClusterCommand(root));
        assertEquals(List.of(ClusterCodes.STATE_LOCK_ERROR), codes(uncreatable.diagnostics(), Severity.ERROR));
        assertTrue(uncreatable.changes().isEmpty(), "nothing is planned without the lock");
        storage.heal();

        storage.fail(root, Operation.DELETE, "__cluster/lock.json");
        PlanClusterResult unreleasable = cluster.plan(new PlanClusterCommand(root));
        assertEquals(List.of(ClusterCodes.STATE_LOCK_ERROR), codes(unreleasable.diagnostics(), Severity.ERROR));
        assertFalse(unreleasable.changes().isEmpty(), "the plan ran; only releasing the lock failed");
        assertTrue(Files.exists(dir.resolve("__cluster/lock.json")), "the lock stays for force-unlock");
        storage.heal();

        storage.fail(root, Operation.READ, "__cluster/lock.json");
        ClusterStatusResult status = cluster.status(new ClusterStatusQuery(root));
        assertTrue(status.ok(), "status only warns");
        assertTrue(codes(status.diagnostics(), Severity.WARNING).contains(ClusterCodes.STATE_LOCK_READ_ERROR));
        List<ClusterDiagnostic> unlock = cluster.forceUnlock(new ForceUnlockClusterCommand(root, "01HANY"))
                .diagnostics();
        assertEquals(List.of(ClusterCodes.STATE_LOCK_READ_ERROR), codes(unlock, Severity.ERROR));
        assertTrue(Files.exists(dir.resolve("__cluster/lock.json")), "force-unlock removes nothing it cannot read");
    }

    // ---- the ledger ----------------------------------------------------------------------------

    @Test
    void a_ledger_that_cannot_be_read_or_written_stops_apply_and_a_second_import_is_refused() throws IOException {
        Path dir = knowledgeCluster();
        String root = dir.toString();
        assertTrue(importLedger(dir).ok());
        byte[] ledger = Files.readAllBytes(dir.resolve("__cluster/state.json"));

        storage.fail(root, Operation.READ, "__cluster/state.json");
        ApplyClusterResult unreadable = apply(dir);
        assertEquals(List.of(ClusterCodes.STATE_READ_ERROR), codes(unreadable.diagnostics(), Severity.ERROR));
        assertFalse(Files.exists(dir.resolve("graphs/knowledge.omni")), "nothing is done without the ledger");
        storage.heal();

        storage.fail(root, Operation.WRITE, "__cluster/state.json");
        ApplyClusterResult unwritable = apply(dir);
        assertEquals(List.of(ClusterCodes.STATE_WRITE_ERROR), codes(unwritable.diagnostics(), Severity.ERROR));
        assertFalse(unwritable.stateWritten());
        assertTrue(unwritable.resourceStatuses().values().stream().noneMatch(s -> s.status().label().equals("applied")),
                "the output reports the statuses on disk, not the ones that were never written");
        assertEquals(new String(ledger), Files.readString(dir.resolve("__cluster/state.json")));
        storage.heal();

        SyncClusterStateResult again = importLedger(dir);
        assertEquals(List.of(ClusterCodes.STATE_ALREADY_EXISTS), codes(again.diagnostics(), Severity.ERROR));
        assertTrue(apply(dir).converged(), "the graph the failed write left behind is adopted by the next apply");
    }

    // ---- approvals -----------------------------------------------------------------------------

    @Test
    void an_approval_folder_that_cannot_be_listed_or_written_is_reported() throws IOException {
        Path dir = twoGraphClusterWithArchiveRemoved();
        String root = dir.toString();

        storage.fail(root, Operation.WRITE, "__cluster/approvals/");
        ApproveClusterChangeResult unwritten = approve(dir);
        assertEquals(List.of(ClusterCodes.APPROVAL_WRITE_ERROR), codes(unwritten.diagnostics(), Severity.ERROR));
        assertTrue(unwritten.approvalId().isEmpty());
        storage.heal();
        ApproveClusterChangeResult approved = approve(dir);
        assertTrue(approved.ok(), approved.diagnostics()::toString);

        storage.fail(root, Operation.LIST, "__cluster/approvals/");
        PlanClusterResult plan = cluster.plan(new PlanClusterCommand(root));
        assertTrue(plan.ok(), "an unlistable approval folder is a warning");
        assertEquals(List.of(ClusterCodes.APPROVAL_READ_ERROR), codes(plan.diagnostics(), Severity.WARNING));
        assertFalse(plan.approvalsRequired().get(0).satisfied(), "an approval that cannot be read authorises nothing");
        storage.heal();

        // the delete runs; marking the artifact consumed fails, which the ledger's record makes harmless
        storage.fail(root, Operation.WRITE, "__cluster/approvals/");
        ApplyClusterResult deleted = apply(dir);
        assertTrue(deleted.ok() && deleted.converged(), deleted.diagnostics()::toString);
        assertEquals(List.of(ClusterCodes.APPROVAL_WRITE_ERROR), codes(deleted.diagnostics(), Severity.WARNING));
        assertTrue(Files.readString(dir.resolve("__cluster/state.json")).contains(approved.approvalId().orElseThrow()));
    }

    // ---- the catalog ---------------------------------------------------------------------------

    @Test
    void catalog_payloads_that_are_missing_altered_or_unreadable_are_found_by_status_and_refresh() throws IOException {
        Path dir = knowledgeCluster();
        String root = dir.toString();
        importLedger(dir);
        assertTrue(apply(dir).converged());
        Path payloadFolder = dir.resolve("__cluster/resources/query/knowledge/find_person");
        Path payload = payloadFolder.resolve(list(payloadFolder).get(0));
        String address = "query.knowledge.find_person";

        Files.delete(payload);
        ClusterStatusResult missing = cluster.status(new ClusterStatusQuery(root));
        assertTrue(missing.ok(), "a missing payload is a warning");
        assertEquals(List.of(ClusterCodes.CATALOG_PAYLOAD_MISSING), codes(missing.diagnostics(), Severity.WARNING));
        SyncClusterStateResult forgotten = refresh(dir);
        assertEquals("payload_missing", forgotten.resourceStatuses().get(address).conditions().get(0));
        assertFalse(forgotten.resourceDigests().containsKey(address), "refresh forgets it; the next apply republishes");
        assertTrue(apply(dir).converged());
        assertEquals(QUERY, Files.readString(payload));

        Files.writeString(payload, QUERY + "// altered\n");
        ClusterStatusResult altered = cluster.status(new ClusterStatusQuery(root));
        assertEquals(List.of(ClusterCodes.CATALOG_PAYLOAD_MISMATCH), codes(altered.diagnostics(), Severity.WARNING));
        SyncClusterStateResult drifted = refresh(dir);
        assertEquals("drifted", drifted.resourceStatuses().get(address).status().label());
        assertEquals("payload_mismatch", drifted.resourceStatuses().get(address).conditions().get(0));
        assertFalse(drifted.resourceDigests().containsKey(address));
        assertTrue(apply(dir).converged());
        assertEquals(QUERY + "// altered\n", Files.readString(payload),
                "a payload is trusted by its name and never rewritten (reference behaviour)");
        assertEquals(List.of(ClusterCodes.CATALOG_PAYLOAD_MISMATCH),
                codes(cluster.status(new ClusterStatusQuery(root)).diagnostics(), Severity.WARNING));
        Files.delete(payload);
        assertTrue(refresh(dir).ok());
        assertTrue(apply(dir).converged());
        assertEquals(QUERY, Files.readString(payload), "a deleted payload is republished");

        storage.fail(root, Operation.READ, "__cluster/resources/");
        ClusterStatusResult unreadable = cluster.status(new ClusterStatusQuery(root));
        assertEquals(List.of(ClusterCodes.CATALOG_PAYLOAD_READ_ERROR), codes(unreadable.diagnostics(), Severity.ERROR),
                "an unverifiable catalog must not report healthy");
        SyncClusterStateResult kept = refresh(dir);
        assertEquals(List.of(ClusterCodes.CATALOG_PAYLOAD_READ_ERROR), codes(kept.diagnostics(), Severity.ERROR));
        assertEquals("error", kept.resourceStatuses().get(address).status().label());
        assertEquals("payload_read_error", kept.resourceStatuses().get(address).conditions().get(0));
        assertTrue(kept.resourceDigests().containsKey(address), "a payload that could not be read is not forgotten");
    }

    // ---- apply's graph steps -------------------------------------------------------------------

    @Test
    void a_graph_that_cannot_be_created_fails_and_every_later_graph_step_is_skipped() throws IOException {
        Path dir = twoGraphClusterWithArchiveRemoved();
        // two new graphs (alpha fails: a file sits where its root folder goes; gamma comes after it), a schema
        // change of knowledge and the approved delete of archive: creates run first, so alpha's failure skips
        // the rest
        write(dir, "cluster.yaml", CLUSTER_YAML + """
                  alpha:
                    schema: people.pg
                  gamma:
                    schema: people.pg
                """);
        write(dir, "graphs/alpha.omni", "a file left by someone else\n");
        write(dir, "people.pg", SCHEMA.replace("age: I32?", "age: I32?\n    bio: String?"));
        assertTrue(approve(dir).ok());

        ApplyClusterResult applied = apply(dir);
        assertEquals(List.of(ClusterCodes.GRAPH_CREATE_FAILED), codes(applied.diagnostics(), Severity.ERROR));
        assertEquals("graph.alpha", diagnostic(applied.diagnostics(), ClusterCodes.GRAPH_CREATE_FAILED).path());
        assertEquals("graph.gamma", diagnostic(applied.diagnostics(), ClusterCodes.GRAPH_CREATE_SKIPPED).path());
        assertEquals("schema.knowledge", diagnostic(applied.diagnostics(), ClusterCodes.SCHEMA_APPLY_SKIPPED).path());
        assertEquals("graph.archive", diagnostic(applied.diagnostics(), ClusterCodes.GRAPH_DELETE_SKIPPED).path());
        assertFalse(applied.converged());
        assertFalse(Files.exists(dir.resolve("graphs/gamma.omni")));
        assertFalse(Files.readString(dir.resolve("graphs/knowledge.omni/_schema.pg")).contains("bio"));
        assertTrue(Files.isRegularFile(dir.resolve("graphs/archive.omni/_schema.pg")), "the delete did not run");
        assertEquals(Optional.of("graph_create_failed"), change(applied, "graph.alpha").reason());
    }

    @Test
    void a_graph_root_that_does_not_open_fails_import_without_writing_a_ledger() {
        Path dir = knowledgeCluster();
        write(dir, "graphs/knowledge.omni/_schema.pg", SCHEMA);
        SyncClusterStateResult imported = importLedger(dir);
        assertEquals(List.of(ClusterCodes.GRAPH_OBSERVATION_ERROR), codes(imported.diagnostics(), Severity.ERROR));
        assertEquals("error", imported.resourceStatuses().get("graph.knowledge").status().label());
        assertFalse(Files.exists(dir.resolve("__cluster/state.json")), "import writes nothing when a graph fails");
    }

    @Test
    void a_schema_file_edited_while_apply_runs_is_resource_content_changed() throws IOException {
        Path dir = knowledgeCluster();
        importLedger(dir);
        byte[] ledger = Files.readAllBytes(dir.resolve("__cluster/state.json"));
        ApplyClusterResult applied;
        try (ScopedFailpoint ignored = ScopedFailpoint.callback(FailpointNames.CLUSTER_APPLY_BEFORE_GRAPH_CREATE,
                () -> write(dir, "people.pg", SCHEMA + "node Topic {\n    title: String @key\n}\n"))) {
            applied = apply(dir);
        }
        assertEquals(List.of(ClusterCodes.RESOURCE_CONTENT_CHANGED), codes(applied.diagnostics(), Severity.ERROR));
        assertEquals("schema.knowledge", diagnostic(applied.diagnostics(), ClusterCodes.RESOURCE_CONTENT_CHANGED).path());
        assertFalse(Files.exists(dir.resolve("graphs/knowledge.omni/_schema.pg")), "the changed file was not applied");
        assertEquals(List.of(), list(dir.resolve("__cluster/recoveries")), "its intent was withdrawn at once");
        assertFalse(new String(ledger).equals(Files.readString(dir.resolve("__cluster/state.json"))),
                "the run records its blocked statuses");
        assertTrue(apply(dir).converged(), "the next apply applies the file as it now is");
    }

    @Test
    void catalog_payloads_and_recovery_sidecars_that_cannot_be_written_fail_apply_before_the_ledger_moves()
            throws IOException {
        Path dir = knowledgeCluster();
        String root = dir.toString();
        importLedger(dir);
        byte[] ledger = Files.readAllBytes(dir.resolve("__cluster/state.json"));

        storage.fail(root, Operation.WRITE, "__cluster/recoveries/");
        ApplyClusterResult noSidecar = apply(dir);
        assertEquals(List.of(ClusterCodes.RECOVERY_SIDECAR_WRITE_ERROR), codes(noSidecar.diagnostics(), Severity.ERROR));
        assertFalse(Files.exists(dir.resolve("graphs/knowledge.omni")), "no graph step runs without its intent");
        storage.heal();

        storage.fail(root, Operation.WRITE, "__cluster/resources/");
        ApplyClusterResult noPayload = apply(dir);
        assertEquals(List.of(ClusterCodes.RESOURCE_PAYLOAD_WRITE_ERROR), codes(noPayload.diagnostics(), Severity.ERROR));
        assertEquals("query.knowledge.find_person",
                diagnostic(noPayload.diagnostics(), ClusterCodes.RESOURCE_PAYLOAD_WRITE_ERROR).path());
        assertFalse(noPayload.stateWritten(), "a missing payload stops the run before the ledger write");
        assertTrue(Files.isRegularFile(dir.resolve("graphs/knowledge.omni/_schema.pg")), "the graph was created");
        storage.heal();

        ApplyClusterResult recovered = apply(dir);
        assertTrue(recovered.ok() && recovered.converged(), recovered.diagnostics()::toString);
        assertTrue(codes(recovered.diagnostics(), Severity.WARNING).contains(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD),
                "the created graph's intent is rolled forward");
        assertFalse(new String(ledger).equals(Files.readString(dir.resolve("__cluster/state.json"))));
    }

    @Test
    void a_recovery_folder_that_cannot_be_listed_or_cleaned_is_reported_and_swept_later() throws IOException {
        Path dir = knowledgeCluster();
        String root = dir.toString();
        importLedger(dir);

        storage.fail(root, Operation.DELETE, "__cluster/recoveries/");
        ApplyClusterResult applied = apply(dir);
        assertTrue(applied.ok() && applied.converged(), applied.diagnostics()::toString);
        assertEquals(List.of(ClusterCodes.RECOVERY_SIDECAR_CLEANUP_FAILED), codes(applied.diagnostics(), Severity.WARNING));
        assertEquals(1, list(dir.resolve("__cluster/recoveries")).size(), "the completed intent is left behind");
        storage.heal();

        storage.fail(root, Operation.LIST, "__cluster/recoveries/");
        ClusterStatusResult status = cluster.status(new ClusterStatusQuery(root));
        assertTrue(status.ok());
        assertEquals(List.of(ClusterCodes.RECOVERY_SIDECAR_READ_ERROR), codes(status.diagnostics(), Severity.WARNING));
        assertEquals("__cluster/recoveries", status.diagnostics().get(0).path());
        storage.heal();

        ApplyClusterResult swept = apply(dir);
        assertTrue(swept.ok() && swept.converged(), swept.diagnostics()::toString);
        assertEquals(List.of(), list(dir.resolve("__cluster/recoveries")), "the next apply retires it");
    }

    @Test
    void a_graph_root_that_cannot_be_removed_is_graph_delete_failed() throws IOException {
        Path dir = twoGraphClusterWithArchiveRemoved();
        assertTrue(approve(dir).ok());
        storage.fail(dir.toString(), Operation.DELETE, "graphs/archive.omni/");
        ApplyClusterResult failed = apply(dir);
        assertEquals(List.of(ClusterCodes.GRAPH_DELETE_FAILED), codes(failed.diagnostics(), Severity.ERROR));
        assertEquals("graph.archive", diagnostic(failed.diagnostics(), ClusterCodes.GRAPH_DELETE_FAILED).path());
        assertFalse(failed.converged());
        assertEquals(1, list(dir.resolve("__cluster/recoveries")).size(), "the intent is kept for the sweep");
        storage.heal();

        ApplyClusterResult finished = apply(dir);
        assertTrue(finished.ok() && finished.converged(), finished.diagnostics()::toString);
        assertEquals(List.of(), list(dir.resolve("__cluster/recoveries")));
    }

    @Test
    void a_plan_without_a_live_graph_to_preview_warns_schema_preview_unavailable() throws IOException {
        Path dir = knowledgeCluster();
        importLedger(dir);
        assertTrue(apply(dir).converged());
        deleteTree(dir.resolve("graphs/knowledge.omni"));
        write(dir, "people.pg", SCHEMA.replace("age: I32?", "age: I32?\n    bio: String?"));

        PlanClusterResult plan = cluster.plan(new PlanClusterCommand(dir.toString()));
        assertTrue(plan.ok(), "a missing preview is a warning");
        assertEquals(List.of(ClusterCodes.SCHEMA_PREVIEW_UNAVAILABLE), codes(plan.diagnostics(), Severity.WARNING));
        PlanChange schema = plan.changes().stream().filter(c -> c.resource().equals("schema.knowledge")).findFirst()
                .orElseThrow();
        assertTrue(schema.migration().isEmpty(), "no migration is shown that the engine did not compute");
    }

    // ---- fixtures ------------------------------------------------------------------------------

    /** The config folder of one graph {@code knowledge} with one stored query; nothing applied yet. */
    private Path knowledgeCluster() {
        Path dir = temp.resolve("cluster");
        write(dir, "cluster.yaml", CLUSTER_YAML);
        write(dir, "people.pg", SCHEMA);
        write(dir, "people.gq", QUERY);
        write(dir, "readers.policy.yaml", POLICY);
        return dir;
    }

    /** Graphs {@code knowledge} and {@code archive} converged, then {@code archive} removed from the config. */
    private Path twoGraphClusterWithArchiveRemoved() {
        Path dir = knowledgeCluster();
        write(dir, "cluster.yaml", CLUSTER_YAML + "  archive:\n    schema: people.pg\n");
        importLedger(dir);
        assertTrue(apply(dir).converged());
        write(dir, "cluster.yaml", CLUSTER_YAML);
        return dir;
    }

    private SyncClusterStateResult importLedger(Path dir) {
        return cluster.syncState(new SyncClusterStateCommand(dir.toString(), StateSync.IMPORT, Optional.empty()));
    }

    private SyncClusterStateResult refresh(Path dir) {
        return cluster.syncState(new SyncClusterStateCommand(dir.toString(), StateSync.REFRESH, Optional.empty()));
    }

    private ApplyClusterResult apply(Path dir) {
        return cluster.apply(new ApplyClusterCommand(dir.toString(), Optional.of("act-test")));
    }

    private ApproveClusterChangeResult approve(Path dir) {
        return cluster.approve(new ApproveClusterChangeCommand(dir.toString(), "graph.archive", "act-admin"));
    }

    private static PlanChange change(ApplyClusterResult result, String resource) {
        return result.changes().stream().filter(c -> c.resource().equals(resource)).findFirst()
                .orElseThrow(() -> new AssertionError(resource + " not in " + result.changes()));
    }

    private static List<String> codes(List<ClusterDiagnostic> diagnostics, Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).map(ClusterDiagnostic::code).toList();
    }

    private static ClusterDiagnostic diagnostic(List<ClusterDiagnostic> diagnostics, String code) {
        return diagnostics.stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + diagnostics));
    }

    private static void write(Path dir, String name, String text) {
        bytes(dir, name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void bytes(Path dir, String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir, String name) {
        try {
            Files.delete(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
