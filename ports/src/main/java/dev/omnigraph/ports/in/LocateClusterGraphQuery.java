package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/**
 * @param cluster a config directory (its {@code cluster.yaml} is read for {@code storage:} only) or, containing
 *     {@code ://}, the storage root itself, as {@code omnigraph-server --cluster} takes it
 * @param graphId the graph to locate; empty to locate the cluster's only applied graph
 */
public record LocateClusterGraphQuery(String cluster, Optional<String> graphId) {
    public LocateClusterGraphQuery {
        Arguments.requireText(cluster, "cluster");
        Objects.requireNonNull(graphId, "graphId");
    }
}
