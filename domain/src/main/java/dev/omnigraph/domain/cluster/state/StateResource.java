package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.EmbeddingProviderProfile;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An applied resource: its digest plus the metadata serving needs without desired config —
 * {@code applies_to} (policies), {@code embedding_provider} (graphs), {@code embedding_profile}
 * (providers, with the unresolved {@code ${ENV}} reference) and {@code external_blob_policy}
 * (graphs, only when not Deny). Absent fields are omitted from JSON.
 */
public record StateResource(String digest,
                            Optional<List<String>> appliesTo,
                            Optional<String> embeddingProvider,
                            Optional<EmbeddingProviderProfile> embeddingProfile,
                            Optional<ExternalBlobPolicy> externalBlobPolicy) {

    public StateResource {
        Objects.requireNonNull(digest, "digest");
        appliesTo = appliesTo.map(List::copyOf);
        Objects.requireNonNull(embeddingProvider, "embeddingProvider");
        Objects.requireNonNull(embeddingProfile, "embeddingProfile");
        Objects.requireNonNull(externalBlobPolicy, "externalBlobPolicy");
    }

    /** A resource with no metadata (schema, query). */
    public static StateResource of(String digest) {
        return new StateResource(digest, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().put("digest", digest);
        appliesTo.ifPresent(bindings -> json.put("applies_to", JsonArray.ofStrings(bindings)));
        embeddingProvider.ifPresent(address -> json.put("embedding_provider", address));
        embeddingProfile.ifPresent(profile -> json.put("embedding_profile", profile.toJson()));
        externalBlobPolicy.ifPresent(policy -> json.put("external_blob_policy", policy.toJson()));
        return json.build();
    }
}
