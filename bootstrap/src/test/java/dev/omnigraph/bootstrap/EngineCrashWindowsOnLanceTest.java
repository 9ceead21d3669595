package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.application.failpoint.ScopedFailpoint;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.graph.maintenance.CleanupPolicy;
import dev.omnigraph.domain.graph.maintenance.RepairClassification;
import dev.omnigraph.domain.graph.recovery.RecoveryAuditRecord;
import dev.omnigraph.domain.graph.recovery.RecoveryKind;
import dev.omnigraph.ports.in.ApplySchemaCommand;
import dev.omnigraph.ports.in.CleanUpGraphCommand;
import dev.omnigraph.ports.in.CleanUpGraphResult;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.ManageBranchesUseCase.BranchResult;
import dev.omnigraph.ports.in.OptimizeGraphCommand;
import dev.omnigraph.ports.in.RepairGraphCommand;
import dev.omnigraph.ports.in.RepairGraphResult.TableRepair;
import dev.omnigraph.ports.out.table.TableRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine crash window that production code fires, on real Lance (issue 5): the window is armed, the
 * operation runs and "crashes" there (an injected failpoint stops it as a dying process would: nothing after it
 * runs), a new process takes over, and its next write (which heals first, as every CLI write opens the graph
 * for writing) must leave the graph at exactly the state before the operation or exactly the state a clean run
 * of it produces: the accepted schema and every record of every branch compared row by row, nothing lost, no
 * recovery sidecar and no staged schema file left, every published table at its storage head, and exactly the
 * audit rows the recovery decided (one per recovery that published; none for an intent that never had an
 * effect). Then the operation runs again, cleanly, and must end at the clean run's state.
 *
 * <p>Windows of the recovery sweep itself are crashed in a second stage: an operation first crashes where it
 * leaves a sidecar, then the recovery of that sidecar crashes at the window, and the next write must still
 * converge with one audit row. The three cleanup windows are not crashes but per-item failures the reference
 * records and goes past (or, for an unreadable branch, refuses the whole cleanup with): they are checked the
 * same way, with the operation's own report.
 *
 * <p>{@link CrashWindowCoverageTest} fails when a failpoint fired by production code has no case here (or in
 * {@code ClusterCrashWindowsOnLanceTest} for the {@code cluster_apply.*} windows).
 */
class EngineCrashWindowsOnLanceTest {

    /** A Company record no operation here writes: the next write after a crash, filtered out of every state. */
    private static final String PROBE = "Probe Inc";

    @TempDir
    Path temp;

    @TempDir
    static Path cleanRuns;

    private LanceGraphProcess graph;

    /** The state a clean run of each operation produces, computed once per operation on a graph of its own. */
    private static final Map<Operation, GraphState> CLEAN_AFTER = new EnumMap<>(Operation.class);

    @AfterEach
    void stop() {
        if (graph != null) {
            graph.close();
        }
    }

    @AfterAll
    static void forgetCleanRuns() {
        CLEAN_AFTER.clear();
    }

    // ---- the operations ----------------------------------------------------------------------------------------

    private static final String INSERT_ZED = "query add_zed() { insert Person { name: \"Zed\", age: 7, role: \"guest\" } "
            + "insert Company { name: \"Zed Works\" } }";

    private static final String LOAD_YAN = "{\"type\":\"Person\",\"data\":{\"name\":\"Yan\",\"age\":30,\"role\":\"member\"}}\n"
            + "{\"type\":\"Company\",\"data\":{\"name\":\"Yan Labs\"}}\n";

