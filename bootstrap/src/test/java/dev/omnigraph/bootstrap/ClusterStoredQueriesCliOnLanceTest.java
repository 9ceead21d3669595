package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.SchemaApplyService;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.ApplySchemaCommand;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code queries list|validate --cluster} (cluster notes §2.8) read the serving snapshot: the stored queries a
 * server would load, with their kinds and typed parameters, and whether each still type-checks against its
 * graph's applied schema (a broken one would quarantine the graph at boot).
 */
class ClusterStoredQueriesCliOnLanceTest {

    @TempDir
    Path temp;

    @Test
    void the_served_queries_are_listed_with_their_kinds_and_typed_parameters() throws IOException {
        Path dir = ExampleCluster.converged(temp);
        InProcessCli listed = InProcessCli.run("queries", "list", "--cluster", dir.toString(), "--json");
        assertEquals(0, listed.exitCode(), listed.toString());
        JsonArray queries = listed.json().get("queries").asArray();
        JsonObject person = queries.elements().stream().map(JsonValue::asObject)
                .filter(q -> q.get("name").asString().equals("person")).findFirst().orElseThrow();
        assertEquals("people", person.get("graph_id").asString());
        assertEquals(JsonValue.of(false), person.get("mutation"));
        assertEquals("one person by name", person.get("description").asString());
        JsonObject param = person.get("params").asArray().elements().get(0).asObject();
        assertEquals(List.of("name", "String", "false"), List.of(param.get("name").asString(),
                param.get("type").asString(), String.valueOf(param.get("nullable").asBoolean())));
        assertTrue(queries.elements().stream().map(JsonValue::asObject).anyMatch(q -> q.get("name").asString()
                .equals("add_person") && q.get("mutation").asBoolean()), listed.out());

        InProcessCli human = InProcessCli.run("queries", "list", "--cluster", dir.toString());
        assertTrue(human.out().contains("read  person($name: String)\n    description: one person by name"), human.out());
        assertTrue(human.out().contains("mutation  add_person($name: String, $age: I32)"), human.out());

        InProcessCli unknown = InProcessCli.run("queries", "list", "--cluster", dir.toString(), "--graph", "nope");
        assertEquals(1, unknown.exitCode());
        assertEquals("omnigraph: error: graph `nope` is not applied in cluster `" + dir + "`", unknown.err().strip());
    }

    @Test
    void validate_reports_a_query_the_live_schema_broke_and_an_unservable_cluster() throws Exception {
        Path dir = ExampleCluster.converged(temp);
        InProcessCli valid = InProcessCli.run("queries", "validate", "--cluster", dir.toString());
        assertEquals(0, valid.exitCode(), valid.toString());
        int stored = Files.readString(dir.resolve("queries/reads.gq")).split("\nquery ").length - 1
                + Files.readString(dir.resolve("queries/writes.gq")).split("\nquery ").length - 1;
        assertEquals("OK  " + stored + " stored queries type-check against the schema", valid.out().strip());

        // out-of-band drift: Person loses `role` on the live graph (the ledger still records the old schema)
        try (TableStorage tables = TableStorages.lance(LanceProperties.defaults())) {
            GraphEngineService engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(),
                    SystemServices.clock(), SystemServices.ids());
            String schema = Files.readString(dir.resolve("people.pg")).replace("    role: enum(admin, member, guest)\n", "");
            new SchemaApplyService(engine).applySchema(new ApplySchemaCommand(dir.resolve("graphs/people.omni").toString(),
                    "drift.pg", schema, false, Optional.of("someone")));
        }
        InProcessCli broken = InProcessCli.run("queries", "validate", "--cluster", dir.toString(), "--json");
        assertEquals(1, broken.exitCode(), broken.toString());
        JsonObject report = broken.json();
        assertEquals(JsonValue.of(false), report.get("ok"));
        List<String> brokenQueries = report.get("breakages").asArray().elements().stream()
                .map(issue -> issue.asObject().get("query").asString()).toList();
        assertEquals(List.of("add_person", "person"), brokenQueries, "exactly the queries that use role");
        InProcessCli human = InProcessCli.run("queries", "validate", "--cluster", dir.toString());
        assertTrue(human.out().contains("ERROR  query 'person': "), human.out());
        assertFalse(human.out().contains("OK  "), human.out());

        Path blob;
        try (Stream<Path> walk = Files.walk(dir.resolve("__cluster/resources/query"))) {
            blob = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).findFirst().orElseThrow();
        }
        Files.writeString(blob, "// tampered\n" + Files.readString(blob));
        InProcessCli unservable = InProcessCli.run("queries", "validate", "--cluster", dir.toString());
        assertEquals(1, unservable.exitCode());
        assertTrue(unservable.err().startsWith("omnigraph: error: cluster `" + dir + "` is not servable:\n  "),
                unservable.err());
    }
}
