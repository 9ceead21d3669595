package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.load.DataCodes;
import dev.omnigraph.domain.graph.load.DataViolation;
import dev.omnigraph.domain.graph.load.GraphDataException;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.ExportGraphCommand;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphResult;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.in.SnapshotResult;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on real Lance tables, local disk and the real codecs: the path every CLI and server write
 * takes. A load is one commit or nothing; an export loads back into an identical graph; a refused load
 * leaves no trace; old snapshots stay readable.
 */
class GraphEngineOnLanceTest {

    private static TableStorage tables;
    private static GraphEngineService engine;

    @TempDir
    Path temp;

    @BeforeAll
    static void startEngine() {
        tables = TableStorages.lance(LanceProperties.defaults());
        engine = newEngine();
    }

    @AfterAll
    static void stopEngine() throws Exception {
        tables.close();
    }

    private static GraphEngineService newEngine() {
        return new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(), SystemServices.ids());
    }

    static Path examples() {
        return Path.of(System.getProperty("omnigraph.projectRoot", "..")).resolve("examples/people");
    }

    private String initExample(String name) throws IOException {
        String uri = temp.resolve(name).toString();
        engine.initGraph(new InitGraphCommand(uri, "schema.pg", Files.readString(examples().resolve("schema.pg")), Optional.empty()));
        return uri;
    }

    private LoadGraphResult load(String uri, LoadMode mode, String jsonl) {
        return engine.loadGraph(new LoadGraphCommand(uri, "main", mode, "input.jsonl", jsonl, Optional.of("tester")),
                ProgressListener.NONE);
    }

    private List<String> export(String uri) {
        List<String> lines = new ArrayList<>();
        engine.exportGraph(new ExportGraphCommand(uri, "main", Optional.empty(), List.of()), lines::add);
        return lines;
    }

    private static Map<String, Long> counts(SnapshotResult snapshot) {
        Map<String, Long> counts = new TreeMap<>();
        snapshot.tables().forEach(t -> counts.put(t.tableKey(), t.rowCount()));
        return counts;
    }

    @Test
    void init_then_load_publishes_one_commit_with_every_record() throws IOException {
        String uri = initExample("g");
        LoadGraphResult result = load(uri, LoadMode.OVERWRITE, Files.readString(examples().resolve("seed.jsonl")));
        assertEquals(Map.of("Person", 5L, "Company", 3L), result.nodesLoaded());
        assertEquals(Map.of("Knows", 5L, "WorksAt", 3L), result.edgesLoaded());
        assertEquals("manifest:main:v2", result.snapshotId());
        SnapshotResult snapshot = engine.snapshot(new SnapshotQuery(uri, "main"));
        assertEquals(Map.of("edge:Knows", 5L, "edge:WorksAt", 3L, "node:Company", 3L, "node:Person", 5L), counts(snapshot));
        List<CommitResult> commits = engine.listCommits(new CommitListQuery(uri, "main")).commits();
        assertEquals(2, commits.size());
        assertEquals(result.commitId().orElseThrow(), commits.get(0).graphCommitId());
        assertEquals(Optional.of(commits.get(1).graphCommitId()), commits.get(0).parentCommitId());
        assertEquals(Optional.of("tester"), commits.get(0).actorId());
    }

    @Test
    void an_export_loads_into_a_new_graph_that_exports_identically() throws IOException {
        String original = initExample("original");
        load(original, LoadMode.OVERWRITE, Files.readString(examples().resolve("seed.jsonl")));
        List<String> first = export(original);
        assertEquals(16, first.size());
        assertTrue(first.contains("{\"type\":\"Person\",\"data\":{\"id\":\"Ada\",\"age\":36,\"born\":\"1815-12-10\","
                + "\"email\":\"ada@example.org\",\"name\":\"Ada\",\"role\":\"admin\",\"tags\":[\"math\",\"engines\"]}}"), first.toString());
        String copy = initExample("copy");
        load(copy, LoadMode.APPEND, String.join("\n", first));
        List<String> second = export(copy);
        assertEquals(sorted(first), sorted(second));
    }

    @Test
    void append_of_an_existing_id_is_a_key_conflict_and_changes_nothing() throws IOException {
        String uri = initExample("g");
        load(uri, LoadMode.OVERWRITE, Files.readString(examples().resolve("seed.jsonl")));
        String before = engine.snapshot(new SnapshotQuery(uri, "main")).snapshotId();
        GraphEngineException conflict = assertThrows(GraphEngineException.class, () -> load(uri, LoadMode.APPEND,
                "{\"type\":\"Company\",\"data\":{\"name\":\"Acme\"}}\n{\"type\":\"Person\",\"data\":{\"name\":\"Ada\",\"role\":\"guest\"}}"));
        assertEquals(GraphErrorKind.KEY_CONFLICT, conflict.kind());
        assertTrue(conflict.getMessage().contains("'Ada'"), conflict.getMessage());
        assertEquals(before, engine.snapshot(new SnapshotQuery(uri, "main")).snapshotId());
        assertEquals(3L, counts(engine.snapshot(new SnapshotQuery(uri, "main"))).get("node:Company"));
        load(uri, LoadMode.APPEND, "{\"type\":\"Company\",\"data\":{\"name\":\"Acme\"}}");
        assertEquals(4L, counts(engine.snapshot(new SnapshotQuery(uri, "main"))).get("node:Company"));
    }

    @Test
    void merge_upserts_by_key_and_the_last_occurrence_wins() throws IOException {
        String uri = initExample("g");
        load(uri, LoadMode.OVERWRITE, Files.readString(examples().resolve("seed.jsonl")));
        load(uri, LoadMode.MERGE, "{\"type\":\"Person\",\"data\":{\"name\":\"Alan\",\"age\":42,\"role\":\"member\"}}\n"
                + "{\"type\":\"Person\",\"data\":{\"name\":\"Alan\",\"age\":43,\"role\":\"admin\"}}\n"
                + "{\"type\":\"Person\",\"data\":{\"name\":\"Hedy\",\"role\":\"guest\"}}");
        List<String> lines = export(uri);
        assertTrue(lines.contains("{\"type\":\"Person\",\"data\":{\"id\":\"Alan\",\"age\":43,\"name\":\"Alan\",\"role\":\"admin\"}}"), lines.toString());
        assertEquals(6L, counts(engine.snapshot(new SnapshotQuery(uri, "main"))).get("node:Person"));
    }

    @Test
    void invalid_data_is_refused_with_every_violation_and_nothing_is_written() throws IOException {
        String uri = initExample("g");
        load(uri, LoadMode.OVERWRITE, Files.readString(examples().resolve("seed.jsonl")));
        String jsonl = String.join("\n",
                "{\"type\":\"Person\",\"data\":{\"name\":\"Zed\",\"role\":\"king\"}}",
                "{\"type\":\"Person\",\"data\":{\"name\":\"Yan\",\"role\":\"member\",\"age\":200}}",
                "{\"type\":\"Person\",\"data\":{\"name\":\"Xi\",\"role\":\"member\",\"email\":\"nope\"}}",
                "{\"type\":\"Person\",\"data\":{\"name\":\"Wu\",\"role\":\"member\",\"email\":\"ada@example.org\"}}",
                "{\"edge\":\"Knows\",\"from\":\"Ada\",\"to\":\"Nobody\"}",
                "{\"edge\":\"WorksAt\",\"from\":\"Ada\",\"to\":\"Bletchley\"}",
                "{\"type\":\"Robot\",\"data\":{}}",
                "{\"type\":\"Person\",\"data\":{\"name\":\"Vi\",\"role\":\"member\",\"shoe\":42}}",
                "not json");
        GraphDataException refused = assertThrows(GraphDataException.class, () -> load(uri, LoadMode.MERGE, jsonl));
        List<String> codes = refused.violations().stream().map(v -> v.line() + ":" + v.code()).toList();
        assertTrue(codes.contains("1:" + DataCodes.TYPE_MISMATCH), codes.toString());
        assertTrue(codes.contains("2:" + DataCodes.RANGE_VIOLATION), codes.toString());
        assertTrue(codes.contains("3:" + DataCodes.CHECK_VIOLATION), codes.toString());
        assertTrue(codes.contains("7:" + DataCodes.UNKNOWN_TYPE), codes.toString());
        assertTrue(codes.contains("8:" + DataCodes.UNKNOWN_PROPERTY), codes.toString());
        assertTrue(codes.contains("9:" + DataCodes.MALFORMED_RECORD), codes.toString());
        assertEquals("manifest:main:v2", engine.snapshot(new SnapshotQuery(uri, "main")).snapshotId());

        GraphDataException integrity = assertThrows(GraphDataException.class, () -> load(uri, LoadMode.MERGE, String.join("\n",
                "{\"type\":\"Person\",\"data\":{\"name\":\"Wu\",\"role\":\"member\",\"email\":\"ada@example.org\"}}",
                "{\"edge\":\"Knows\",\"from\":\"Ada\",\"to\":\"Nobody\"}",
                "{\"edge\":\"WorksAt\",\"from\":\"Ada\",\"to\":\"Bletchley\"}")));
        List<String> integrityCodes = integrity.violations().stream().map(DataViolation::code).toList();
        assertEquals(List.of(DataCodes.UNIQUE_VIOLATION, DataCodes.DANGLING_ENDPOINT, DataCodes.CARDINALITY_VIOLATION),
                integrityCodes, integrity.getMessage());
        assertEquals("manifest:main:v2", engine.snapshot(new SnapshotQuery(uri, "main")).snapshotId());
    }

    @Test
    void a_reopened_engine_sees_the_same_graph_and_old_snapshots_stay_readable() throws IOException {
        String uri = initExample("g");
        load(uri, LoadMode.OVERWRITE, Files.readString(examples().resolve("seed.jsonl")));
        load(uri, LoadMode.MERGE, "{\"type\":\"Company\",\"data\":{\"name\":\"Acme\"}}");
        GraphEngineService reopened = newEngine();
        assertEquals(counts(engine.snapshot(new SnapshotQuery(uri, "main"))), counts(reopened.snapshot(new SnapshotQuery(uri, "main"))));
        List<String> atV2 = new ArrayList<>();
        reopened.exportGraph(new ExportGraphCommand(uri, "main", Optional.of("manifest:main:v2"), List.of("Company")), atV2::add);
        assertEquals(3, atV2.size());
        List<String> atV1 = new ArrayList<>();
        reopened.exportGraph(new ExportGraphCommand(uri, "main", Optional.of("manifest:main:v1"), List.of()), atV1::add);
        assertEquals(List.of(), atV1);
    }

    @Test
    void entity_at_reads_one_entity_as_it_was_at_each_version() throws IOException {
        String uri = initExample("g");
        load(uri, LoadMode.OVERWRITE, Files.readString(examples().resolve("seed.jsonl")));
        load(uri, LoadMode.MERGE, "{\"type\":\"Person\",\"data\":{\"name\":\"Ada\",\"age\":37,\"role\":\"member\"}}");
        assertEquals(Optional.empty(), engine.entityAt(uri, "main", "node:Person", "Ada", 1));
        assertEquals("{\"type\":\"Person\",\"data\":{\"id\":\"Ada\",\"age\":36,\"born\":\"1815-12-10\","
                        + "\"email\":\"ada@example.org\",\"name\":\"Ada\",\"role\":\"admin\",\"tags\":[\"math\",\"engines\"]}}",
                JsonWriter.compact(engine.entityAt(uri, "main", "node:Person", "Ada", 2).orElseThrow()));
        assertEquals("{\"type\":\"Person\",\"data\":{\"id\":\"Ada\",\"age\":37,\"name\":\"Ada\",\"role\":\"member\"}}",
                JsonWriter.compact(engine.entityAt(uri, "main", "node:Person", "Ada", 3).orElseThrow()));
        assertEquals(Optional.empty(), engine.entityAt(uri, "main", "node:Person", "Nobody", 3));
        assertEquals(Optional.empty(), engine.entityAt(uri, "main", "node:Robot", "Ada", 3));
        GraphEngineException missing = assertThrows(GraphEngineException.class,
                () -> engine.entityAt(uri, "main", "node:Person", "Ada", 9));
        assertEquals(GraphErrorKind.COMMIT_NOT_FOUND, missing.kind());
    }

    @Test
    void init_refuses_an_existing_graph() throws IOException {
        String uri = initExample("g");
        GraphEngineException refused = assertThrows(GraphEngineException.class, () -> engine.initGraph(
                new InitGraphCommand(uri, "schema.pg", Files.readString(examples().resolve("schema.pg")), Optional.empty())));
        assertEquals(GraphErrorKind.ALREADY_INITIALIZED, refused.kind());
    }

    @Test
    void the_industry_intel_fixture_initialises_and_loads_every_record() throws IOException {
        Path fixtures = Path.of(System.getProperty("omnigraph.fixtures", "../../shared/fixtures")).resolve("industry-intel");
        assumeTrue(Files.isDirectory(fixtures), "fixtures folder not present at " + fixtures + "; corpus test skipped");
        String uri = temp.resolve("intel").toString();
        engine.initGraph(new InitGraphCommand(uri, "schema.pg", Files.readString(fixtures.resolve("schema.pg")), Optional.empty()));
        String seed = Files.readString(fixtures.resolve("seed.jsonl"));
        load(uri, LoadMode.OVERWRITE, seed);
        Map<String, Long> expected = new TreeMap<>();
        for (String line : seed.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject record = Codecs.json().decode("seed", line).asObject();
            String key = record.has("type") ? "node:" + record.get("type").asString() : "edge:" + record.get("edge").asString();
            expected.merge(key, 1L, Long::sum);
        }
        Map<String, Long> actual = new TreeMap<>(counts(engine.snapshot(new SnapshotQuery(uri, "main"))));
        actual.values().removeIf(count -> count == 0);
        assertEquals(expected, actual);
        List<String> exported = export(uri);
        assertEquals(seed.lines().filter(l -> !l.isBlank()).count(), exported.size());

        String copy = temp.resolve("intel-copy").toString();
        engine.initGraph(new InitGraphCommand(copy, "schema.pg", Files.readString(fixtures.resolve("schema.pg")), Optional.empty()));
        load(copy, LoadMode.APPEND, String.join("\n", exported));
        assertEquals(sorted(exported), sorted(export(copy)));
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
