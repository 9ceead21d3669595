package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ExternalBlobPolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * A declared graph as apply needs it: the desired schema digest (empty when the schema file was
 * unreadable), the bound provider address and the validated external Blob policy.
 */
public record DesiredGraph(String id, String schemaDigest, Optional<String> embeddingProvider,
                           ExternalBlobPolicy externalBlobPolicy) {

    public DesiredGraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schemaDigest, "schemaDigest");
        Objects.requireNonNull(embeddingProvider, "embeddingProvider");
        Objects.requireNonNull(externalBlobPolicy, "externalBlobPolicy");
    }
}
