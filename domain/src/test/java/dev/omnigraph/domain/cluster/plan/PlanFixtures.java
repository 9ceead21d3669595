package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.Dependency;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.ResourceDigests;
import dev.omnigraph.domain.cluster.config.ClusterSettings;
import dev.omnigraph.domain.cluster.config.DesiredCluster;
import dev.omnigraph.domain.cluster.config.DesiredGraph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A small desired revision: graph g (schema s, query q, provider e) and policy p bound to g. */
final class PlanFixtures {

    static final EmbeddingProviderProfile PROFILE = new EmbeddingProviderProfile(Optional.of("mock"), Optional.empty(),
            Optional.of("m"), Optional.empty());
    static final String PROVIDER_DIGEST = ResourceDigests.embeddingProvider(PROFILE);

    private PlanFixtures() {
    }

    static DesiredCluster desired(String schemaDigest, String queryDigest, ExternalBlobPolicy policy) {
        TreeMap<String, String> digests = new TreeMap<>();
        digests.put("schema.g", schemaDigest);
        digests.put("query.g.q", queryDigest);
        digests.put("policy.p", "pd");
        digests.put("provider.embedding.e", PROVIDER_DIGEST);
        digests.put("graph.g", ResourceDigests.graphComposite("g", Optional.of(schemaDigest), Map.of("q", queryDigest),
                Optional.of("provider.embedding.e"), Optional.of(PROVIDER_DIGEST), policy));
        return new DesiredCluster("cfg-" + schemaDigest + queryDigest, new ClusterSettings(true, Optional.empty()),
                new TreeMap<>(Map.of("provider.embedding.e", PROFILE)),
                List.of(new DesiredGraph("g", schemaDigest, Optional.of("provider.embedding.e"), policy)),
                digests, List.of(),
                List.of(new Dependency("graph.g", "provider.embedding.e"), new Dependency("policy.p", "graph.g"),
                        new Dependency("query.g.q", "graph.g"), new Dependency("query.g.q", "schema.g"),
                        new Dependency("schema.g", "graph.g")),
                new TreeMap<>(Map.of("policy.p", List.of("graph.g"))));
    }

    static DesiredCluster desired() {
        return desired("s1", "q1", ExternalBlobPolicy.DENY);
    }
}