    /** Adds a property to Person and to Company (two rewrites) and a node type (a created table). */
    private static String widenedSchema() {
        try {
            String base = Files.readString(GraphEngineOnLanceTest.examples().resolve("schema.pg"));
            String widened = base.replace("    email: String?\n", "    email: String?\n    nickname: String?\n")
                    .replace("    revenue: F64?\n", "    revenue: F64?\n    domain: String?\n")
                    + "\nnode Project {\n    title: String @key\n}\n";
            assertTrue(widened.contains("nickname") && widened.contains("domain: String?"),
                    "examples/people/schema.pg changed; update the widened schema");
            return widened;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * An operation that can crash, with what it needs first. Every operation is repeatable: run again on the
     * state it produced, it changes nothing (keyed inserts are upserts, an applied schema plans no step,
     * maintenance keeps content).
     */
    enum Operation {
        /** Inserts into two node tables on main (so a crash can fall between the two table commits). */
        MUTATION {
            @Override
            void run(LanceGraphProcess graph) {
                graph.mutate("main", INSERT_ZED, "{}");
            }
        },
        /** The same mutation on a branch, whose first write forks each table (copy-on-write). */
        MUTATION_ON_BRANCH {
            @Override
            void prepare(LanceGraphProcess graph) {
                graph.branches().createBranch(graph.uri(), "feature", "main", Optional.empty());
            }

            @Override
            void run(LanceGraphProcess graph) {
                graph.mutate("feature", INSERT_ZED, "{}");
            }

            @Override
            String branch() {
                return "feature";
            }
        },
        /** A merge load into two node tables. */
        LOAD {
            @Override
            void run(LanceGraphProcess graph) {
                graph.engine().loadGraph(new LoadGraphCommand(graph.uri(), "main", LoadMode.MERGE, "more.jsonl", LOAD_YAN,
                        Optional.of("loader")), ProgressListener.NONE);
            }
        },
        /** A migration with a created table and two rewrites (created first, then Company, then Person). */
        SCHEMA_APPLY {
            @Override
            void run(LanceGraphProcess graph) {
                graph.schemas().applySchema(new ApplySchemaCommand(graph.uri(), "next.pg", widenedSchema(), false,
                        Optional.of("migrator")));
            }
        },
        /** Optimize of a Person table fragmented by three one-row writes. */
        OPTIMIZE {
            @Override
            void prepare(LanceGraphProcess graph) {
                fragmentPeople(graph);
            }

            @Override
            void run(LanceGraphProcess graph) {
                graph.maintenance().optimizeGraph(new OptimizeGraphCommand(graph.uri()));
            }
        },
        /** Cleanup keeping one version, after three one-row writes. */
        CLEANUP {
            @Override
            void prepare(LanceGraphProcess graph) {
                fragmentPeople(graph);
            }

            @Override
            void run(LanceGraphProcess graph) {
                cleanup(graph);
            }
        },
        /** Cleanup with a live branch, whose snapshot it must read before reclaiming anything. */
        CLEANUP_WITH_BRANCH {
            @Override
            void prepare(LanceGraphProcess graph) {
                graph.branches().createBranch(graph.uri(), "feature", "main", Optional.empty());
                fragmentPeople(graph);
            }

            @Override
            void run(LanceGraphProcess graph) {
                cleanup(graph);
            }
        },
        /** Cleanup with an orphaned fork of the Person table to reclaim. */
        CLEANUP_WITH_ORPHAN_FORK {
            @Override
            void prepare(LanceGraphProcess graph) {
                fragmentPeople(graph);
                String person = tableLocation(graph, "node:Person");
                graph.tables().createBranch(person, "stray", TableRef.at(person, TableRef.MAIN, 1));
            }

            @Override
            void run(LanceGraphProcess graph) {
                cleanup(graph);
            }
        };

        void prepare(LanceGraphProcess graph) {
        }

        abstract void run(LanceGraphProcess graph);

        /** The branch the operation writes (and the next write after a crash goes to). */
        String branch() {
            return "main";
        }

        static void fragmentPeople(LanceGraphProcess graph) {
            for (int i = 1; i <= 3; i++) {
                graph.mutate("main", "query q($n: String) { insert Person { name: $n, role: \"member\" } }",
                        "{\"n\":\"Frag" + i + "\"}");
            }
        }

        static CleanUpGraphResult cleanup(LanceGraphProcess graph) {
            return graph.maintenance().cleanUpGraph(new CleanUpGraphCommand(graph.uri(), CleanupPolicy.keep(1)));
        }
    }

    // ---- the windows ------------------------------------------------------------------------------------------

    /** Where the graph ends after recovery. */
    enum Outcome { BEFORE, AFTER }

    /** What the armed window does to the operation. */
    enum Effect {
        /** The operation dies at the window ({@link InjectedFailpointException}). */
        CRASH,
        /** The operation refuses as a whole, typed ({@code conflict}), before any effect. */
        REFUSED,
        /** The operation records the failure against one item, goes on and returns. */
        RECORDED
    }

    /**
     * One crash window.
     *
     * @param failpoint the window armed
     * @param operation what runs
     * @param primingCrash empty: the window is armed while the operation runs; present: the operation first crashes
     *     at this window (leaving a sidecar), then the window is armed while the next process recovers it
     * @param effect what the window does to the operation
     * @param outcome the state the graph must end in
     * @param audit the recovery audit rows the recovery must leave, in order
     */
    record Window(String failpoint, Operation operation, Optional<String> primingCrash, Effect effect, Outcome outcome,
                  List<RecoveryKind> audit) {
        @Override
        public String toString() {
            return failpoint + primingCrash.map(priming -> " (recovering " + operation + " crashed at " + priming + ")")
                    .orElse(" (" + operation + ")");
        }
    }

    private static Window crash(String failpoint, Operation operation, Outcome outcome, RecoveryKind... audit) {
        return new Window(failpoint, operation, Optional.empty(), Effect.CRASH, outcome, List.of(audit));
    }

    private static Window recoveryCrash(String failpoint, String primingCrash, Outcome outcome, RecoveryKind audit) {
        return new Window(failpoint, Operation.MUTATION, Optional.of(primingCrash), Effect.CRASH, outcome, List.of(audit));
    }

    private static final RecoveryKind FORWARD = RecoveryKind.ROLLED_FORWARD;
    private static final RecoveryKind BACK = RecoveryKind.ROLLED_BACK;

    /** Every engine window production code fires, with the operation that reaches it and the expected ending. */
    static List<Window> windows() {
        return List.of(
                // the staged-write path of mutations and loads (RecoverableWrites, TableWrites)
                crash(FailpointNames.MUTATION_POST_STAGE_PRE_EFFECT_GATE, Operation.MUTATION, Outcome.BEFORE),
                crash(FailpointNames.RECOVERY_SIDECAR_WRITE, Operation.MUTATION, Outcome.BEFORE),
                crash(FailpointNames.MUTATION_POST_SIDECAR_PRE_FORK, Operation.MUTATION, Outcome.BEFORE),
                crash(FailpointNames.MUTATION_POST_FORK_PRE_COMMIT, Operation.MUTATION_ON_BRANCH, Outcome.BEFORE),
                crash(FailpointNames.MUTATION_POST_TABLE_COMMIT, Operation.MUTATION, Outcome.BEFORE, BACK),
                crash(FailpointNames.RECOVERY_SIDECAR_CONFIRM, Operation.LOAD, Outcome.BEFORE, BACK),
                crash(FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER, Operation.LOAD, Outcome.AFTER, FORWARD),
                crash(FailpointNames.RECOVERY_SIDECAR_DELETE, Operation.MUTATION, Outcome.AFTER, FORWARD),
                // the one publication door (ManifestPublisher): the publish landed, its acknowledgement was lost
                crash(FailpointNames.GRAPH_PUBLISH_AFTER_MANIFEST_COMMIT, Operation.OPTIMIZE, Outcome.AFTER, FORWARD),
                // the recovery sweep itself, recovering a mutation that crashed where it must be rolled forward / back
                recoveryCrash(FailpointNames.RECOVERY_SIDECAR_LIST, FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER,
                        Outcome.AFTER, FORWARD),
                recoveryCrash(FailpointNames.RECOVERY_POST_SIDECAR_LIST_PRE_READ,
                        FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER, Outcome.AFTER, FORWARD),
                recoveryCrash(FailpointNames.RECOVERY_BEFORE_ROLL_FORWARD_PUBLISH,
                        FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER, Outcome.AFTER, FORWARD),
                recoveryCrash(FailpointNames.RECOVERY_RECORD_AUDIT, FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER,
                        Outcome.AFTER, FORWARD),
                recoveryCrash(FailpointNames.RECOVERY_POST_TABLE_RESTORE_PRE_PUBLISH, FailpointNames.MUTATION_POST_TABLE_COMMIT,
                        Outcome.BEFORE, BACK),
                recoveryCrash(FailpointNames.RECOVERY_POST_ROLLBACK_PUBLISH_PRE_AUDIT,
                        FailpointNames.MUTATION_POST_TABLE_COMMIT, Outcome.BEFORE, BACK),
                // schema apply (SchemaApplyService): armed, created, rewritten, staged+confirmed, published
                crash(FailpointNames.SCHEMA_APPLY_POST_SIDECAR_PRE_EFFECT, Operation.SCHEMA_APPLY, Outcome.BEFORE),
                crash(FailpointNames.SCHEMA_APPLY_POST_TABLE_COMMIT, Operation.SCHEMA_APPLY, Outcome.BEFORE),
                crash(FailpointNames.SCHEMA_APPLY_BEFORE_STAGING_WRITE, Operation.SCHEMA_APPLY, Outcome.BEFORE, BACK),
                crash(FailpointNames.SCHEMA_APPLY_AFTER_STAGING_WRITE, Operation.SCHEMA_APPLY, Outcome.AFTER, FORWARD),
                crash(FailpointNames.SCHEMA_APPLY_AFTER_MANIFEST_COMMIT, Operation.SCHEMA_APPLY, Outcome.AFTER, FORWARD),
                // optimize (content never changes: BEFORE and AFTER hold the same records)
                crash(FailpointNames.OPTIMIZE_POST_RECOVERY_CHECK_PRE_MAIN_GATE, Operation.OPTIMIZE, Outcome.BEFORE),
                crash(FailpointNames.OPTIMIZE_POST_AUTHORITY_CAPTURE_PRE_GATES, Operation.OPTIMIZE, Outcome.BEFORE),
                crash(FailpointNames.OPTIMIZE_BEFORE_COMPACT, Operation.OPTIMIZE, Outcome.BEFORE),
                crash(FailpointNames.OPTIMIZE_POST_PHASE_B_PRE_MANIFEST_COMMIT, Operation.OPTIMIZE, Outcome.AFTER, FORWARD),
                // cleanup
                crash(FailpointNames.CLEANUP_POST_RECOVERY_CHECK_PRE_GATES, Operation.CLEANUP, Outcome.BEFORE),
                new Window(FailpointNames.CLEANUP_RESOLVE_BRANCH_SNAPSHOT, Operation.CLEANUP_WITH_BRANCH, Optional.empty(),
                        Effect.REFUSED, Outcome.BEFORE, List.of()),
                new Window(FailpointNames.CLEANUP_RECONCILE_FORK, Operation.CLEANUP_WITH_ORPHAN_FORK, Optional.empty(),
                        Effect.RECORDED, Outcome.BEFORE, List.of()),
                new Window(FailpointNames.CLEANUP_TABLE_GC, Operation.CLEANUP, Optional.empty(), Effect.RECORDED,
                        Outcome.BEFORE, List.of()));
    }

    // ---- the test ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void a_crash_at_the_window_ends_at_exactly_the_before_or_after_state(Window window) {
        graph = LanceGraphProcess.seededPeople(temp.resolve("g"));
        Operation operation = window.operation();
        operation.prepare(graph);
        GraphState before = GraphState.of(graph);

        List<String> pendingAfterCrash = window.primingCrash().isPresent()
                ? crashTheRecovery(window)
                : runWithTheWindowArmed(window);
        assertTrue(pendingAfterCrash.size() <= 1, "one interrupted operation, at most one sidecar: " + pendingAfterCrash);

        graph.restart();
        graph.mutate(operation.branch(), "query probe() { insert Company { name: \"" + PROBE + "\" } }", "{}");

        GraphState expected = window.outcome() == Outcome.BEFORE ? before : cleanAfter(operation);
        assertEquals(expected, GraphState.of(graph), "the state after recovery");
        assertEquals(List.of(), graph.sidecarFiles(), "no sidecar left after the next write");
        assertEquals(List.of(), graph.stagingFiles(), "no staged schema file left after the next write");
        assertEveryTableAtItsPublishedHead();
        List<RecoveryAuditRecord> audit = graph.engine().recoveryAudit(graph.uri());
        assertEquals(window.audit(), audit.stream().map(RecoveryAuditRecord::recoveryKind).toList(), "audit rows");
        if (!audit.isEmpty()) {
            assertEquals(pendingAfterCrash, List.of(audit.get(0).operationId()), "the audit row names the crashed operation");
        }

        operation.run(graph);
        assertEquals(cleanAfter(operation), GraphState.of(graph), "run again, the operation ends where a clean run ends");
        assertEquals(window.audit(), graph.auditKinds(), "nothing recovered twice");
        assertEquals(List.of(), graph.sidecarFiles());
    }

    /** Runs the operation with the window armed; returns the sidecars it left. */
    private List<String> runWithTheWindowArmed(Window window) {
        try (ScopedFailpoint armed = ScopedFailpoint.fail(window.failpoint())) {
            switch (window.effect()) {
                case CRASH -> {
                    InjectedFailpointException crashed = assertThrows(InjectedFailpointException.class,
                            () -> window.operation().run(graph));
                    assertEquals(window.failpoint(), crashed.failpointName());
                }
                case REFUSED -> {
                    GraphEngineException refused = assertThrows(GraphEngineException.class,
                            () -> window.operation().run(graph));
                    assertEquals(GraphErrorKind.CONFLICT, refused.kind());
                    assertTrue(refused.getMessage().contains("injected failpoint triggered: " + window.failpoint()),
                            refused.getMessage());
                }
                case RECORDED -> assertRecordedFailure(window, Operation.cleanup(graph));
            }
        }
        return graph.engine().pendingRecoveries(graph.uri());
    }

    private void assertRecordedFailure(Window window, CleanUpGraphResult result) {
        if (window.failpoint().equals(FailpointNames.CLEANUP_RECONCILE_FORK)) {
            assertEquals(List.of(), result.reclaimedForks(), "the fork that failed is left for the next cleanup");
            assertTrue(graph.tables().branches(tableLocation(graph, "node:Person")).contains("stray"));
            assertEquals(List.of(), result.failed(), "version cleanup of every table went on");
        } else {
            assertEquals(result.tables().size(), result.failed().size(), "every table recorded its own failure");
            result.failed().forEach(table -> assertEquals(Optional.of("injected failpoint triggered: "
                    + window.failpoint()), table.error()));
        }
    }

    /**
     * Crashes the operation at its priming window (leaving a sidecar), then crashes the next process's recovery
     * of it at the window; returns the sidecar the operation left.
     */
    private List<String> crashTheRecovery(Window window) {
        try (ScopedFailpoint priming = ScopedFailpoint.fail(window.primingCrash().get())) {
            assertThrows(InjectedFailpointException.class, () -> window.operation().run(graph));
        }
        List<String> pending = graph.engine().pendingRecoveries(graph.uri());
        assertEquals(1, pending.size());
        graph.restart();
        try (ScopedFailpoint armed = ScopedFailpoint.fail(window.failpoint())) {
            InjectedFailpointException crashed = assertThrows(InjectedFailpointException.class,
                    () -> graph.engine().recoverGraph(graph.uri()));
            assertEquals(window.failpoint(), crashed.failpointName());
        }
        assertEquals(pending, graph.engine().pendingRecoveries(graph.uri()), "the crashed recovery kept the sidecar");
        return pending;
    }

    /** Repair's preview judges every table of main: a published version below its storage head is drift. */
    private void assertEveryTableAtItsPublishedHead() {
        for (TableRepair table : graph.maintenance().repairGraph(new RepairGraphCommand(graph.uri(), false, false)).tables()) {
            assertEquals(RepairClassification.NO_DRIFT, table.classification(), table.toString());
        }
    }

    private GraphState cleanAfter(Operation operation) {
        return CLEAN_AFTER.computeIfAbsent(operation, clean -> {
            try (LanceGraphProcess twin = LanceGraphProcess.seededPeople(cleanRuns.resolve(clean.name()))) {
                clean.prepare(twin);
                clean.run(twin);
                twin.mutate(clean.branch(), "query probe() { insert Company { name: \"" + PROBE + "\" } }", "{}");
                return GraphState.of(twin);
            }
        });
    }

    static String tableLocation(LanceGraphProcess graph, String tableKey) {
        return graph.root().resolve(graph.engine().open(graph.uri(), "main").visible(tableKey).orElseThrow().location())
                .toString();
    }

    /**
     * What a user can observe of a graph: its accepted schema and every record of every branch, in export form.
     * Records are compared as sorted lines; edge ids (minted per insert) are left out, and so is the probe write.
     */
    record GraphState(String schema, Map<String, List<String>> records) {

        static GraphState of(LanceGraphProcess graph) {
            Map<String, List<String>> records = new TreeMap<>();
            Set<String> branches = new LinkedHashSet<>(List.of("main"));
            graph.branches().listBranches(graph.uri()).forEach(branch -> branches.add(branch.name()));
            for (String branch : branches) {
                List<String> lines = new ArrayList<>();
                for (String line : graph.export(branch)) {
                    if (!line.contains("\"" + PROBE + "\"")) {
                        lines.add(line.startsWith("{\"edge\"") ? line.replaceFirst("\"data\":\\{\"id\":\"[^\"]*\",?", "\"data\":{")
                                : line);
                    }
                }
                lines.sort(String::compareTo);
                records.put(branch, List.copyOf(lines));
            }
            return new GraphState(graph.acceptedSchema(), records);
        }
    }

    // ---- windows that need a scenario of their own -------------------------------------------------------------

    /** Windows whose scenario does not fit the table above, each with the test method that crashes it. */
    static final Map<String, String> DEDICATED_TESTS = Map.of(
            FailpointNames.RECOVERY_ORPHAN_DISCARD_AUDIT_APPEND,
            "an_orphaned_branch_sidecar_is_discarded_once_across_a_crash_before_its_audit_row",
            FailpointNames.BRANCH_DELETE_BEFORE_TABLE_CLEANUP,
            "a_fork_left_by_a_failed_reclaim_after_a_branch_delete_is_reclaimed_by_cleanup",
            FailpointNames.BRANCH_CREATE_POST_NATIVE,
            "a_lost_acknowledgement_of_a_branch_create_or_delete_is_classified_by_the_branch_record",
            FailpointNames.BRANCH_DELETE_POST_NATIVE,
            "a_lost_acknowledgement_of_a_branch_create_or_delete_is_classified_by_the_branch_record");

    /**
     * A write on a branch crashes after its table effect, then the branch is deleted: its sidecar is an orphan.
     * The recovery records the discard as a lineage-only commit on main and one audit row; crashing between the
     * two, the next write finds the commit (it reuses the sidecar's roll-back commit id) and appends the row
     * once. Main's records never change.
     */
    @Test
    void an_orphaned_branch_sidecar_is_discarded_once_across_a_crash_before_its_audit_row() {
        graph = LanceGraphProcess.seededPeople(temp.resolve("g"));
        Operation.MUTATION_ON_BRANCH.prepare(graph);
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_TABLE_COMMIT)) {
            assertThrows(InjectedFailpointException.class, () -> Operation.MUTATION_ON_BRANCH.run(graph));
        }
        List<String> orphan = graph.engine().pendingRecoveries(graph.uri());
        assertEquals(1, orphan.size());
        graph.branches().deleteBranch(graph.uri(), "feature", Optional.empty());
        GraphState before = GraphState.of(graph);
        int commitsBefore = commitCount();

