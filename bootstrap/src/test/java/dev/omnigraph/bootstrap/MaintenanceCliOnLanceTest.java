package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.OpenGraph;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code omnigraph optimize | repair | cleanup} through the real wiring on Lance: exit codes, the
 * reference's JSON shapes and messages, and the preview and usage rules of docs/cli.md.
 */
class MaintenanceCliOnLanceTest {

    @TempDir
    Path temp;

    private String uri;

    private static InProcessCli ok(String... args) {
        InProcessCli run = InProcessCli.run(args);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return run;
    }

    @BeforeEach
    void fragmentedGraph() {
        Path examples = GraphEngineOnLanceTest.examples();
        uri = temp.resolve("g").toString();
        ok("init", "--schema", examples.resolve("schema.pg").toString(), uri);
        ok("load", "--data", examples.resolve("seed.jsonl").toString(), "--mode", "overwrite", uri);
        for (int i = 1; i <= 4; i++) {
            ok("mutate", "-e", "query q() { insert Person { name: \"P" + i + "\", role: \"guest\" } }", "--store", uri);
        }
    }

    private static List<JsonObject> datasets(JsonObject result) {
        List<JsonObject> datasets = new ArrayList<>();
        for (JsonValue element : ((JsonArray) result.get("datasets")).elements()) {
            datasets.add((JsonObject) element);
        }
        return datasets;
    }

    private static JsonObject dataset(JsonObject result, String typeKey) {
        return datasets(result).stream().filter(d -> d.get("type_key").equals(JsonValue.of(typeKey))).findFirst()
                .orElseThrow(() -> new AssertionError(typeKey + " not in " + result));
    }

    @Test
    void optimize_prints_the_references_per_dataset_stats_and_a_human_summary() {
        JsonObject result = ok("optimize", uri, "--json").json();
        assertEquals(JsonValue.of(uri), result.get("uri"));
        JsonObject person = dataset(result, "node:Person");
        assertEquals(JsonValue.of(true), person.get("committed"));
        assertEquals(JsonValue.nullValue(), person.get("skipped"));
        assertEquals(JsonValue.nullValue(), person.get("published_dataset_version"));
        assertEquals(new JsonArray(List.of()), person.get("pending_indexes"));
        assertEquals(JsonValue.of("__manifest"), datasets(result).get(datasets(result).size() - 1).get("type_key"));

        InProcessCli human = ok("optimize", "--store", uri);
        assertTrue(human.out().startsWith("optimize " + uri + " — 5 datasets"), human.out());
        assertTrue(human.out().contains("node type 'Person'") && human.out().contains("no-op"), human.out());
    }

    @Test
    void repair_previews_refuses_with_exit_1_and_forces_only_with_confirm() {
        // a write from outside the engine: a delete the manifest never published
        try (TableStorage tables = TableStorages.lance(LanceProperties.defaults())) {
            OpenGraph graph = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(),
                    SystemServices.ids()).open(uri, "main");
            String person = graph.root().tableLocation(graph.visible("node:Person").orElseThrow().location());
            tables.deleteWhere(WriteTarget.unconditional(person, TableRef.MAIN), TableFilter.eq("id", "P1"));
        }
        JsonObject preview = ok("repair", uri, "--json").json();
        assertEquals(JsonValue.of("suspicious"), dataset(preview, "node:Person").get("classification"));
        assertEquals(JsonValue.of("preview"), dataset(preview, "node:Person").get("action"));
        assertEquals(JsonValue.nullValue(), preview.get("graph_manifest_version"));
        assertEquals(JsonValue.of("no_drift"), dataset(preview, "node:Company").get("classification"));

        InProcessCli refused = InProcessCli.run("repair", uri, "--confirm");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.out().contains("refused") && refused.out().contains("[Delete]"), refused.out());
        assertTrue(refused.err().contains("omnigraph: error: repair refused 1 suspicious or unverifiable dataset(s)"),
                refused.err());

        InProcessCli forceAlone = InProcessCli.run("repair", uri, "--force");
        assertEquals(2, forceAlone.exitCode());
        assertTrue(forceAlone.err().contains("repair --force requires --confirm"), forceAlone.err());

        JsonObject forced = ok("repair", uri, "--confirm", "--force", "--json").json();
        assertEquals(JsonValue.of("forced"), dataset(forced, "node:Person").get("action"));
        assertTrue(forced.get("graph_manifest_version") instanceof JsonNumber, forced.toString());
    }

    @Test
    void cleanup_needs_a_policy_previews_without_confirm_and_reclaims_with_it() {
        InProcessCli noPolicy = InProcessCli.run("cleanup", uri, "--confirm");
        assertEquals(2, noPolicy.exitCode());
        assertTrue(noPolicy.err().contains("cleanup requires at least one of --keep or --older-than"), noPolicy.err());
        InProcessCli badAge = InProcessCli.run("cleanup", uri, "--older-than", "7y");
        assertEquals(2, badAge.exitCode());
        assertTrue(badAge.err().contains("unknown duration unit 'y'"), badAge.err());

        InProcessCli preview = ok("cleanup", uri, "--keep", "1", "--older-than", "0s");
        assertEquals("", preview.out());
        assertTrue(preview.err().contains("cleanup is destructive — rerun with --confirm. Policy for " + uri
                + ": keep 1 versions, remove anything older than 0s"), preview.err());
        ok("query", "--snapshot", "manifest:main:v2", "-e", "query q() { match { $p: Person } return { $p.name } }",
                "--store", uri);

        JsonObject result = ok("cleanup", uri, "--keep", "1", "--confirm", "--json").json();
        assertEquals(JsonValue.of(1), result.get("keep_versions"));
        assertEquals(JsonValue.nullValue(), result.get("older_than_secs"));
        assertEquals(JsonValue.of("__manifest"), datasets(result).get(0).get("type_key"));
        assertTrue(datasets(result).stream().allMatch(d -> d.get("error").equals(JsonValue.nullValue())), result.toString());

        InProcessCli reclaimed = InProcessCli.run("query", "--snapshot", "manifest:main:v2", "-e",
                "query q() { match { $p: Person } return { $p.name } }", "--store", uri);
        assertEquals(1, reclaimed.exitCode());
        assertEquals("omnigraph: error: [historical_version_reclaimed] snapshot manifest:main:v2 was reclaimed by cleanup",
                reclaimed.err().strip());

        InProcessCli human = ok("cleanup", uri, "--older-than", "7d", "--confirm");
        assertTrue(human.out().startsWith("cleanup " + uri + " (remove anything older than 7d) — removed 0 versions"),
                human.out());
    }
}
