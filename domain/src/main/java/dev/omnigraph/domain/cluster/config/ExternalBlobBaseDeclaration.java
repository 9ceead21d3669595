package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ExternalBlobScope;
import dev.omnigraph.domain.json.JsonObject;

import java.util.Objects;

/** One {@code external_blobs.allow[]} entry as written: the raw base and its scope. */
public record ExternalBlobBaseDeclaration(String base, ExternalBlobScope scope) {

    public ExternalBlobBaseDeclaration {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(scope, "scope");
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("base", base).put("scope", scope.label()).build();
    }
}
