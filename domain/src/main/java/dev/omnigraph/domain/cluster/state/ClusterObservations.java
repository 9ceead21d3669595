package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The two observation shapes the control plane writes into {@code observations[graph.<id>]}.
 * Observations are kept as JSON values in the ledger (the reference stores them untyped and
 * accepts older shapes, such as a lone legacy {@code manifest_version}); these build the current
 * shapes with the reference's member order and explicit {@code null}s.
 */
public final class ClusterObservations {

    private ClusterObservations() {
    }

    /**
     * A graph observation: {@code {kind:"graph", address, graph_uri, observed_at, exists,
     * graph_manifest_version, schema_digest, desired_schema_digest, schema_matches_desired, error}}.
     */
    public static JsonObject graph(String address, String graphUri, String observedAt, boolean exists,
                                   OptionalLong graphManifestVersion, Optional<String> schemaDigest,
                                   String desiredSchemaDigest, Optional<Boolean> schemaMatchesDesired,
                                   Optional<String> error) {
        return JsonObject.builder()
                .put("kind", "graph")
                .put("address", address)
                .put("graph_uri", graphUri)
                .put("observed_at", observedAt)
                .put("exists", exists)
                .put("graph_manifest_version", graphManifestVersion.isPresent()
                        ? JsonNumber.of(graphManifestVersion.getAsLong()) : JsonNull.INSTANCE)
                .put("schema_digest", schemaDigest.orElse(null))
                .put("desired_schema_digest", desiredSchemaDigest)
                .put("schema_matches_desired", schemaMatchesDesired.<JsonValue>map(JsonBool::of).orElse(JsonNull.INSTANCE))
                .put("error", error.orElse(null))
                .build();
    }

    /** A tombstone after a graph delete: {@code {kind:"tombstone", deleted_at, approval_id, actor}}. */
    public static JsonObject tombstone(String deletedAt, Optional<String> approvalId, Optional<String> actor) {
        return JsonObject.builder()
                .put("kind", "tombstone")
                .put("deleted_at", deletedAt)
                .put("approval_id", approvalId.orElse(null))
                .put("actor", actor.orElse(null))
                .build();
    }
}
