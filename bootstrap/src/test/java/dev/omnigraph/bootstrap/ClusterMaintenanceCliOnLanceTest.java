package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import dev.omnigraph.adapters.cli.OperatorConfig;
import dev.omnigraph.adapters.storage.codec.Codecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize}, {@code repair} and {@code cleanup} address a cluster's graph with {@code --cluster} (a config
 * directory or the storage root URI) and {@code --graph} (cluster notes §2.8, reference C::optimize_*): the root
 * comes from the applied ledger alone, so it works with the catalog blobs gone; a cluster's only graph needs no
 * {@code --graph}; several are listed; an id the ledger does not hold is {@code graph_not_applied}.
 */
class ClusterMaintenanceCliOnLanceTest {

    private static final String SCHEMA = """
            node Person {
                name: String @key
            }
            """;

    @TempDir
    Path temp;

    private Path cluster(String... graphIds) throws IOException {
        Path dir = temp.resolve("ops");
        Files.createDirectories(dir);
        StringBuilder yaml = new StringBuilder("version: 1\ngraphs:\n");
        for (String id : graphIds) {
            yaml.append("  ").append(id).append(":\n    schema: people.pg\n    queries: queries/\n");
        }
        Files.writeString(dir.resolve("cluster.yaml"), yaml.toString());
        Files.writeString(dir.resolve("people.pg"), SCHEMA);
        Files.createDirectories(dir.resolve("queries"));
        Files.writeString(dir.resolve("queries/person.gq"),
                "query person($name: String) {\n    match { $p: Person { name: $name } }\n    return { $p.name }\n}\n");
        assertEquals(0, InProcessCli.run("cluster", "import", "--config", dir.toString()).exitCode());
        InProcessCli applied = InProcessCli.run("cluster", "apply", "--config", dir.toString());
        assertEquals(0, applied.exitCode(), applied.toString());
        return dir;
    }

    @Test
    void the_only_graph_of_a_cluster_needs_no_graph_id_and_an_unknown_id_is_not_applied() throws IOException {
        Path dir = cluster("people");
        InProcessCli optimized = InProcessCli.run("optimize", "--cluster", dir.toString(), "--json");
        assertEquals(0, optimized.exitCode(), optimized.toString());
        assertTrue(optimized.out().contains("\"uri\" : \"" + dir.resolve("graphs/people.omni") + "\"")
                || optimized.out().contains("\"uri\": \"" + dir.resolve("graphs/people.omni") + "\""), optimized.out());
        InProcessCli repaired = InProcessCli.run("repair", "--cluster", dir.toString(), "--graph", "people");
        assertEquals(0, repaired.exitCode(), repaired.toString());
        Path operatorFile = Files.writeString(temp.resolve("config.yaml"), "clusters:\n  ops:\n    root: " + dir + "\n");
        InProcessCli byName = InProcessCli.run(OperatorConfig.at(operatorFile, Codecs.yaml()), "optimize", "--cluster",
                "ops", "--json");
        assertEquals(0, byName.exitCode(), byName.toString());
        assertTrue(byName.out().contains(dir.resolve("graphs/people.omni").toString()), "a configured cluster name "
                + "stands for its root: " + byName.out());
        assertEquals(0, repaired.exitCode(), repaired.toString());

        InProcessCli unknown = InProcessCli.run("cleanup", "--cluster", dir.toString(), "--graph", "nope", "--keep", "1", "--confirm");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertEquals("omnigraph: error: [graph_not_applied] graph `nope` is not applied in cluster `" + dir
                + "` (applied graphs: [people]); declare it in cluster.yaml and run `cluster apply`, or check the id",
                unknown.err().strip());
        assertTrue(Files.notExists(dir.resolve("graphs/nope.omni")));
    }

    @Test
    void several_graphs_are_listed_and_the_ledger_alone_locates_one_even_without_its_catalog() throws IOException {
        Path dir = cluster("alpha", "beta");
        InProcessCli ambiguous = InProcessCli.run("optimize", "--cluster", dir.toString());
        assertEquals(1, ambiguous.exitCode(), ambiguous.toString());
        assertEquals("omnigraph: error: cluster `" + dir + "` has 2 graphs: [alpha, beta]; pass --graph <id> to select one",
                ambiguous.err().strip());

        Path catalog = dir.resolve("__cluster/resources");
        assertTrue(Files.isDirectory(catalog.resolve("query/beta")), "the stored query's catalog blob exists");
        deleteTree(catalog);
        InProcessCli optimized = InProcessCli.run("optimize", "--cluster", dir.toString(), "--graph", "beta");
        assertEquals(0, optimized.exitCode(), optimized.toString());
        assertTrue(optimized.out().contains(dir.resolve("graphs/beta.omni").toString()), optimized.out());
        InProcessCli byRoot = InProcessCli.run("repair", "--cluster", dir.toUri().toString(), "--graph", "alpha", "--json");
        assertEquals(0, byRoot.exitCode(), byRoot.toString());
    }

    @Test
    void a_cluster_without_a_ledger_and_mixed_addressing_are_refused() throws IOException {
        Path bare = temp.resolve("bare");
        Files.createDirectories(bare);
        Files.writeString(bare.resolve("cluster.yaml"), "version: 1\ngraphs: {}\n");
        InProcessCli missing = InProcessCli.run("optimize", "--cluster", bare.toString());
        assertEquals(1, missing.exitCode(), missing.toString());
        assertEquals("omnigraph: error: [cluster_state_missing] cluster `" + bare + "` has no applied state; run "
                + "`cluster apply` first", missing.err().strip());

        assertEquals(2, InProcessCli.run("optimize", "--graph", "people", temp.resolve("g").toString()).exitCode(),
                "--graph needs --cluster");
        assertEquals(2, InProcessCli.run("optimize", "--cluster", bare.toString(), temp.resolve("g").toString()).exitCode(),
                "a URI and --cluster together");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
