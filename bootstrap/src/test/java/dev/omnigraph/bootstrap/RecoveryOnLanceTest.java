package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.MutationService;
import dev.omnigraph.application.engine.QueryService;
import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.application.failpoint.ScopedFailpoint;
import dev.omnigraph.application.query.AdjacencyCache;
import dev.omnigraph.application.query.MutationExecutor;
import dev.omnigraph.application.query.QueryExecutor;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.graph.recovery.RecoveryAuditRecord;
import dev.omnigraph.domain.graph.recovery.RecoveryKind;
import dev.omnigraph.domain.graph.recovery.RecoverySidecar;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.QueryGraphCommand;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash windows of a write, on real Lance: an injected failpoint stops the write as a crash would (nothing
 * after it runs), a fresh engine stands for the restarted process, and its first write (or an explicit
 * recovery) must leave the graph exactly as the classifier decides, with the outcome in the audit table.
 */
class RecoveryOnLanceTest {

    @TempDir
    Path temp;

    private TableStorage tables;
    private GraphEngineService engine;
    private MutationService mutations;
    private QueryService queries;
    private String uri;

    @BeforeEach
    void seededGraph() throws IOException {
        restart();
        Path examples = GraphEngineOnLanceTest.examples();
        uri = temp.resolve("g").toString();
        engine.initGraph(new InitGraphCommand(uri, "schema.pg", Files.readString(examples.resolve("schema.pg")), Optional.empty()));
        engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.OVERWRITE, "seed.jsonl",
                Files.readString(examples.resolve("seed.jsonl")), Optional.empty()), ProgressListener.NONE);
    }

    /** A new process: a fresh engine with no in-memory state, over the same storage. */
    private void restart() {
        if (tables != null) {
            tables.close();
        }
        tables = TableStorages.lance(LanceProperties.defaults());
        engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(), SystemServices.ids());
        mutations = new MutationService(engine, Codecs.json(), new MutationExecutor(() -> SystemServices.clock().now()));
        queries = new QueryService(engine, tables, Codecs.json(), new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now()));
    }

    @AfterEach
    void stop() {
        tables.close();
    }

    private void insertZed() {
        mutations.mutateGraph(new MutateGraphCommand(uri, "main", "t.gq",
                "query q() { insert Person { name: \"Zed\", age: 7, role: \"guest\" } }", Optional.empty(), "{}",
                Optional.empty(), Optional.of("writer")));
    }

    private String zed() {
        return JsonWriter.compact(queries.queryGraph(new QueryGraphCommand(uri, "main", Optional.empty(), "r.gq",
                "query q() { match { $p: Person { name: \"Zed\" } } return { $p.age } }", Optional.empty(), "{}"))
                .result().toJson());
    }

    private List<CommitResult> commits() {
        return engine.listCommits(new CommitListQuery(uri, "main")).commits();
    }

    private String snapshotId() {
        return engine.snapshot(new SnapshotQuery(uri, "main")).snapshotId();
    }

    @Test
    void a_crash_after_the_effects_were_confirmed_rolls_forward_under_the_writers_commit_id_and_actor() {
        String before = snapshotId();
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER)) {
            assertThrows(InjectedFailpointException.class, this::insertZed);
        }
        assertEquals(before, snapshotId(), "nothing is visible before recovery");
        assertEquals("[]", zed());
        List<String> pending = engine.pendingRecoveries(uri);
        assertEquals(1, pending.size());
        assertTrue(Files.exists(temp.resolve("g").resolve(RecoverySidecar.relativePathOf(pending.get(0)))));

        restart();
        assertEquals(1, engine.recoverGraph(uri));
        assertEquals("[{\"p.age\":7}]", zed());
        CommitResult head = commits().get(0);
        assertEquals(Optional.of("writer"), head.actorId());
        List<RecoveryAuditRecord> audit = engine.recoveryAudit(uri);
        assertEquals(1, audit.size());
        assertEquals(RecoveryKind.ROLLED_FORWARD, audit.get(0).recoveryKind());
        assertEquals(head.graphCommitId(), audit.get(0).graphCommitId());
        assertEquals(pending.get(0), audit.get(0).operationId());
        assertEquals(List.of(), engine.pendingRecoveries(uri));
    }

    @Test
    void a_crash_between_table_commit_and_confirmation_rolls_back_and_the_next_write_succeeds() {
        int commitsBefore = commits().size();
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_TABLE_COMMIT)) {
            assertThrows(InjectedFailpointException.class, this::insertZed);
        }
        assertEquals(1, engine.pendingRecoveries(uri).size());

        restart();
        insertZed(); // heals first: the half-done write is rolled back, then this one lands
        assertEquals("[{\"p.age\":7}]", zed());
        List<CommitResult> commits = commits();
        assertEquals(commitsBefore + 2, commits.size(), "the roll-back commit, then the new write");
        assertEquals(Optional.of(RecoverySidecar.RECOVERY_ACTOR), commits.get(1).actorId());
        assertEquals(Optional.of("writer"), commits.get(0).actorId());
        List<RecoveryAuditRecord> audit = engine.recoveryAudit(uri);
        assertEquals(1, audit.size());
        assertEquals(RecoveryKind.ROLLED_BACK, audit.get(0).recoveryKind());
        assertEquals(List.of(), engine.pendingRecoveries(uri));
    }

    @Test
    void a_crash_after_publishing_only_retires_the_sidecar() {
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.RECOVERY_SIDECAR_DELETE)) {
            assertThrows(InjectedFailpointException.class, this::insertZed); // crashed after the publish landed
        }
        assertEquals("[{\"p.age\":7}]", zed());
        assertEquals(1, engine.pendingRecoveries(uri).size());
        String published = snapshotId();
        restart();
        assertEquals(1, engine.recoverGraph(uri));
        assertEquals(published, snapshotId(), "nothing is published again");
        assertEquals(RecoveryKind.ROLLED_FORWARD, engine.recoveryAudit(uri).get(0).recoveryKind());
        assertEquals(List.of(), engine.pendingRecoveries(uri));
    }

    @Test
    void a_crash_before_the_sidecar_is_written_leaves_nothing_behind() {
        String before = snapshotId();
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.RECOVERY_SIDECAR_WRITE)) {
            assertThrows(InjectedFailpointException.class, this::insertZed);
        }
        assertEquals(List.of(), engine.pendingRecoveries(uri));
        assertEquals(before, snapshotId());
        insertZed();
        assertEquals("[{\"p.age\":7}]", zed());
        assertEquals(List.of(), engine.recoveryAudit(uri));
    }

    @Test
    void a_load_interrupted_after_its_effects_is_rolled_forward_by_the_next_load() {
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER)) {
            assertThrows(InjectedFailpointException.class, () -> engine.loadGraph(new LoadGraphCommand(uri, "main",
                    LoadMode.MERGE, "more.jsonl", "{\"type\":\"Person\",\"data\":{\"name\":\"Zed\",\"age\":7,\"role\":\"guest\"}}",
                    Optional.of("loader")), ProgressListener.NONE));
        }
        restart();
        engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.MERGE, "again.jsonl",
                "{\"type\":\"Company\",\"data\":{\"name\":\"Acme\"}}", Optional.empty()), ProgressListener.NONE);
        assertEquals("[{\"p.age\":7}]", zed());
        assertEquals(Optional.of("loader"), commits().get(1).actorId());
    }
}
