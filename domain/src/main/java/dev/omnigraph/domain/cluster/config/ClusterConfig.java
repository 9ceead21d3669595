package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Objects;
import java.util.Optional;
import java.util.Map;

/**
 * The parsed {@code cluster.yaml}, exactly as declared (nothing normalised or defaulted beyond
 * "absent"): maps are in code-point order of their keys, like the reference's {@code BTreeMap}s.
 * {@link #toSemanticJson()} is the JSON the desired config digest is computed over.
 */
public record ClusterConfig(long version,
                            Optional<String> metadataName,
                            Optional<String> storage,
                            Optional<String> stateBackend,
                            Optional<Boolean> stateLock,
                            Map<String, EmbeddingProviderProfile> embeddingProviders,
                            Map<String, GraphDeclaration> graphs,
                            Map<String, PolicyDeclaration> policies) {

    public ClusterConfig {
        Objects.requireNonNull(metadataName, "metadataName");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(stateBackend, "stateBackend");
        Objects.requireNonNull(stateLock, "stateLock");
        embeddingProviders = AddressMaps.copyOf(embeddingProviders);
        graphs = AddressMaps.copyOf(graphs);
        policies = AddressMaps.copyOf(policies);
    }

    /**
     * The reference's serialisation of its parsed config: every struct field present (absent
     * options as {@code null}) except the provider profile fields and an empty external Blob
     * allow-list, which are omitted; field order as declared.
     */
    public JsonObject toSemanticJson() {
        JsonObject.Builder providers = JsonObject.builder();
        embeddingProviders.forEach((name, profile) -> providers.put(name, profile.toJson()));
        JsonObject.Builder graphJson = JsonObject.builder();
        graphs.forEach((id, graph) -> graphJson.put(id, graph.toJson()));
        JsonObject.Builder policyJson = JsonObject.builder();
        policies.forEach((name, policy) -> policyJson.put(name, policy.toJson()));
        return JsonObject.builder()
                .put("version", version)
                .put("metadata", JsonObject.builder().put("name", nullable(metadataName)).build())
                .put("storage", nullable(storage))
                .put("state", JsonObject.builder()
                        .put("backend", nullable(stateBackend))
                        .put("lock", stateLock.<JsonValue>map(JsonValue::of).orElse(JsonNull.INSTANCE))
                        .build())
                .put("providers", JsonObject.builder().put("embedding", providers.build()).build())
                .put("graphs", graphJson.build())
                .put("policies", policyJson.build())
                .build();
    }

    private static JsonValue nullable(Optional<String> value) {
        return value.<JsonValue>map(JsonValue::of).orElse(JsonNull.INSTANCE);
    }
}
