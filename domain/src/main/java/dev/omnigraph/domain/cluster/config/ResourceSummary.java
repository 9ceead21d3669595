package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.json.JsonObject;

import java.util.Objects;
import java.util.Optional;

/** One desired resource as {@code cluster validate} lists it: {@code {address, kind, digest, path?}}. */
public record ResourceSummary(String address, String kind, String digest, Optional<String> path) {

    public ResourceSummary {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(path, "path");
    }

    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().put("address", address).put("kind", kind).put("digest", digest);
        path.ifPresent(value -> json.put("path", value));
        return json.build();
    }
}
