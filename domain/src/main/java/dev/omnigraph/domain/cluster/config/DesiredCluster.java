package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;

/**
 * The desired revision: what plan diffs against the ledger and apply converges to. Resource
 * digests and summaries are by address; dependencies sorted; policy bindings by policy address;
 * providers by provider address.
 */
public record DesiredCluster(String configDigest,
                             ClusterSettings settings,
                             Map<String, EmbeddingProviderProfile> embeddingProviders,
                             List<DesiredGraph> graphs,
                             Map<String, String> resourceDigests,
                             List<ResourceSummary> resources,
                             List<Dependency> dependencies,
                             Map<String, List<String>> policyBindings) {

    public DesiredCluster {
        Objects.requireNonNull(configDigest, "configDigest");
        Objects.requireNonNull(settings, "settings");
        embeddingProviders = AddressMaps.copyOf(embeddingProviders);
        graphs = List.copyOf(graphs);
        resourceDigests = AddressMaps.copyOf(resourceDigests);
        resources = List.copyOf(resources);
        dependencies = List.copyOf(dependencies);
        policyBindings = AddressMaps.copyOf(policyBindings);
    }

    public Optional<DesiredGraph> graph(String graphId) {
        return graphs.stream().filter(graph -> graph.id().equals(graphId)).findFirst();
    }

    /** The source file path of a resource, when it has one (schema, query, policy). */
    public Optional<String> sourcePath(String address) {
        return resources.stream().filter(resource -> resource.address().equals(address)).findFirst()
                .flatMap(ResourceSummary::path);
    }

    /**
     * {@code cluster validate} extras: one {@code external_blob_ingress_default_deny} warning per
     * graph whose effective external Blob policy is Deny; only validate emits these, and only when
     * validation found no error.
     */
    public List<ClusterDiagnostic> validateExtras() {
        return graphs.stream().filter(graph -> graph.externalBlobPolicy().isDeny())
                .map(graph -> ClusterDiagnostic.warning(ClusterCodes.EXTERNAL_BLOB_INGRESS_DEFAULT_DENY,
                        "graphs." + graph.id() + ".external_blobs",
                        "effective policy is deny: new external Blob URI references will be rejected; existing "
                                + "stored references remain readable"))
                .toList();
    }
}
