package dev.omnigraph.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

/** A converged copy of {@code examples/cluster} (imported and applied through the command line). */
final class ExampleCluster {

    private ExampleCluster() {}

    /** Copies the example cluster to {@code <temp>/ops}, imports and applies it as {@code act-admin}; returns the copy. */
    static Path converged(Path temp) throws IOException {
        Path source = GraphEngineOnLanceTest.examples().getParent().resolve("cluster");
        Path dir = temp.resolve("ops");
        TestTrees.copy(source, dir);
        assertEquals(0, InProcessCli.run("cluster", "import", "--config", dir.toString()).exitCode());
        InProcessCli applied = InProcessCli.run("cluster", "apply", "--config", dir.toString(), "--as", "act-admin");
        assertEquals(0, applied.exitCode(), applied.toString());
        return dir;
    }
}
