package dev.omnigraph.ports.in;

import dev.omnigraph.domain.query.descriptor.StoredQueryDescriptor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param queries by graph id, then name
 * @param refusal why nothing could be listed: the cluster is not servable (each reason on its own line), or the
 *     requested graph is not applied in it
 */
public record StoredQueriesResult(String cluster, List<Listed> queries, Optional<String> refusal) {
    public StoredQueriesResult {
        Objects.requireNonNull(cluster, "cluster");
        queries = List.copyOf(queries);
        Objects.requireNonNull(refusal, "refusal");
    }

    /** One stored query of one graph. */
    public record Listed(String graphId, StoredQueryDescriptor descriptor) {
        public Listed {
            Objects.requireNonNull(graphId, "graphId");
            Objects.requireNonNull(descriptor, "descriptor");
        }
    }
}
