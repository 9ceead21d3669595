package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.BranchService;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.MaintenanceService;
import dev.omnigraph.application.engine.MutationService;
import dev.omnigraph.application.engine.OpenGraph;
import dev.omnigraph.application.engine.QueryService;
import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.application.failpoint.ScopedFailpoint;
import dev.omnigraph.application.query.AdjacencyCache;
import dev.omnigraph.application.query.MutationExecutor;
import dev.omnigraph.application.query.QueryExecutor;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.graph.maintenance.CleanupPolicy;
import dev.omnigraph.domain.graph.maintenance.RepairAction;
import dev.omnigraph.domain.graph.maintenance.RepairClassification;
import dev.omnigraph.domain.graph.maintenance.SkipReason;
import dev.omnigraph.domain.graph.recovery.RecoveryAuditRecord;
import dev.omnigraph.domain.graph.recovery.RecoveryKind;
import dev.omnigraph.domain.graph.recovery.SweepMode;
import dev.omnigraph.domain.graph.recovery.WriterKind;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.in.CleanUpGraphCommand;
import dev.omnigraph.ports.in.CleanUpGraphResult;
import dev.omnigraph.ports.in.CleanUpGraphResult.TableCleanup;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.ExportGraphCommand;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.OptimizeGraphCommand;
import dev.omnigraph.ports.in.OptimizeGraphResult;
import dev.omnigraph.ports.in.OptimizeGraphResult.TableOptimization;
import dev.omnigraph.ports.in.QueryGraphCommand;
import dev.omnigraph.ports.in.RepairGraphCommand;
import dev.omnigraph.ports.in.RepairGraphResult;
import dev.omnigraph.ports.in.RepairGraphResult.TableRepair;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.in.SnapshotResult;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.TableVersionInfo;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * optimize, repair and cleanup on real Lance tables (engine notes §8.3), with the example people graph made
 * fragmented by one-row mutations. Every expectation reads back what storage and queries hold: content
 * never changes under maintenance, a snapshot is either fully readable or reported as reclaimed, and
 * each operation refuses while a recovery sidecar is pending.
 */
class MaintenanceOnLanceTest {

    @TempDir
    Path temp;

    private TableStorage tables;
    private GraphEngineService engine;
    private MutationService mutations;
    private QueryService queries;
    private MaintenanceService maintenance;
    private BranchService branches;
    private String uri;

    private static final String PEOPLE = "query q() { match { $p: Person } return { $p.name, $p.age } order { $p.name } }";
    private static final String KNOWS = "query q() { match { $a: Person  $a knows $b } return { $a.name, $b.name } "
            + "order { $a.name, $b.name } }";

