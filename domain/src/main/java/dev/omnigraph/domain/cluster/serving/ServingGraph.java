package dev.omnigraph.domain.cluster.serving;

import dev.omnigraph.domain.Arguments;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * One graph of the applied revision that a server may open.
 *
 * @param graphId            the cluster graph id
 * @param root               its derived root, {@code <storage root>/graphs/<id>.omni} (a plain path for
 *                           a local root, a URI for object storage)
 * @param embeddingProfile   the applied profile of the bound embedding provider, digest-verified, with
 *                           its {@code api_key} still an unresolved {@code ${NAME}} reference
 * @param externalBlobPolicy the full applied policy (Deny when none was recorded); the server projects
 *                           it to its {@code server_safe} bases itself
 */
public record ServingGraph(String graphId, String root, Optional<EmbeddingProviderProfile> embeddingProfile,
                           ExternalBlobPolicy externalBlobPolicy) {

    public ServingGraph {
        Arguments.requireText(graphId, "graph id");
        Arguments.requireText(root, "graph root");
        Objects.requireNonNull(embeddingProfile, "embeddingProfile");
        Objects.requireNonNull(externalBlobPolicy, "externalBlobPolicy");
    }
}
