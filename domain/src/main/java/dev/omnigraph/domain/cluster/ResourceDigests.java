package dev.omnigraph.domain.cluster;

import dev.omnigraph.domain.json.JsonDigest;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The digests that identify cluster resources, byte-compatible with the reference (all bare
 * lower-case SHA-256 hex). Schema, query and policy digests are the hash of the source file's
 * bytes ({@link Sha256#hex(byte[])}; a query's is its containing file's). The composite, provider
 * and config digests hash NUL-separated inputs described on each method; maps are walked in
 * code-point order of their keys.
 */
public final class ResourceDigests {

    private ResourceDigests() {
    }

    /**
     * {@code graph.<id>}: {@code "graph\0<id>\0schema\0<schema or empty>\0"}, then per query by name
     * {@code "query\0<name>\0<digest>\0"}, then when a provider is bound
     * {@code "embedding_provider\0<address>\0<digest or empty>\0"}, then only for a non-Deny policy
     * {@code "external_blob_policy\0<compact policy JSON>\0"} (Deny is omitted so digests from
     * before the policy existed stay stable).
     */
    public static String graphComposite(String graphId, Optional<String> schemaDigest, Map<String, String> queryDigests,
                                        Optional<String> providerAddress, Optional<String> providerDigest,
                                        ExternalBlobPolicy externalBlobPolicy) {
        StringBuilder input = new StringBuilder("graph\0").append(graphId).append("\0schema\0")
                .append(schemaDigest.orElse("")).append('\0');
        for (String name : sortedKeys(queryDigests)) {
            input.append("query\0").append(name).append('\0').append(queryDigests.get(name)).append('\0');
        }
        providerAddress.ifPresent(address -> input.append("embedding_provider\0").append(address).append('\0')
                .append(providerDigest.orElse("")).append('\0'));
        if (!externalBlobPolicy.isDeny()) {
            input.append("external_blob_policy\0").append(JsonWriter.compact(externalBlobPolicy.toJson())).append('\0');
        }
        return Sha256.hex(input.toString());
    }

    /** {@code provider.embedding.<name>}: {@code "embedding-provider\0"} + the profile's compact JSON. */
    public static String embeddingProvider(EmbeddingProviderProfile profile) {
        return Sha256.hex("embedding-provider\0" + JsonWriter.compact(profile.toJson()));
    }

    /**
     * The desired config digest: {@code "cluster-config\0"} + compact JSON of the parsed config's
     * semantics + {@code "\0"}, then per resource by address {@code "<address>\0<digest>\0"}. Parsed
     * semantics rather than raw bytes, so comments and layout do not change it; any semantic edit
     * (and any edit to a referenced file) does, which stales every approval.
     */
    public static String config(JsonValue configSemantics, Map<String, String> resourceDigests) {
        StringBuilder input = new StringBuilder("cluster-config\0").append(JsonWriter.compact(configSemantics))
                .append('\0');
        for (String address : sortedKeys(resourceDigests)) {
            input.append(address).append('\0').append(resourceDigests.get(address)).append('\0');
        }
        return Sha256.hex(input.toString());
    }

    private static List<String> sortedKeys(Map<String, String> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(JsonDigest.CODE_POINT_ORDER);
        return keys;
    }
}
