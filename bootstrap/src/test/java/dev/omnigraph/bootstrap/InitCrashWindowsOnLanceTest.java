package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.application.failpoint.ScopedFailpoint;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.InitGraphResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every crash window of {@code init} on real Lance (engine notes §1.7, the reference's init failpoint tests): a
 * failure before any table leaves an empty root that init accepts again; a failure once tables may exist leaves
 * the schema files and the claim for an operator, unless the manifest probe proves this attempt's graph was
 * created (then init succeeds); a failure or a crash after the manifest create leaves a graph that opens, takes a
 * write and serves a read. {@link CrashWindowCoverageTest} requires an {@code init.*} window fired in production
 * to be armed here.
 */
class InitCrashWindowsOnLanceTest {

    private static final List<String> SCHEMA_FILES = List.of("_schema.pg", "_schema.ir.json", "__schema_state.json");
    private static final String CLAIM = "__init_claim.json";
    private static final String INSERT = "query add() { insert Person { name: \"Survivor\", age: 1, role: \"guest\" } }";

    @TempDir
    Path temp;

    private LanceGraphProcess graph;

    @AfterEach
    void stop() {
        if (graph != null) {
            graph.close();
        }
    }

    private Path root() {
        return temp.resolve("g");
    }

    private InitGraphResult init() {
        return init(false);
    }

    private InitGraphResult init(boolean force) {
        if (graph == null) {
            graph = LanceGraphProcess.over(root());
        }
        return graph.engine().initGraph(new InitGraphCommand(graph.uri(), "schema.pg", schema(), Optional.empty(), force));
    }

    private static String schema() {
        try {
            return Files.readString(GraphEngineOnLanceTest.examples().resolve("schema.pg"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private boolean exists(String name) {
        return Files.exists(root().resolve(name));
    }

    private void assertPresent(List<String> names, String why) {
        names.forEach(name -> assertTrue(exists(name), name + " " + why));
    }

    private void assertAbsent(List<String> names, String why) {
        names.forEach(name -> assertFalse(exists(name), name + " " + why));
    }

    /** A new process opens the graph, writes one node and reads it back; the history starts at one genesis. */
    private void assertUsableAfterRestart() {
        graph.restart();
        List<CommitResult> history = graph.engine().listCommits(new CommitListQuery(graph.uri(), "main")).commits();
        assertEquals(1, history.size(), "exactly the genesis commit");
        assertTrue(history.get(0).parentCommitId().isEmpty());
        graph.mutate("main", INSERT, "{}");
        assertTrue(graph.query("main", "query q() { match { $p: Person { name: \"Survivor\" } } return { $p.name } }", "{}")
                .contains("Survivor"));
    }

    private GraphEngineException initFails(GraphErrorKind kind) {
        GraphEngineException failure = assertThrows(GraphEngineException.class, this::init);
        assertEquals(kind, failure.kind(), failure.getMessage());
        return failure;
    }

    // ---- before any table: the attempt is undone -----------------------------------------------------------------

    @Test
    void a_failure_after_the_schema_source_is_written_removes_it_and_releases_the_claim() {
        try (ScopedFailpoint failing = ScopedFailpoint.fail(FailpointNames.INIT_AFTER_SCHEMA_PG_WRITTEN)) {
            InjectedFailpointException failure = assertThrows(InjectedFailpointException.class, this::init);
            assertTrue(failure.getMessage().contains("init.after_schema_pg_written"), failure.getMessage());
        }
        assertAbsent(SCHEMA_FILES, "is removed after a failure before any table");
        assertAbsent(List.of(CLAIM, "__manifest", "nodes"), "was released or never written");
        init();
        assertUsableAfterRestart();
    }

    @Test
    void a_failure_after_the_schema_contract_is_written_removes_all_three_files() {
        try (ScopedFailpoint failing = ScopedFailpoint.fail(FailpointNames.INIT_AFTER_SCHEMA_CONTRACT_WRITTEN)) {
            assertThrows(InjectedFailpointException.class, this::init);
        }
        assertAbsent(SCHEMA_FILES, "is removed after a failure before any table");
        assertAbsent(List.of(CLAIM, "nodes"), "was released or never written");
        init();
        assertUsableAfterRestart();
    }

    /**
     * A schema file that cannot be removed after a failure: the original failure is reported (not the delete's),
     * and the claim stays, so no later init can race a delayed delete. An operator then removes the claim, and
     * {@code --force} replaces the orphan schema files a strict init refuses.
     */
    @Test
    void a_failed_cleanup_keeps_the_claim_reports_the_original_failure_and_force_replaces_the_orphans() {
        try (ScopedFailpoint failing = ScopedFailpoint.fail(FailpointNames.INIT_AFTER_SCHEMA_PG_WRITTEN);
             ScopedFailpoint stuck = ScopedFailpoint.fail(FailpointNames.INIT_SCHEMA_CLEANUP_DELETE)) {
            InjectedFailpointException failure = assertThrows(InjectedFailpointException.class, this::init);
            assertTrue(failure.getMessage().contains("init.after_schema_pg_written"), failure.getMessage());
        }
        assertPresent(List.of("_schema.pg", CLAIM), "is kept when the cleanup cannot finish");

        GraphEngineException claimed = initFails(GraphErrorKind.ALREADY_INITIALIZED);
        assertTrue(claimed.getMessage().contains("--force"), claimed.getMessage());
        GraphEngineException stillClaimed = assertThrows(GraphEngineException.class, () -> init(true));
        assertEquals(GraphErrorKind.INITIALIZATION_CLAIMED, stillClaimed.kind());
        assertTrue(stillClaimed.getMessage().contains(CLAIM), stillClaimed.getMessage());

        deleteQuietly(CLAIM); // the operator, once no initializer runs
        init(true);
        assertAbsent(List.of(CLAIM), "is released after a successful init");
        assertUsableAfterRestart();
        GraphEngineException existing = assertThrows(GraphEngineException.class, () -> init(true));
        assertEquals(GraphErrorKind.ALREADY_INITIALIZED, existing.kind());
        assertTrue(existing.getMessage().contains("__manifest"), "force never rebinds an existing graph: "
                + existing.getMessage());
    }

    // ---- once tables may exist: unknown unless the manifest proves it ----------------------------------------------

    @Test
    void a_lost_acknowledgement_of_a_table_create_keeps_schema_files_and_claim_for_an_operator() {
        try (ScopedFailpoint lostAck = ScopedFailpoint.fail(FailpointNames.INIT_TABLE_CREATE_ACK_LOST)) {
            GraphEngineException failure = initFails(GraphErrorKind.INITIALIZATION_INDETERMINATE);
            assertTrue(failure.getMessage().contains("init.table_create_ack_lost"), failure.getMessage());
        }
        assertPresent(List.of("_schema.pg", "_schema.ir.json", "__schema_state.json", CLAIM, "nodes"),
                "is preserved when the physical outcome is unknown");
        assertAbsent(List.of("__manifest"), "was never created: the failure came before it");
        assertEquals(GraphErrorKind.ALREADY_INITIALIZED, initFails(GraphErrorKind.ALREADY_INITIALIZED).kind(),
                "a retry cannot collide with the tables of the unknown attempt");
    }

    @Test
    void a_lost_acknowledgement_of_the_manifest_create_is_recovered_by_the_exact_genesis_probe() {
        InitGraphResult result;
        try (ScopedFailpoint lostAck = ScopedFailpoint.fail(FailpointNames.INIT_MANIFEST_CREATE_ACK_LOST)) {
            result = init();
        }
        assertPresent(SCHEMA_FILES, "is kept: the graph exists");
        assertAbsent(List.of(CLAIM), "is released once the graph is proven created");
        assertEquals(result.commitId(), graph.engine().listCommits(new CommitListQuery(graph.uri(), "main")).commits()
                .get(0).graphCommitId(), "the genesis found is this attempt's");
        assertUsableAfterRestart();
    }

    @Test
    void an_unobservable_manifest_create_keeps_everything_and_the_graph_opens_once_it_can_be_read() {
        try (ScopedFailpoint lostAck = ScopedFailpoint.fail(FailpointNames.INIT_MANIFEST_CREATE_ACK_LOST);
             ScopedFailpoint blind = ScopedFailpoint.fail(FailpointNames.INIT_MANIFEST_CREATE_PROBE)) {
            GraphEngineException failure = initFails(GraphErrorKind.INITIALIZATION_INDETERMINATE);
            assertTrue(failure.getMessage().contains("init.manifest_create_ack_lost")
                    && failure.getMessage().contains("init.manifest_create_probe"), failure.getMessage());
        }
        assertPresent(List.of("_schema.pg", "_schema.ir.json", "__schema_state.json", CLAIM, "__manifest"),
                "is preserved when the outcome cannot be observed");
        assertUsableAfterRestart();
        assertTrue(exists(CLAIM), "opening a graph never guesses that a claim is stale");
    }

    // ---- after the commit point: the graph exists ------------------------------------------------------------------

    @Test
    void a_failure_right_after_the_manifest_create_reports_a_committed_graph_that_opens() {
        try (ScopedFailpoint failing = ScopedFailpoint.fail(FailpointNames.INIT_POST_MANIFEST_CREATE)) {
            GraphEngineException failure = initFails(GraphErrorKind.INITIALIZATION_COMMITTED);
            assertTrue(failure.getMessage().contains("init.post_manifest_create"), failure.getMessage());
        }
        assertPresent(SCHEMA_FILES, "survives a failure past the commit point");
        assertAbsent(List.of(CLAIM), "is released: the graph exists");
        assertUsableAfterRestart();
    }

    @Test
    void a_failure_after_the_read_back_reports_a_committed_graph_that_opens() {
        try (ScopedFailpoint failing = ScopedFailpoint.fail(FailpointNames.INIT_AFTER_COORDINATOR_INIT)) {
            GraphEngineException failure = initFails(GraphErrorKind.INITIALIZATION_COMMITTED);
            assertTrue(failure.getMessage().contains("init.after_coordinator_init"), failure.getMessage());
        }
        assertPresent(SCHEMA_FILES, "survives a failure past the commit point");
        assertUsableAfterRestart();
    }

    /** A process death (not an error return: no cleanup runs) right after the manifest create. */
    @Test
    void a_crash_right_after_the_manifest_create_leaves_a_graph_that_opens_and_a_claim_for_the_operator() {
        try (ScopedFailpoint crash = ScopedFailpoint.callback(FailpointNames.INIT_POST_MANIFEST_CREATE, () -> {
            throw new ProcessDeath();
        })) {
            assertThrows(ProcessDeath.class, this::init);
        }
        assertPresent(List.of("_schema.pg", "_schema.ir.json", "__schema_state.json", "__manifest", CLAIM),
                "is left by a process that died past the commit point");
        assertUsableAfterRestart();
        assertEquals(GraphErrorKind.ALREADY_INITIALIZED, initFails(GraphErrorKind.ALREADY_INITIALIZED).kind());
    }

    @Test
    void a_claimed_root_is_refused_without_touching_it() throws IOException {
        Files.createDirectories(root());
        Files.writeString(root().resolve(CLAIM), "{\"version\":1,\"attempt_id\":\"someone else\"}");
        GraphEngineException failure = initFails(GraphErrorKind.INITIALIZATION_CLAIMED);
        assertTrue(failure.getMessage().contains("quiesce all initializers"), failure.getMessage());
        assertAbsent(List.of("_schema.pg", "__manifest", "nodes"), "is not written under another init's claim");
        assertEquals("{\"version\":1,\"attempt_id\":\"someone else\"}", Files.readString(root().resolve(CLAIM)));
    }

    private void deleteQuietly(String name) {
        try {
            Files.deleteIfExists(root().resolve(name));
        } catch (IOException unremovable) {
            throw new UncheckedIOException(unremovable);
        }
    }

    /** A process dying: an {@link Error}, so the code's failure handling (which catches exceptions) does not run. */
    private static final class ProcessDeath extends Error {
        ProcessDeath() {
            super("the process died here");
        }
    }
}
