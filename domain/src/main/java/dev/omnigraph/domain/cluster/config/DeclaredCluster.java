package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;

import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;

/**
 * Everything {@link ClusterConfigValidator} can decide without reading a referenced file:
 * settings, providers by address with their digests, graphs, policies, the dependency edges known
 * so far (schema→graph, graph→provider, policy→graph; query edges come with the queries) and the
 * diagnostics, in the reference's order (header, providers, graphs, policies).
 */
public record DeclaredCluster(ClusterConfig config,
                              ClusterSettings settings,
                              Map<String, EmbeddingProviderProfile> embeddingProviders,
                              Map<String, String> embeddingProviderDigests,
                              Map<String, DeclaredGraph> graphs,
                              Map<String, DeclaredPolicy> policies,
                              SortedSet<Dependency> dependencies,
                              List<ClusterDiagnostic> diagnostics) {

    public DeclaredCluster {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(settings, "settings");
        embeddingProviders = AddressMaps.copyOf(embeddingProviders);
        embeddingProviderDigests = AddressMaps.copyOf(embeddingProviderDigests);
        graphs = AddressMaps.copyOf(graphs);
        policies = AddressMaps.copyOf(policies);
        dependencies = Collections.unmodifiableSortedSet(new TreeSet<>(dependencies));
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return !ClusterDiagnostic.anyError(diagnostics);
    }
}
