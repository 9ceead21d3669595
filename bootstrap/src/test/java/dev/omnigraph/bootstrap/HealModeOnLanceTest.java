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
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.graph.recovery.RecoveryKind;
import dev.omnigraph.domain.graph.recovery.SweepMode;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.QueryGraphCommand;
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
 * The heal-first rule of a long-lived process (engine notes §8.2): it sweeps fully once when it opens a
 * graph ({@link GraphEngineService#recoverGraph}) and its writers then heal in
 * {@link SweepMode#ROLL_FORWARD_ONLY}: they complete what fully landed, and refuse with
 * {@code recovery_required} rather than restore a table inside a live process.
 */
class HealModeOnLanceTest {

    @TempDir
    Path temp;

    private TableStorage tables;
    private GraphEngineService server;
    private MutationService mutations;
    private QueryService queries;
    private String uri;

    @BeforeEach
    void longLivedProcess() throws IOException {
        tables = TableStorages.lance(LanceProperties.defaults());
        server = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(),
                SystemServices.ids(), SweepMode.ROLL_FORWARD_ONLY);
        mutations = new MutationService(server, Codecs.json(), new MutationExecutor(() -> SystemServices.clock().now()));
        queries = new QueryService(server, tables, Codecs.json(), new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now()));
        Path examples = GraphEngineOnLanceTest.examples();
        uri = temp.resolve("g").toString();
        server.initGraph(new InitGraphCommand(uri, "schema.pg", Files.readString(examples.resolve("schema.pg")), Optional.empty()));
        server.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.OVERWRITE, "seed.jsonl",
                Files.readString(examples.resolve("seed.jsonl")), Optional.empty()), ProgressListener.NONE);
        assertEquals(0, server.recoverGraph(uri), "the open-time full sweep of a clean graph resolves nothing");
    }

    @AfterEach
    void stop() {
        tables.close();
    }

    private void insert(String name) {
        mutations.mutateGraph(new MutateGraphCommand(uri, "main", "t.gq", "query q($n: String) { insert Person { name: $n, "
                + "role: \"guest\" } }", Optional.empty(), "{\"n\":\"" + name + "\"}", Optional.empty(), Optional.of("svc")));
    }

    private String names() {
        return JsonWriter.compact(queries.queryGraph(new QueryGraphCommand(uri, "main", Optional.empty(), "r.gq",
                "query q() { match { $p: Person } return { $p.name } order { $p.name } }", Optional.empty(), "{}"))
                .result().toJson());
    }

    @Test
    void the_engines_heal_mode_is_the_one_it_was_built_with() {
        assertEquals(SweepMode.ROLL_FORWARD_ONLY, server.writerHealMode());
        assertEquals(SweepMode.FULL, new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(),
                SystemServices.clock(), SystemServices.ids()).writerHealMode(), "the CLI default");
    }

    @Test
    void a_write_that_fully_landed_is_rolled_forward_by_the_next_writer() {
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_FINALIZE_PRE_PUBLISHER)) {
            assertThrows(InjectedFailpointException.class, () -> insert("Landed"));
        }
        assertEquals(1, server.pendingRecoveries(uri).size());
        insert("Next"); // heals first: roll forward needs no restore
        assertTrue(names().contains("Landed") && names().contains("Next"), names());
        assertEquals(List.of(), server.pendingRecoveries(uri));
        assertEquals(RecoveryKind.ROLLED_FORWARD, server.recoveryAudit(uri).get(0).recoveryKind());
    }

    @Test
    void a_write_that_needs_a_restore_blocks_writers_until_the_full_sweep_of_a_reopen() {
        try (ScopedFailpoint crash = ScopedFailpoint.fail(FailpointNames.MUTATION_POST_TABLE_COMMIT)) {
            assertThrows(InjectedFailpointException.class, () -> insert("Half"));
        }
        String operation = server.pendingRecoveries(uri).get(0);
        GraphEngineException refused = assertThrows(GraphEngineException.class, () -> insert("Blocked"));
        assertEquals(GraphErrorKind.RECOVERY_REQUIRED, refused.kind());
        assertTrue(refused.getMessage().contains(operation), refused.getMessage());
        assertEquals(List.of(operation), server.pendingRecoveries(uri), "a live process never restores");

        assertEquals(1, server.recoverGraph(uri)); // what the server runs when it (re)opens the graph
        assertEquals(RecoveryKind.ROLLED_BACK, server.recoveryAudit(uri).get(0).recoveryKind());
        insert("After");
        assertTrue(names().contains("After") && !names().contains("Half") && !names().contains("Blocked"), names());
    }
}
