package dev.omnigraph.bootstrap.endtoend;

import dev.omnigraph.bootstrap.TestTrees;
import java.nio.file.Path;
import java.util.Map;

/**
 * A cluster config folder copied to a scratch place and converged the way an operator does it, through
 * the packaged CLI: {@code cluster import}, {@code cluster apply}, then each graph's seed data loaded
 * with {@code omnigraph load}. With no {@code storage:} key the storage root is the folder itself.
 */
final class ConvergedCluster {

    private final Path dir;

    private ConvergedCluster(Path dir) {
        this.dir = dir;
    }

    /** Copies {@code source} into {@code target} (which must not exist yet) and converges it. */
    static ConvergedCluster converge(Path source, Path target, Map<String, String> seedsByGraph) {
        TestTrees.copy(source, target);
        ConvergedCluster cluster = new ConvergedCluster(target);
        Distribution.omnigraph(target, Map.of(), "cluster", "import", "--config", target.toString()).requireSuccess();
        Distribution.omnigraph(target, Map.of(), "cluster", "apply", "--config", target.toString()).requireSuccess();
        seedsByGraph.forEach((graphId, seed) -> Distribution.omnigraph(target, Map.of(), "load", "--data",
                target.resolve(seed).toString(), "--mode", "overwrite", cluster.graphRoot(graphId)).requireSuccess());
        return cluster;
    }

    /** A byte-for-byte copy of this converged cluster (cheaper than converging again). */
    ConvergedCluster copyTo(Path target) {
        TestTrees.copy(dir, target);
        return new ConvergedCluster(target);
    }

    Path dir() {
        return dir;
    }

    String graphRoot(String graphId) {
        return dir.resolve("graphs").resolve(graphId + ".omni").toString();
    }
}