        graph.restart();
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.RECOVERY_ORPHAN_DISCARD_AUDIT_APPEND)) {
            assertThrows(InjectedFailpointException.class, () -> graph.engine().recoverGraph(graph.uri()));
        }
        assertEquals(orphan, graph.engine().pendingRecoveries(graph.uri()));
        assertEquals(List.of(), graph.auditKinds());
        assertEquals(commitsBefore + 1, commitCount(), "the lineage-only discard commit landed");

        graph.restart();
        graph.mutate("main", "query probe() { insert Company { name: \"" + PROBE + "\" } }", "{}");
        assertEquals(before, GraphState.of(graph));
        assertEquals(List.of(), graph.sidecarFiles());
        List<RecoveryAuditRecord> audit = graph.engine().recoveryAudit(graph.uri());
        assertEquals(List.of(RecoveryKind.ORPHANED_BRANCH_DISCARDED), audit.stream().map(RecoveryAuditRecord::recoveryKind).toList());
        assertEquals(orphan.get(0), audit.get(0).operationId());
        assertEquals(commitsBefore + 2, commitCount(), "one discard commit, then the probe: none repeated");
        assertEquals(audit.get(0).graphCommitId(), graph.engine().listCommits(
                new CommitListQuery(graph.uri(), "main")).commits().get(1).graphCommitId());
    }

    /**
     * Deleting a branch removes it from the manifest first, then reclaims its table forks best-effort: a failure
     * there is logged, the delete succeeds, and cleanup reclaims the orphaned fork. Nothing of main is touched.
     */
    @Test
    void a_fork_left_by_a_failed_reclaim_after_a_branch_delete_is_reclaimed_by_cleanup() {
        graph = LanceGraphProcess.seededPeople(temp.resolve("g"));
        GraphState before = GraphState.of(graph);
        Operation.MUTATION_ON_BRANCH.prepare(graph);
        Operation.MUTATION_ON_BRANCH.run(graph);
        String person = tableLocation(graph, "node:Person");
        assertEquals(List.of("feature"), graph.tables().branches(person));

        try (ScopedFailpoint failing = ScopedFailpoint.fail(FailpointNames.BRANCH_DELETE_BEFORE_TABLE_CLEANUP)) {
            graph.branches().deleteBranch(graph.uri(), "feature", Optional.empty());
        }
        assertEquals(List.of("main"), graph.branches().listBranches(graph.uri()).stream()
                .map(BranchResult::name).toList());
        assertEquals(List.of("feature"), graph.tables().branches(person), "the fork is left behind");
        assertEquals(before, GraphState.of(graph));

        CleanUpGraphResult cleaned = Operation.cleanup(graph);
        assertTrue(cleaned.reclaimedForks().contains("node:Person@feature"), cleaned.toString());
        assertEquals(List.of(), graph.tables().branches(person));
        assertEquals(before, GraphState.of(graph));
        graph.branches().createBranch(graph.uri(), "feature", "main", Optional.empty());
        Operation.MUTATION_ON_BRANCH.run(graph); // the name is reusable
    }

    /**
     * Branch create and delete are each one storage call on the manifest whose acknowledgement can be lost (the
     * call landed, the caller saw a failure). The branch record decides: a branch with exactly the requested
     * origin was created, a branch that is gone was deleted; both then report success. Neither writes a graph
     * commit, and a fresh branch's first commit has the source's head as parent (there is no head row to lose).
     */
    @Test
    void a_lost_acknowledgement_of_a_branch_create_or_delete_is_classified_by_the_branch_record() {
        graph = LanceGraphProcess.seededPeople(temp.resolve("g"));
        GraphState before = GraphState.of(graph);
        int commitsBefore = commitCount();
        String mainHead = graph.engine().listCommits(new CommitListQuery(graph.uri(), "main")).commits().get(0)
                .graphCommitId();

        try (ScopedFailpoint lostAck = ScopedFailpoint.fail(FailpointNames.BRANCH_CREATE_POST_NATIVE)) {
            BranchResult created = graph.branches().createBranch(graph.uri(), "feature", "main", Optional.empty());
            assertEquals(Optional.of(mainHead), created.headCommitId());
        }
        assertEquals(List.of("main", "feature"), branchNames());
        graph.restart();
        graph.mutate("feature", "query probe() { insert Company { name: \"" + PROBE + "\" } }", "{}");
        assertEquals(Optional.of(mainHead), graph.engine().listCommits(new CommitListQuery(graph.uri(), "feature"))
                .commits().get(0).parentCommitId(), "the first commit on the branch continues main's head");
        assertEquals(commitsBefore, commitCount(), "a branch create writes no commit on main");

        try (ScopedFailpoint lostAck = ScopedFailpoint.fail(FailpointNames.BRANCH_DELETE_POST_NATIVE)) {
            graph.branches().deleteBranch(graph.uri(), "feature", Optional.empty());
        }
        assertEquals(List.of("main"), branchNames());
        String company = tableLocation(graph, "node:Company");
        assertEquals(List.of(), graph.tables().branches(company), "the deleted branch's fork is reclaimed as usual");
        assertEquals(before, GraphState.of(graph));
        assertEquals(commitsBefore, commitCount());
        assertEquals(List.of(), graph.sidecarFiles());
    }

    /** A fork of a branch starts at that branch's head: its first commit's parent is the source branch's head. */
    @Test
    void a_branch_of_a_branch_continues_the_source_branch_head() {
        graph = LanceGraphProcess.seededPeople(temp.resolve("g"));
        graph.branches().createBranch(graph.uri(), "feature", "main", Optional.empty());
        graph.mutate("feature", "query probe() { insert Company { name: \"" + PROBE + "\" } }", "{}");
        String featureHead = graph.engine().listCommits(new CommitListQuery(graph.uri(), "feature")).commits().get(0)
                .graphCommitId();
        BranchResult child = graph.branches().createBranch(graph.uri(), "feature-child", "feature", Optional.empty());
        assertEquals(Optional.of(featureHead), child.headCommitId());
        graph.mutate("feature-child", "query probe2() { insert Company { name: \"Child Co\" } }", "{}");
        List<CommitResult> history = graph.engine().listCommits(new CommitListQuery(graph.uri(), "feature-child")).commits();
        assertEquals(Optional.of(featureHead), history.get(0).parentCommitId());
        assertEquals(featureHead, history.get(1).graphCommitId());
    }

    /**
     * Between a schema apply's manifest publish and the promotion of its schema files, the published tables belong
     * to the new schema while the accepted schema is still the old one: a read there is refused with
     * {@code recovery_required} (it would read new tables through the old schema). A crash before the publish
     * leaves old tables under the old schema, which reads serve as before. The next write finishes the apply and
     * reads see the new schema.
     */
    @Test
    void reads_between_a_published_schema_apply_and_its_promoted_schema_files_are_refused() {
        graph = LanceGraphProcess.seededPeople(temp.resolve("g"));
        String people = "query q() { match { $p: Person } return { $p.name } order { $p.name } }";
        String before = graph.query("main", people, "{}");
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.SCHEMA_APPLY_AFTER_STAGING_WRITE)) {
            assertThrows(InjectedFailpointException.class, () -> Operation.SCHEMA_APPLY.run(graph));
        }
        graph.restart();
        assertEquals(before, graph.query("main", people, "{}"), "nothing published: the old schema reads as before");
        graph.close();

        graph = LanceGraphProcess.seededPeople(temp.resolve("g2"));
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.SCHEMA_APPLY_AFTER_MANIFEST_COMMIT)) {
            assertThrows(InjectedFailpointException.class, () -> Operation.SCHEMA_APPLY.run(graph));
        }
        graph.restart();
        GraphEngineException refused = assertThrows(GraphEngineException.class, () -> graph.query("main", people, "{}"));
        assertEquals(GraphErrorKind.RECOVERY_REQUIRED, refused.kind());
        assertTrue(refused.getMessage().contains("repair"), refused.getMessage());
        assertEquals(GraphErrorKind.RECOVERY_REQUIRED, assertThrows(GraphEngineException.class,
                () -> graph.export("main")).kind());

        graph.mutate("main", "query probe() { insert Company { name: \"" + PROBE + "\" } }", "{}");
        assertEquals(before, graph.query("main", people, "{}"));
        assertTrue(graph.acceptedSchema().contains("nickname"), "the write finished the apply");
        assertTrue(graph.query("main", "query q() { match { $p: Project } return { $p.title } }", "{}").contains("[]"));
    }

    private List<String> branchNames() {
        return graph.branches().listBranches(graph.uri()).stream().map(BranchResult::name).toList();
    }

    private int commitCount() {
        return graph.engine().listCommits(new CommitListQuery(graph.uri(), "main")).commits().size();
    }

    // ---- the table itself -------------------------------------------------------------------------------------

    @Test
    void the_windows_are_distinct_and_each_reaches_a_state_a_clean_run_can_be_told_from() {
        List<String> names = windows().stream().map(Window::failpoint).toList();
        assertEquals(names.size(), Set.copyOf(names).size(), "each window once: " + names);
        for (Window window : windows()) {
            assertTrue(FailpointNames.ALL.contains(window.failpoint()), window.failpoint());
            assertTrue(window.audit().size() <= 1, "one audit row per recovery: " + window);
        }
        for (Operation operation : List.of(Operation.MUTATION, Operation.MUTATION_ON_BRANCH, Operation.LOAD,
                Operation.SCHEMA_APPLY)) {
            try (LanceGraphProcess untouched = LanceGraphProcess.seededPeople(temp.resolve("untouched-" + operation))) {
                operation.prepare(untouched);
                untouched.mutate(operation.branch(), "query probe() { insert Company { name: \"" + PROBE + "\" } }", "{}");
                assertNotEquals(GraphState.of(untouched), cleanAfter(operation),
                        operation + " must change what the state comparison sees");
            }
        }
    }
}
