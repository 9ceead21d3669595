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
import dev.omnigraph.application.engine.OpenGraph;
import dev.omnigraph.application.engine.QueryService;
import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Rendezvous;
import dev.omnigraph.application.failpoint.ScopedFailpoint;
import dev.omnigraph.application.query.AdjacencyCache;
import dev.omnigraph.application.query.MutationExecutor;
import dev.omnigraph.application.query.QueryExecutor;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphResult;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.MutateGraphResult;
import dev.omnigraph.ports.in.QueryGraphCommand;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers racing on one graph, on real Lance, made deterministic with {@link Rendezvous}: writer A
 * prepares its write and parks at {@code mutation.post_stage_pre_effect_gate}; writer B, another process
 * (its own engine and table storage over the same files), commits; A resumes. Exactly one wins, the loser
 * gets the reference's typed error (engine notes §6.6, §8.5 invariant 3), no recovery sidecar is left
 * behind and exactly one commit is added. Inside one process the writer gate serialises writers, so the
 * race is between processes, as in production.
 */
class ConcurrentWritesOnLanceTest {

    @TempDir
    Path temp;

    private Writer a;
    private Writer b;
    private String uri;
    private ExecutorService pool;

    /** One process's view of the graph. */
    private static final class Writer implements AutoCloseable {
        final TableStorage tables = TableStorages.lance(LanceProperties.defaults());
        final GraphEngineService engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(),
                SystemServices.clock(), SystemServices.ids());
        final MutationService mutations = new MutationService(engine, Codecs.json(),
                new MutationExecutor(() -> SystemServices.clock().now()));
        final QueryService queries = new QueryService(engine, tables, Codecs.json(),
                new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now()));

        @Override
        public void close() {
            tables.close();
        }
    }

    @BeforeEach
    void seededGraph() throws IOException {
        a = new Writer();
        b = new Writer();
        pool = Executors.newSingleThreadExecutor();
        Path examples = GraphEngineOnLanceTest.examples();
        uri = temp.resolve("g").toString();
        a.engine.initGraph(new InitGraphCommand(uri, "schema.pg", Files.readString(examples.resolve("schema.pg")), Optional.empty()));
        a.engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.OVERWRITE, "seed.jsonl",
                Files.readString(examples.resolve("seed.jsonl")), Optional.empty()), ProgressListener.NONE);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        a.close();
        b.close();
    }

    private static LoadGraphResult append(Writer writer, String uri, String jsonl) {
        return writer.engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.APPEND, "race.jsonl", jsonl, Optional.empty()),
                ProgressListener.NONE);
    }

    private static MutateGraphResult mutate(Writer writer, String uri, String gq, Optional<String> ifCommit) {
        return writer.mutations.mutateGraph(new MutateGraphCommand(uri, "main", "race.gq", gq, Optional.empty(), "{}",
                ifCommit, Optional.of("racer")));
    }

    private int commits() {
        return b.engine.listCommits(new CommitListQuery(uri, "main")).commits().size();
    }

    private String head() {
        return b.engine.snapshot(new SnapshotQuery(uri, "main")).headCommitId().orElseThrow();
    }

    private String rows(String gq) {
        return JsonWriter.compact(b.queries.queryGraph(new QueryGraphCommand(uri, "main", Optional.empty(), "r.gq", gq,
                Optional.empty(), "{}")).result().toJson());
    }

    private List<Path> sidecarPaths() throws IOException {
        Path folder = temp.resolve("g").resolve("__recovery");
        try (var files = Files.list(folder)) {
            return files.toList();
        }
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

    /** Every table of main is at the version main publishes: the loser left no unpublished effect. */
    private void assertNoUnpublishedEffects() {
        OpenGraph graph = b.engine.open(uri, "main");
        for (var table : graph.snapshot().tablesInOrder()) {
            assertEquals(table.version().version(), b.tables.latestVersion(graph.root().tableLocation(table.location()),
                    TableRef.MAIN), table.tableKey());
        }
    }

    private static GraphEngineException failure(Future<?> future) throws InterruptedException {
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(60, TimeUnit.SECONDS));
        assertTrue(thrown.getCause() instanceof GraphEngineException, String.valueOf(thrown.getCause()));
        return (GraphEngineException) thrown.getCause();
    }

    private static final String ZED_BY_A = "{\"type\":\"Person\",\"data\":{\"name\":\"Zed\",\"age\":1,\"role\":\"guest\"}}";
    private static final String ZED_BY_B = "{\"type\":\"Person\",\"data\":{\"name\":\"Zed\",\"age\":2,\"role\":\"guest\"}}";
    private static final String ZED_AGE = "query q() { match { $p: Person { name: \"Zed\" } } return { $p.age } }";

    @Test
    void two_strict_inserts_of_one_key_have_one_winner_and_the_loser_gets_a_key_conflict() throws Exception {
        int commitsBefore = commits();
        Future<LoadGraphResult> loser;
        try (Rendezvous prepared = Rendezvous.parkFirst(FailpointNames.MUTATION_POST_STAGE_PRE_EFFECT_GATE)) {
            loser = pool.submit(() -> append(a, uri, ZED_BY_A));
            prepared.awaitReached(); // A staged its insert: Zed did not exist on the head it read
            append(b, uri, ZED_BY_B);
            prepared.release();
            GraphEngineException conflict = failure(loser);
            assertEquals(GraphErrorKind.KEY_CONFLICT, conflict.kind());
            assertTrue(conflict.getMessage().contains("key conflict on node:Person: id 'Zed' already exists"),
                    conflict.getMessage());
        }
        assertEquals(commitsBefore + 1, commits(), "one commit: the winner's");
        assertEquals("[{\"p.age\":2}]", rows(ZED_AGE), "the winner's row, once");
        assertEquals(List.of(), sidecars());
        assertNoUnpublishedEffects();
    }

    @Test
    void a_strict_insert_that_loses_after_arming_retires_its_sidecar_and_still_reports_the_key_conflict() throws Exception {
        int commitsBefore = commits();
        AtomicBoolean raced = new AtomicBoolean();
        // B commits after A armed its sidecar but before A's table write, so storage refuses A's write. B's own
        // open-time sweep must not see A's live sidecar (it would abandon it, as a restarted process may): the
        // sidecar is set aside while B runs, so only A's own handling of the refusal can retire it.
        Runnable rival = () -> {
            if (raced.compareAndSet(false, true)) {
                try {
                    List<Path> armed = sidecarPaths();
                    assertEquals(1, armed.size());
                    Path aside = temp.resolve("aside.json");
                    Files.move(armed.get(0), aside);
                    append(b, uri, ZED_BY_B);
                    Files.move(aside, armed.get(0));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        GraphEngineException conflict;
        try (ScopedFailpoint window = ScopedFailpoint.callback(FailpointNames.MUTATION_POST_SIDECAR_PRE_FORK, rival)) {
            conflict = assertThrows(GraphEngineException.class, () -> append(a, uri, ZED_BY_A));
        }
        assertTrue(raced.get());
        assertEquals(GraphErrorKind.KEY_CONFLICT, conflict.kind(), conflict.getMessage());
        assertEquals(commitsBefore + 1, commits());
        assertEquals("[{\"p.age\":2}]", rows(ZED_AGE));
        assertEquals(List.of(), sidecars(), "a sidecar that owns no effect is retired, not left for recovery");
        assertNoUnpublishedEffects();
        append(a, uri, "{\"type\":\"Person\",\"data\":{\"name\":\"Yan\",\"role\":\"guest\"}}");
        assertEquals(commitsBefore + 2, commits(), "A's process stays writable");
    }

    @Test
    void a_merge_that_lost_the_race_is_prepared_again_on_the_winners_head_and_lands_on_top() throws Exception {
        int commitsBefore = commits();
        Future<LoadGraphResult> replayed;
        try (Rendezvous prepared = Rendezvous.parkFirst(FailpointNames.MUTATION_POST_STAGE_PRE_EFFECT_GATE)) {
            replayed = pool.submit(() -> a.engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.MERGE, "m.jsonl",
                    ZED_BY_A, Optional.empty()), ProgressListener.NONE));
            prepared.awaitReached();
            append(b, uri, ZED_BY_B);
            prepared.release();
            assertTrue(replayed.get(60, TimeUnit.SECONDS).commitId().isPresent());
        }
        assertEquals(commitsBefore + 2, commits());
        assertEquals("[{\"p.age\":1}]", rows(ZED_AGE), "the replayed merge upserts over the winner");
        assertEquals(List.of(), sidecars());
        assertNoUnpublishedEffects();
    }

    @Test
    void two_conditional_mutations_against_one_head_have_one_winner_and_the_loser_fails_its_precondition() throws Exception {
        int commitsBefore = commits();
        String expected = head();
        String setAda = "query q() { update Person set { age: 37 } where name = \"Ada\" }";
        // the winner writes another table, so only the head check (not a table's expected version) can stop A
        String addCompany = "query q() { insert Company { name: \"Winner\" } }";
        Future<MutateGraphResult> loser;
        try (Rendezvous prepared = Rendezvous.parkFirst(FailpointNames.MUTATION_POST_STAGE_PRE_EFFECT_GATE)) {
            loser = pool.submit(() -> mutate(a, uri, setAda, Optional.of(expected)));
            prepared.awaitReached();
            MutateGraphResult winner = mutate(b, uri, addCompany, Optional.of(expected));
            prepared.release();
            GraphEngineException failed = failure(loser);
            assertEquals(GraphErrorKind.PRECONDITION_FAILED, failed.kind());
            assertEquals("branch 'main' head is " + winner.commitId().orElseThrow() + ", expected " + expected,
                    failed.getMessage());
        }
        assertEquals(commitsBefore + 1, commits(), "no roll-back commit either: A failed before any effect");
        assertEquals("[{\"p.age\":36}]", rows("query q() { match { $p: Person { name: \"Ada\" } } return { $p.age } }"));
        assertEquals("[{\"c.name\":\"Winner\"}]",
                rows("query q() { match { $c: Company { name: \"Winner\" } } return { $c.name } }"));
        assertEquals(List.of(), sidecars());
        assertNoUnpublishedEffects();
    }

    @Test
    void an_unconditional_update_prepared_on_a_moved_head_is_a_conflict_not_a_silent_rebase() throws Exception {
        int commitsBefore = commits();
        Future<MutateGraphResult> loser;
        try (Rendezvous prepared = Rendezvous.parkFirst(FailpointNames.MUTATION_POST_STAGE_PRE_EFFECT_GATE)) {
            loser = pool.submit(() -> mutate(a, uri, "query q() { update Person set { age: 99 } where age > 40 }",
                    Optional.empty()));
            prepared.awaitReached();
            mutate(b, uri, "query q() { update Person set { age: 30 } where name = \"Edsger\" }", Optional.empty());
            prepared.release();
            GraphEngineException failed = failure(loser);
            assertEquals(GraphErrorKind.CONFLICT, failed.kind());
            assertTrue(failed.getMessage().contains("while the write was prepared; nothing was written"), failed.getMessage());
        }
        assertEquals(commitsBefore + 1, commits());
        assertEquals("[{\"p.age\":30}]", rows("query q() { match { $p: Person { name: \"Edsger\" } } return { $p.age } }"),
                "A's update, computed when Edsger was 72, did not overwrite B's");
        assertEquals(List.of(), sidecars());
        assertNoUnpublishedEffects();
    }
}
