package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/**
 * Which bundle to inspect.
 *
 * @param cluster a config directory or the storage root URI, as {@code omnigraph-server --cluster} takes it
 * @param graphId the bundle bound to this graph; empty for the cluster's only bundle
 */
public record PolicyBundleQuery(String cluster, Optional<String> graphId) {
    public PolicyBundleQuery {
        Arguments.requireText(cluster, "cluster");
        Objects.requireNonNull(graphId, "graphId");
    }
}
