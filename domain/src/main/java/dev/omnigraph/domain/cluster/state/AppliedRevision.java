package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.AddressMaps;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Objects;
import java.util.Optional;
import java.util.Map;

/**
 * {@code applied_revision}: the config digest of the last fully converged apply (or import),
 * written as {@code null} when absent, and the applied resources by address.
 */
public record AppliedRevision(Optional<String> configDigest, Map<String, StateResource> resources) {

    public AppliedRevision {
        Objects.requireNonNull(configDigest, "configDigest");
        resources = AddressMaps.copyOf(resources);
    }

    public JsonObject toJson() {
        JsonObject.Builder resourceJson = JsonObject.builder();
        resources.forEach((address, resource) -> resourceJson.put(address, resource.toJson()));
        return JsonObject.builder()
                .put("config_digest", configDigest.<JsonValue>map(JsonValue::of).orElse(JsonNull.INSTANCE))
                .put("resources", resourceJson.build())
                .build();
    }
}
