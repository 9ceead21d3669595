package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graph of a cluster's layout ({@code <root>/graphs/<id>.omni} under a root holding a ledger) is created and
 * migrated only by {@code cluster apply}, which records the ledger, recovery and approvals. The command line's
 * {@code init} and {@code schema apply} refuse such a graph with a signpost to {@code cluster apply} and change
 * nothing (cluster notes §2.8); the same shape without a ledger is an ordinary location.
 */
class ClusterManagedGraphCliOnLanceTest {

    private static final String SCHEMA = """
            node Person {
                name: String @key
            }
            """;

    @TempDir
    Path temp;

    @Test
    void init_and_schema_apply_refuse_a_cluster_managed_graph_and_signpost_cluster_apply() throws IOException {
        Path dir = temp.resolve("ops");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cluster.yaml"), "version: 1\ngraphs:\n  people:\n    schema: people.pg\n");
        Files.writeString(dir.resolve("people.pg"), SCHEMA);
        Path evolved = temp.resolve("evolved.pg");
        Files.writeString(evolved, SCHEMA.replace("@key\n", "@key\n    bio: String?\n"));
        assertEquals(0, InProcessCli.run("cluster", "import", "--config", dir.toString()).exitCode());
        assertEquals(0, InProcessCli.run("cluster", "apply", "--config", dir.toString()).exitCode());
        Path people = dir.resolve("graphs/people.omni");

        InProcessCli migrate = InProcessCli.run("schema", "apply", "--schema", evolved.toString(), people.toString());
        assertEquals(1, migrate.exitCode(), migrate.toString());
        assertEquals("omnigraph: error: `" + people + "` is inside cluster `" + dir + "`. A graph in a cluster evolves "
                + "via `cluster apply` (which records ledger, recovery, and approvals), not `schema apply`. Update the "
                + "schema in cluster.yaml and run `cluster apply`.", migrate.err().strip());
        assertEquals(SCHEMA, Files.readString(people.resolve("_schema.pg")), "nothing was migrated");

        Path sneaky = dir.resolve("graphs/sneaky.omni");
        InProcessCli init = InProcessCli.run("init", "--schema", dir.resolve("people.pg").toString(), "--store", sneaky + "/");
        assertEquals(1, init.exitCode(), init.toString());
        assertTrue(init.err().contains("Graphs in a cluster are created by `cluster apply`"), init.err());
        assertFalse(Files.exists(sneaky), "nothing was created");
    }

    @Test
    void the_cluster_layout_without_a_ledger_is_an_ordinary_location() {
        Path plain = temp.resolve("plain/graphs/people.omni");
        Path schema = temp.resolve("people.pg");
        try {
            Files.writeString(schema, SCHEMA);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        InProcessCli init = InProcessCli.run("init", "--schema", schema.toString(), plain.toString());
        assertEquals(0, init.exitCode(), init.toString());
        assertTrue(Files.isRegularFile(plain.resolve("_schema.pg")));
    }
}
