package dev.omnigraph.ports.in;

import dev.omnigraph.domain.graph.load.LoadMode;
import java.util.List;
import java.util.Optional;

/**
 * The reference's {@code IngestOutput} ({@code GraphBatchLoadOutput} is the same without {@code uri}).
 *
 * @param baseBranch the branch the target was created from, when the load created it
 * @param nodes records loaded per node type
 * @param edges records loaded per edge type
 */
public record ServedLoadResult(String uri, String branch, Optional<String> baseBranch, boolean branchCreated,
                               LoadMode mode, List<TypeCount> nodes, List<TypeCount> edges, long totalEntities,
                               Optional<String> actorId, Optional<CommitResult> commit) {
    public ServedLoadResult {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** {@code GraphBatchDeclarationOutput}: {@code name}, {@code entities_loaded}. */
    public record TypeCount(String name, long entitiesLoaded) {}
}