    @BeforeEach
    void seededGraph() throws IOException {
        start(SweepMode.FULL);
        Path examples = GraphEngineOnLanceTest.examples();
        uri = temp.resolve("g").toString();
        engine.initGraph(new InitGraphCommand(uri, "schema.pg", Files.readString(examples.resolve("schema.pg")), Optional.empty()));
        engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.OVERWRITE, "seed.jsonl",
                Files.readString(examples.resolve("seed.jsonl")), Optional.empty()), ProgressListener.NONE);
    }

    /** A fresh process over the same storage, healing writers in {@code mode}. */
    private void start(SweepMode mode) {
        if (tables != null) {
            tables.close();
        }
        tables = TableStorages.lance(LanceProperties.defaults());
        engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(),
                SystemServices.ids(), mode);
        mutations = new MutationService(engine, Codecs.json(), new MutationExecutor(() -> SystemServices.clock().now()));
        queries = new QueryService(engine, tables, Codecs.json(), new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now()));
        maintenance = new MaintenanceService(engine);
        branches = new BranchService(engine);
    }

    @AfterEach
    void stop() {
        tables.close();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void insertPerson(String name, int age) {
        insertPerson("main", name, age);
    }

    private void insertPerson(String branch, String name, int age) {
        mutations.mutateGraph(new MutateGraphCommand(uri, branch, "t.gq",
                "query q($n: String, $a: I32) { insert Person { name: $n, age: $a, role: \"guest\" } }", Optional.empty(),
                "{\"n\":\"" + name + "\",\"a\":" + age + "}", Optional.empty(), Optional.of("writer")));
    }

    /** Five one-row writes: Person ends up in six small files. */
    private void fragmentPeople() {
        for (int i = 1; i <= 5; i++) {
            insertPerson("P" + i, 20 + i);
        }
    }

    private String rows(String gq) {
        return rows(Optional.empty(), "main", gq);
    }

    private String rows(Optional<String> snapshot, String branch, String gq) {
        return JsonWriter.compact(queries.queryGraph(new QueryGraphCommand(uri, branch, snapshot, "r.gq", gq, Optional.empty(),
                "{}")).result().toJson());
    }

    private List<CommitResult> commits() {
        return engine.listCommits(new CommitListQuery(uri, "main")).commits();
    }

    private SnapshotResult snapshot() {
        return engine.snapshot(new SnapshotQuery(uri, "main"));
    }

    private long published(String tableKey) {
        return snapshot().tables().stream().filter(t -> t.tableKey().equals(tableKey)).findFirst().orElseThrow().tableVersion();
    }

    private String location(String tableKey) {
        OpenGraph graph = engine.open(uri, "main");
        return graph.root().tableLocation(graph.visible(tableKey).orElseThrow().location());
    }

    private long head(String tableKey) {
        return tables.latestVersion(location(tableKey), TableRef.MAIN);
    }

    private OptimizeGraphResult optimize() {
        return maintenance.optimizeGraph(new OptimizeGraphCommand(uri));
    }

    private RepairGraphResult repair(boolean confirm, boolean force) {
        return maintenance.repairGraph(new RepairGraphCommand(uri, confirm, force));
    }

    private CleanUpGraphResult cleanup(CleanupPolicy policy) {
        return maintenance.cleanUpGraph(new CleanUpGraphCommand(uri, policy));
    }

    private static TableOptimization stat(OptimizeGraphResult result, String tableKey) {
        return result.tables().stream().filter(t -> t.tableKey().equals(tableKey)).findFirst().orElseThrow();
    }

    private static TableRepair stat(RepairGraphResult result, String tableKey) {
        return result.tables().stream().filter(t -> t.tableKey().equals(tableKey)).findFirst().orElseThrow();
    }

    private static TableCleanup stat(CleanUpGraphResult result, String tableKey) {
        return result.tables().stream().filter(t -> t.tableKey().equals(tableKey)).findFirst().orElseThrow();
    }

    private List<String> sidecars() throws IOException {
        Path folder = temp.resolve("g").resolve("__recovery");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    // ---- optimize ---------------------------------------------------------------------------------

    @Test
    void optimize_compacts_fragmented_tables_publishes_them_as_one_commit_and_changes_no_answer() throws IOException {
        fragmentPeople();
        String peopleBefore = rows(PEOPLE);
        String knowsBefore = rows(KNOWS);
        String snapshotBefore = snapshot().snapshotId();
        int commitsBefore = commits().size();
        long personBefore = published("node:Person");

        OptimizeGraphResult result = optimize();

        TableOptimization person = stat(result, "node:Person");
        assertTrue(person.committed(), person.toString());
        assertTrue(person.filesRemoved() >= 6 && person.filesAdded() == 1, person.toString());
        assertEquals(Optional.empty(), person.skipped());
        assertEquals(OptimizeGraphResult.MANIFEST_KEY, result.tables().get(result.tables().size() - 1).tableKey(),
                "the manifest is reported last");
        assertEquals(List.of("edge:Knows", "edge:WorksAt", "node:Company", "node:Person", "__manifest"),
                result.tables().stream().map(TableOptimization::tableKey).toList());
        assertFalse(stat(result, "node:Company").committed(), "one file: nothing to compact");

        assertEquals(commitsBefore + 1, commits().size(), "one commit for the whole optimize");
        CommitResult head = commits().get(0);
        assertEquals(result.commitId(), Optional.of(head.graphCommitId()));
        assertEquals(Optional.empty(), head.actorId());
        assertEquals(OptionalLong.of(head.manifestVersion()), result.graphManifestVersion());
        assertTrue(published("node:Person") > personBefore);
        assertEquals(head("node:Person"), published("node:Person"), "the compacted head is what main publishes");
        assertEquals(peopleBefore, rows(PEOPLE));
        assertEquals(knowsBefore, rows(KNOWS));
        assertEquals(peopleBefore, rows(Optional.of(snapshotBefore), "main", PEOPLE), "older snapshots still read");
        assertEquals(List.of(), sidecars());
        insertPerson("After", 1);
        assertTrue(rows(PEOPLE).contains("After"), "the graph stays writable");
    }

    @Test
    void a_second_optimize_changes_nothing_and_publishes_no_commit() {
        fragmentPeople();
        optimize();
        int commits = commits().size();
        long person = published("node:Person");
        OptimizeGraphResult again = optimize();
        assertEquals(Optional.empty(), again.commitId());
        assertEquals(OptionalLong.empty(), again.graphManifestVersion());
        assertTrue(again.tables().stream().filter(t -> !t.tableKey().equals(OptimizeGraphResult.MANIFEST_KEY))
                .noneMatch(TableOptimization::committed), again.toString());
        assertEquals(commits, commits().size());
        assertEquals(person, published("node:Person"));
    }

    @Test
    void optimize_compacts_the_manifest_in_place_without_a_commit() {
        fragmentPeople();
        long manifestBefore = tables.latestVersion(temp.resolve("g").resolve("__manifest").toString(), TableRef.MAIN);
        OptimizeGraphResult result = optimize();
        TableOptimization manifest = stat(result, OptimizeGraphResult.MANIFEST_KEY);
        assertTrue(manifest.committed(), "seven publishes left the manifest in many files: " + manifest);
        long manifestAfter = tables.latestVersion(temp.resolve("g").resolve("__manifest").toString(), TableRef.MAIN);
        assertTrue(manifestAfter > manifestBefore + 1, "the optimize commit plus the compaction");
        assertEquals(commits().get(0).graphCommitId(), result.commitId().orElseThrow(),
                "compacting the manifest published nothing");
        assertTrue(rows(PEOPLE).contains("P5"), "the manifest still reads the latest snapshot");
    }

    @Test
    void optimize_skips_a_table_whose_storage_moved_past_the_manifest_and_repair_adopts_verified_maintenance() {
        fragmentPeople();
        String people = rows(PEOPLE);
        long publishedBefore = published("node:Person");
        // a compaction that never got published: content-preserving drift with no sidecar
        long drifted = tables.compact(WriteTarget.unconditional(location("node:Person"), TableRef.MAIN)).version();

        OptimizeGraphResult optimized = optimize();
        TableOptimization person = stat(optimized, "node:Person");
        assertEquals(Optional.of(SkipReason.DRIFT_NEEDS_REPAIR), person.skipped());
        assertEquals(OptionalLong.of(publishedBefore), person.publishedVersion());
        assertEquals(OptionalLong.of(drifted), person.headVersion());
        assertEquals(publishedBefore, published("node:Person"), "optimize leaves drift alone");

        RepairGraphResult preview = repair(false, false);
        TableRepair previewed = stat(preview, "node:Person");
        assertEquals(RepairClassification.VERIFIED_MAINTENANCE, previewed.classification());
        assertEquals(RepairAction.PREVIEW, previewed.action());
        assertTrue(previewed.operations().contains("Rewrite"), previewed.operations().toString());
        assertEquals(Optional.empty(), preview.commitId());
        assertEquals(RepairClassification.NO_DRIFT, stat(preview, "node:Company").classification());
        assertEquals(RepairAction.NO_OP, stat(preview, "node:Company").action());
        assertEquals(publishedBefore, published("node:Person"), "a preview publishes nothing");

        RepairGraphResult healed = repair(true, false);
        assertEquals(RepairAction.HEALED, stat(healed, "node:Person").action());
        assertEquals(drifted, published("node:Person"));
        assertEquals(Optional.of("omnigraph:repair"), commits().get(0).actorId());
        assertEquals(healed.commitId(), Optional.of(commits().get(0).graphCommitId()));
        assertEquals(people, rows(PEOPLE));
        assertEquals(0, repair(true, false).tables().stream().filter(t -> t.action() != RepairAction.NO_OP).count());
    }

    @Test
    void repair_refuses_drift_that_changed_rows_unless_forced_after_confirmation() {
        long publishedBefore = published("node:Person");
        // a write from outside the engine: a delete the manifest never published
        tables.deleteWhere(WriteTarget.unconditional(location("node:Person"), TableRef.MAIN), TableFilter.eq("id", "Barbara"));
        assertTrue(rows(PEOPLE).contains("Barbara"), "reads follow the manifest, not the storage head");

        RepairGraphResult refused = repair(true, false);
        TableRepair person = stat(refused, "node:Person");
        assertEquals(RepairClassification.SUSPICIOUS, person.classification());
        assertEquals(RepairAction.REFUSED, person.action());
        assertEquals(List.of("Delete"), person.operations());
        assertEquals(1, refused.refusedCount());
        assertEquals(Optional.empty(), refused.commitId());
        assertEquals(publishedBefore, published("node:Person"));

        assertThrows(IllegalArgumentException.class, () -> repair(false, true), "force needs confirm");

        RepairGraphResult forced = repair(true, true);
        assertEquals(RepairAction.FORCED, stat(forced, "node:Person").action());
        assertEquals(Optional.of("omnigraph:repair:force"), commits().get(0).actorId());
        assertFalse(rows(PEOPLE).contains("Barbara"), "the forced head is published");
        assertEquals(4, snapshot().tables().stream().filter(t -> t.tableKey().equals("node:Person")).findFirst()
                .orElseThrow().rowCount());
    }

    @Test
    void a_crash_after_compaction_rolls_forward_at_the_next_open_under_the_optimize_commit_id() throws IOException {
        fragmentPeople();
        String people = rows(PEOPLE);
        long publishedBefore = published("node:Person");
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.OPTIMIZE_POST_PHASE_B_PRE_MANIFEST_COMMIT)) {
            assertThrows(InjectedFailpointException.class, this::optimize);
        }
        assertEquals(1, sidecars().size());
        assertEquals(publishedBefore, published("node:Person"), "nothing visible before recovery");
        assertTrue(head("node:Person") > publishedBefore, "the compaction landed");
        assertEquals(people, rows(PEOPLE));

        start(SweepMode.FULL);
        assertEquals(1, engine.recoverGraph(uri));
        assertEquals(head("node:Person"), published("node:Person"), "rolled forward");
        List<RecoveryAuditRecord> audit = engine.recoveryAudit(uri);
        assertEquals(1, audit.size());
        assertEquals(RecoveryKind.ROLLED_FORWARD, audit.get(0).recoveryKind());
        assertEquals(WriterKind.OPTIMIZE, audit.get(0).sidecarWriterKind());
        assertEquals(audit.get(0).graphCommitId(), commits().get(0).graphCommitId());
        assertEquals(people, rows(PEOPLE));
        assertEquals(List.of(), sidecars());
        assertEquals(Optional.empty(), optimize().commitId(), "nothing left to compact");
    }

    @Test
    void a_crash_before_the_first_compaction_is_abandoned_by_the_next_optimize_which_then_runs() throws IOException {
        fragmentPeople();
        int commits = commits().size();
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.OPTIMIZE_BEFORE_COMPACT)) {
            assertThrows(InjectedFailpointException.class, this::optimize);
        }
        assertEquals(1, sidecars().size());
        assertEquals(commits, commits().size());

        OptimizeGraphResult result = optimize(); // the per-operation engine sweeps first, as opening does
        assertTrue(stat(result, "node:Person").committed());
        assertEquals(commits + 1, commits().size());
        assertEquals(List.of(), sidecars());
        assertEquals(List.of(), engine.recoveryAudit(uri), "an abandoned intent records nothing");
    }

    @Test
    void a_sidecar_armed_while_optimize_prepares_blocks_it_before_any_effect() throws IOException {
        fragmentPeople();
        long publishedBefore = published("node:Person");
        long headBefore = head("node:Person");
        Runnable concurrentCrashedWriter = () -> {
            try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_TABLE_COMMIT)) {
                insertPerson("Crashed", 9);
            } catch (InjectedFailpointException expected) {
                // the writer "died" after moving Person: its sidecar stays
            }
        };
        GraphEngineException refused;
        try (ScopedFailpoint window = ScopedFailpoint.callback(FailpointNames.OPTIMIZE_POST_RECOVERY_CHECK_PRE_MAIN_GATE,
                concurrentCrashedWriter)) {
            refused = assertThrows(GraphEngineException.class, this::optimize);
        }
        assertEquals(GraphErrorKind.RECOVERY_REQUIRED, refused.kind());
        assertTrue(refused.getMessage().startsWith("pending Mutation recovery operation ")
                && refused.getMessage().endsWith(" on branch 'main' blocks optimize"), refused.getMessage());
        assertEquals(publishedBefore, published("node:Person"));
        assertEquals(headBefore + 1, head("node:Person"), "only the crashed writer's table commit");
        assertEquals(1, sidecars().size());
    }

    @Test
    void a_table_moved_by_another_process_before_its_compaction_refuses_optimize_and_leaves_no_sidecar() throws IOException {
        fragmentPeople();
        Path recovery = temp.resolve("g").resolve("__recovery");
        Runnable otherProcessWrites = () -> {
            // another process publishes a write to Person; optimize's armed sidecar is set aside meanwhile, as
            // that process's own open-time sweep would otherwise abandon it
            try (TableStorage otherTables = TableStorages.lance(LanceProperties.defaults())) {
                Path sidecar;
                try (var files = Files.list(recovery)) {
                    sidecar = files.findFirst().orElseThrow();
                }
                Path aside = temp.resolve("aside.json");
                Files.move(sidecar, aside);
                GraphEngineService other = new GraphEngineService(ObjectStores.locator(), otherTables, Codecs.json(),
                        SystemServices.clock(), SystemServices.ids());
                new MutationService(other, Codecs.json(), new MutationExecutor(() -> SystemServices.clock().now()))
                        .mutateGraph(new MutateGraphCommand(uri, "main", "t.gq", "query q() { insert Person { name: "
                                + "\"Other\", role: \"guest\" } }", Optional.empty(), "{}", Optional.empty(), Optional.empty()));
                Files.move(aside, sidecar);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        GraphEngineException refused;
        try (ScopedFailpoint window = ScopedFailpoint.callback(FailpointNames.OPTIMIZE_BEFORE_COMPACT, otherProcessWrites)) {
            refused = assertThrows(GraphEngineException.class, this::optimize);
        }
        assertEquals(GraphErrorKind.CONFLICT, refused.kind());
        assertTrue(refused.getMessage().startsWith("a table moved while optimize compacted it"), refused.getMessage());
        assertEquals(List.of(), sidecars(), "a sidecar that owns no effect is retired");
        assertEquals(head("node:Person"), published("node:Person"));
        assertTrue(rows(PEOPLE).contains("Other"));
        assertTrue(stat(optimize(), "node:Person").committed(), "a rerun compacts");
    }

    // ---- refusals while recovery is pending -------------------------------------------------------

    @Test
    void every_maintenance_operation_refuses_a_pending_sidecar_with_the_references_message() throws IOException {
        start(SweepMode.ROLL_FORWARD_ONLY); // a long-lived process: maintenance does not sweep
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_TABLE_COMMIT)) {
            assertThrows(InjectedFailpointException.class, () -> insertPerson("Crashed", 9));
        }
        assertEquals(1, sidecars().size());
        long head = head("node:Person");

        GraphEngineException optimize = assertThrows(GraphEngineException.class, this::optimize);
        assertEquals(GraphErrorKind.CONFLICT, optimize.kind());
        assertEquals("optimize requires a clean recovery state; reopen the graph to run the recovery sweep before "
                + "optimizing", optimize.getMessage());
        GraphEngineException repair = assertThrows(GraphEngineException.class, () -> repair(true, false));
        assertEquals("repair requires a clean recovery state; reopen the graph to run the recovery sweep before "
                + "repairing", repair.getMessage());
        GraphEngineException cleanup = assertThrows(GraphEngineException.class, () -> cleanup(CleanupPolicy.keep(1)));
        assertEquals("cleanup requires a clean recovery state; reopen the graph to run the recovery sweep before "
                + "garbage-collecting versions", cleanup.getMessage());
        assertEquals(head, head("node:Person"), "no maintenance touched storage");
        assertEquals(1, sidecars().size());

        start(SweepMode.FULL); // reopening for writes runs the full sweep, which rolls the write back
        OptimizeGraphResult result = optimize();
        assertEquals(List.of(), sidecars());
        assertEquals(RecoveryKind.ROLLED_BACK, engine.recoveryAudit(uri).get(0).recoveryKind());
        assertFalse(rows(PEOPLE).contains("Crashed"));
        assertFalse(result.tables().isEmpty());
    }

    // ---- cleanup ----------------------------------------------------------------------------------

    @Test
    void cleanup_of_versions_older_than_a_day_reclaims_nothing_from_a_young_graph() {
        fragmentPeople();
        String oldSnapshot = "manifest:main:v2";
        CleanUpGraphResult result = cleanup(CleanupPolicy.olderThan(Duration.ofDays(1)));
        assertEquals(0, result.versionsRemoved(), result.toString());
        assertEquals(List.of(), result.failed());
        assertTrue(rows(Optional.of(oldSnapshot), "main", PEOPLE).contains("Ada"));
    }

    @Test
    void cleanup_reclaims_old_history_and_an_old_snapshot_then_reports_it_reclaimed_while_kept_ones_read_in_full() {
        fragmentPeople();
        optimize();
        String latestPeople = rows(PEOPLE);
        long latestManifest = snapshot().manifestVersion();
        // the last insert, before optimize's commit and the manifest's compaction: it reads Person uncompacted
        String previousSnapshot = "manifest:main:v" + (latestManifest - 2);
        String previousPeople = rows(Optional.of(previousSnapshot), "main", PEOPLE);
        int commits = commits().size();

        CleanUpGraphResult result = cleanup(CleanupPolicy.keep(3));

        assertEquals(OptimizeGraphResult.MANIFEST_KEY, result.tables().get(0).tableKey());
        assertTrue(stat(result, OptimizeGraphResult.MANIFEST_KEY).versionsRemoved() > 0, result.toString());
        assertTrue(stat(result, "node:Person").versionsRemoved() > 0, result.toString());
        assertEquals(List.of(), result.failed());
        assertEquals(List.of(), result.reclaimedForks());

        GraphEngineException reclaimed = assertThrows(GraphEngineException.class,
                () -> rows(Optional.of("manifest:main:v2"), "main", PEOPLE));
        assertEquals(GraphErrorKind.HISTORICAL_VERSION_RECLAIMED, reclaimed.kind());
        assertEquals("snapshot manifest:main:v2 was reclaimed by cleanup", reclaimed.getMessage());
        GraphEngineException exported = assertThrows(GraphEngineException.class, () -> engine.exportGraph(
                new ExportGraphCommand(uri, "main", Optional.of("manifest:main:v3"), List.of()), line -> { }));
        assertEquals(GraphErrorKind.HISTORICAL_VERSION_RECLAIMED, exported.kind());
        GraphEngineException never = assertThrows(GraphEngineException.class,
                () -> rows(Optional.of("manifest:main:v" + (latestManifest + 50)), "main", PEOPLE));
        assertEquals(GraphErrorKind.COMMIT_NOT_FOUND, never.kind(), "a version never written is not 'reclaimed'");

        assertEquals(latestPeople, rows(PEOPLE));
        assertEquals(previousPeople, rows(Optional.of(previousSnapshot), "main", PEOPLE), "a kept snapshot reads in full");
        assertEquals(commits, commits().size(), "commit history is not history of versions");
        insertPerson("After", 1);
        assertTrue(rows(PEOPLE).contains("After"));
    }

    @Test
    void cleanup_keeps_what_a_live_branch_reads_and_reclaims_forks_no_branch_reads() {
        branches.createBranch(uri, "feature", "main", Optional.empty());
        String featurePeople = rows(Optional.empty(), "feature", PEOPLE);
        fragmentPeople();
        optimize();
        String personLocation = location("node:Person");
        tables.createBranch(personLocation, "stray", TableRef.at(personLocation, TableRef.MAIN, 1));
        assertTrue(tables.branches(personLocation).contains("stray"));

        CleanUpGraphResult result = cleanup(CleanupPolicy.keep(1));

        assertEquals(List.of("node:Person@stray"), result.reclaimedForks());
        assertFalse(tables.branches(personLocation).contains("stray"));
        assertEquals(List.of(), result.failed());
        assertEquals(featurePeople, rows(Optional.empty(), "feature", PEOPLE),
                "the branch still reads the main versions it was created on");
        List<Long> kept = tables.versions(personLocation, TableRef.MAIN).stream().map(TableVersionInfo::version).toList();
        assertTrue(kept.size() >= 2, "the branch's version and the head: " + kept);
        insertPerson("feature", "OnFeature", 3);
        assertTrue(rows(Optional.empty(), "feature", PEOPLE).contains("OnFeature"));
    }

    @Test
    void cleanup_refuses_uncovered_drift_before_reclaiming_anything() {
        fragmentPeople();
        tables.compact(WriteTarget.unconditional(location("node:Person"), TableRef.MAIN));
        int versions = tables.versions(location("node:Person"), TableRef.MAIN).size();
        GraphEngineException refused = assertThrows(GraphEngineException.class, () -> cleanup(CleanupPolicy.keep(1)));
        assertEquals(GraphErrorKind.CONFLICT, refused.kind());
        assertTrue(refused.getMessage().startsWith("cleanup found uncovered HEAD drift for node:Person: published dataset "
                + "version "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; run `omnigraph repair` before version GC"), refused.getMessage());
        assertEquals(versions, tables.versions(location("node:Person"), TableRef.MAIN).size());
    }

    @Test
    void a_failure_on_one_table_is_reported_on_it_and_the_others_go_on() {
        fragmentPeople();
        CleanUpGraphResult result;
        try (ScopedFailpoint broken = ScopedFailpoint.fail(FailpointNames.CLEANUP_TABLE_GC)) {
            result = cleanup(CleanupPolicy.keep(1));
        }
        assertEquals(5, result.tables().size());
        for (TableCleanup table : result.tables()) {
            assertEquals(Optional.of("injected failpoint triggered: cleanup.table_gc"), table.error(), table.toString());
            assertEquals(0, table.versionsRemoved());
        }
        assertTrue(rows(Optional.of("manifest:main:v2"), "main", PEOPLE).contains("Ada"), "nothing was reclaimed");
        assertTrue(cleanup(CleanupPolicy.keep(1)).failed().isEmpty(), "a rerun converges");
    }

    @Test
    void an_unreadable_live_branch_refuses_cleanup_before_any_reclaim() {
        branches.createBranch(uri, "feature", "main", Optional.empty());
        fragmentPeople();
        GraphEngineException refused;
        try (ScopedFailpoint broken = ScopedFailpoint.fail(FailpointNames.CLEANUP_RESOLVE_BRANCH_SNAPSHOT)) {
            refused = assertThrows(GraphEngineException.class, () -> cleanup(CleanupPolicy.keep(1)));
        }
        assertEquals(GraphErrorKind.CONFLICT, refused.kind());
        assertTrue(refused.getMessage().startsWith("cleanup could not classify live branch 'feature'; refusing version GC"),
                refused.getMessage());
        assertTrue(rows(Optional.of("manifest:main:v2"), "main", PEOPLE).contains("Ada"));
    }

    @Test
    void a_fork_that_cannot_be_reclaimed_now_is_left_for_the_next_cleanup_and_the_rest_goes_on() {
        fragmentPeople();
        String personLocation = location("node:Person");
        tables.createBranch(personLocation, "stray", TableRef.at(personLocation, TableRef.MAIN, 1));
        CleanUpGraphResult first;
        try (ScopedFailpoint broken = ScopedFailpoint.fail(FailpointNames.CLEANUP_RECONCILE_FORK)) {
            first = cleanup(CleanupPolicy.keep(1));
        }
        assertEquals(List.of(), first.reclaimedForks());
        assertEquals(List.of(), first.failed());
        assertTrue(tables.branches(personLocation).contains("stray"));
        assertTrue(first.versionsRemoved() > 0, "version cleanup went on: " + first);
        assertEquals(List.of("node:Person@stray"), cleanup(CleanupPolicy.keep(1)).reclaimedForks());
        assertEquals(List.of(), tables.branches(personLocation));
    }

    @Test
    void a_sidecar_armed_while_cleanup_prepares_refuses_it_before_anything_is_reclaimed() throws IOException {
        fragmentPeople();
        Runnable concurrentCrashedWriter = () -> {
            try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_TABLE_COMMIT)) {
                insertPerson("Crashed", 9);
            } catch (InjectedFailpointException expected) {
                // the writer "died" after moving Person: its sidecar stays
            }
        };
        GraphEngineException refused;
        try (ScopedFailpoint window = ScopedFailpoint.callback(FailpointNames.CLEANUP_POST_RECOVERY_CHECK_PRE_GATES,
                concurrentCrashedWriter)) {
            refused = assertThrows(GraphEngineException.class, () -> cleanup(CleanupPolicy.keep(1)));
        }
        assertEquals(GraphErrorKind.CONFLICT, refused.kind());
        assertEquals("cleanup observed a recovery sidecar after acquiring its GC gates; reopen the graph read-write to "
                + "recover before garbage-collecting versions", refused.getMessage());
        assertEquals(1, sidecars().size());
        assertTrue(rows(Optional.of("manifest:main:v2"), "main", PEOPLE).contains("Ada"), "nothing was reclaimed");
    }

    /** Versions of every table, to compare before and after. */
    private List<Integer> versionCounts() {
        List<Integer> counts = new ArrayList<>();
        for (String key : List.of("node:Person", "node:Company", "edge:Knows", "edge:WorksAt")) {
            counts.add(tables.versions(location(key), TableRef.MAIN).size());
        }
        return counts;
    }

    @Test
    void cleanup_keeping_everything_reclaims_nothing() {
        fragmentPeople();
        List<Integer> before = versionCounts();
        CleanUpGraphResult result = cleanup(CleanupPolicy.keep(1000));
        assertEquals(0, result.versionsRemoved());
        assertEquals(before, versionCounts());
    }
}
