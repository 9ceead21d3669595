package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import dev.omnigraph.domain.graph.maintenance.CleanupPolicy;
import java.util.Objects;

/**
 * @param graphUri the graph
 * @param policy which versions may go
 */
public record CleanUpGraphCommand(String graphUri, CleanupPolicy policy) {
    public CleanUpGraphCommand {
        Arguments.requireText(graphUri, "graph URI");
        Objects.requireNonNull(policy, "policy");
    }
}
