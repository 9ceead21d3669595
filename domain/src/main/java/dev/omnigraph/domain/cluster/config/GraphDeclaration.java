package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code graphs.<id>} as written: schema path, query declaration, optional embedding provider
 * reference ({@code default} or {@code provider.embedding.default}) and the external Blob
 * allow-list (empty means Deny).
 */
public record GraphDeclaration(String schema, QueriesDeclaration queries, Optional<String> embeddingProvider,
                               List<ExternalBlobBaseDeclaration> externalBlobAllow) {

    public GraphDeclaration {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(embeddingProvider, "embeddingProvider");
        externalBlobAllow = List.copyOf(externalBlobAllow);
    }

    /** Config-digest spelling; {@code external_blobs} is omitted when the allow-list is empty. */
    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder()
                .put("schema", schema)
                .put("queries", queries.toJson())
                .put("embedding_provider", embeddingProvider.<JsonValue>map(JsonValue::of).orElse(JsonNull.INSTANCE));
        if (!externalBlobAllow.isEmpty()) {
            json.put("external_blobs", JsonObject.builder()
                    .put("allow", new JsonArray(externalBlobAllow.stream()
                            .<JsonValue>map(ExternalBlobBaseDeclaration::toJson).toList()))
                    .build());
        }
        return json.build();
    }
}
