package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/**
 * @param cluster a config directory or the storage root URI, as {@code omnigraph-server --cluster} takes it
 * @param graphId only this graph's queries; empty for every graph
 */
public record StoredQueriesQuery(String cluster, Optional<String> graphId) {
    public StoredQueriesQuery {
        Arguments.requireText(cluster, "cluster");
        Objects.requireNonNull(graphId, "graphId");
    }
}
